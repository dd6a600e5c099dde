// Any voice file to what speech services take: 16 kHz mono 16-bit PCM. All in WebAssembly (silk-wasm,
// mpg123-decoder): no native build, no ffmpeg. Runs inside the decoding worker (decoder-pool.ts).
import { MPEGDecoder } from 'mpg123-decoder'
import { decode as decodeSilk } from 'silk-wasm'
import { AudioError } from './audio-failures.ts'
import { sniffAudioFormat, withTencentSilkPrefix, type AudioFormat } from './audio-format.ts'
import { floatToPcm16, mixDown, resample } from './resample.ts'
import { readWav } from './wav.ts'
import { errorText } from '../../shared/text/error-text.ts'

export const SPEECH_SAMPLE_RATE = 16_000
/** WeChat voice messages last at most 60 s; anything far longer is refused before it costs minutes of work. */
export const MAX_AUDIO_SECONDS = 600
export const MAX_AUDIO_BYTES = 20 * 1024 * 1024

export interface DecodedAudio {
  format: AudioFormat
  /** 16 kHz mono signed 16-bit samples. */
  pcm: Int16Array
  durationMs: number
}

let mpegDecoder: MPEGDecoder | null = null

async function decodeMp3(bytes: Uint8Array): Promise<{ samples: Float32Array; sampleRate: number }> {
  if (!mpegDecoder) {
    mpegDecoder = new MPEGDecoder()
    await mpegDecoder.ready
  } else {
    await mpegDecoder.reset()
  }
  const decoded = mpegDecoder.decode(bytes)
  if (decoded.samplesDecoded === 0 || decoded.channelData.length === 0) {
    throw new AudioError('undecodable-audio', `MP3: no frames decoded${decoded.errors[0] ? ` (${decoded.errors[0].message})` : ''}`)
  }
  // One array per channel: mixed down to mono.
  return { samples: mixDown(decoded.channelData, decoded.samplesDecoded), sampleRate: decoded.sampleRate }
}

async function decodeToMono(format: AudioFormat, bytes: Uint8Array): Promise<Int16Array> {
  switch (format) {
    case 'silk': {
      // silk-wasm decodes straight to the rate asked for.
      const decoded = await decodeSilk(withTencentSilkPrefix(bytes), SPEECH_SAMPLE_RATE).catch((error: unknown) => {
        throw new AudioError('undecodable-audio', `SILK: ${errorText(error)}`)
      })
      const data = decoded.data
      return new Int16Array(data.buffer.slice(data.byteOffset, data.byteOffset + (data.byteLength & ~1)))
    }
    case 'mp3': {
      const { samples, sampleRate } = await decodeMp3(bytes)
      return floatToPcm16(resample(samples, sampleRate, SPEECH_SAMPLE_RATE))
    }
    case 'wav': {
      const wav = readWav(bytes)
      guardLength(wav.length / wav.sampleRate)
      return floatToPcm16(resample(mixDown(wav.channels, wav.length), wav.sampleRate, SPEECH_SAMPLE_RATE))
    }
    case 'amr':
      throw new AudioError('amr-unsupported', 'AMR voice is not supported')
  }
}

function guardLength(seconds: number): void {
  if (seconds > MAX_AUDIO_SECONDS) throw new AudioError('audio-too-long', `${Math.round(seconds)} s`)
}

export async function decodeAudio(bytes: Uint8Array): Promise<DecodedAudio> {
  if (bytes.length > MAX_AUDIO_BYTES) throw new AudioError('audio-too-long', `${bytes.length} bytes`)
  const format = sniffAudioFormat(bytes)
  if (!format) throw new AudioError('unsupported-audio', `starts with ${Buffer.from(bytes.subarray(0, 8)).toString('hex') || 'nothing'}`)
  const pcm = await decodeToMono(format, bytes)
  if (pcm.length === 0) throw new AudioError('undecodable-audio', `${format}: no audio in the file`)
  const durationMs = Math.round((pcm.length / SPEECH_SAMPLE_RATE) * 1000)
  guardLength(durationMs / 1000)
  return { format, pcm, durationMs }
}
