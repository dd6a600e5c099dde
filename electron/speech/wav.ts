// WAV (RIFF) reading for voice files that arrive as WAV, and writing the decoded audio the rep can listen to.
import { AudioError } from './audio-failures.ts'

export interface FloatAudio {
  channels: Float32Array[]
  sampleRate: number
  length: number
}

const PCM = 1
const IEEE_FLOAT = 3
const EXTENSIBLE = 0xfffe

function text(view: DataView, offset: number, length: number): string {
  let result = ''
  for (let index = 0; index < length; index++) result += String.fromCharCode(view.getUint8(offset + index))
  return result
}

function bad(detail: string): AudioError {
  return new AudioError('undecodable-audio', `WAV: ${detail}`)
}

/** Reads PCM (8, 16, 24 or 32-bit) and 32-bit float WAV into float channels. */
export function readWav(bytes: Uint8Array): FloatAudio {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  let format: { code: number; channels: number; sampleRate: number; bits: number } | null = null
  let data: { offset: number; length: number } | null = null
  for (let offset = 12; offset + 8 <= bytes.length && !data; ) {
    const id = text(view, offset, 4)
    const size = view.getUint32(offset + 4, true)
    const body = offset + 8
    if (id === 'fmt ') {
      if (size < 16 || body + size > bytes.length) throw bad('fmt chunk is truncated')
      let code = view.getUint16(body, true)
      if (code === EXTENSIBLE && size >= 26) code = view.getUint16(body + 24, true)
      format = { code, channels: view.getUint16(body + 2, true), sampleRate: view.getUint32(body + 4, true), bits: view.getUint16(body + 14, true) }
    } else if (id === 'data') {
      // Streaming writers leave the size at 0 or 0xFFFFFFFF: the data then runs to the end of the file.
      data = { offset: body, length: Math.min(size === 0 ? Infinity : size, bytes.length - body) }
    }
    offset = body + size + (size % 2)
  }
  if (!format) throw bad('no fmt chunk')
  if (!data) throw bad('no data chunk')
  const { code, channels, sampleRate, bits } = format
  if (channels < 1 || channels > 8) throw bad(`${channels} channels`)
  if (sampleRate < 4000 || sampleRate > 192_000) throw bad(`sample rate ${sampleRate}`)
  const floats = code === IEEE_FLOAT && bits === 32
  if (!floats && !(code === PCM && [8, 16, 24, 32].includes(bits))) throw bad(`format ${code} with ${bits} bits is not supported`)
  const frameBytes = (bits / 8) * channels
  const length = Math.floor(data.length / frameBytes)
  const decoded = Array.from({ length: channels }, () => new Float32Array(length))
  for (let frame = 0; frame < length; frame++) {
    for (let channel = 0; channel < channels; channel++) {
      const at = data.offset + frame * frameBytes + channel * (bits / 8)
      decoded[channel]![frame] = sampleAt(view, at, bits, floats)
    }
  }
  return { channels: decoded, sampleRate, length }
}

function sampleAt(view: DataView, at: number, bits: number, floats: boolean): number {
  if (floats) return view.getFloat32(at, true)
  switch (bits) {
    case 8:
      return (view.getUint8(at) - 128) / 128
    case 16:
      return view.getInt16(at, true) / 0x8000
    case 24:
      return ((view.getUint8(at) | (view.getUint8(at + 1) << 8) | (view.getInt8(at + 2) << 16)) / 0x800000)
    default:
      return view.getInt32(at, true) / 0x80000000
  }
}

/** A mono 16-bit PCM WAV file around the samples. */
export function writeWav(pcm: Int16Array, sampleRate: number): Buffer {
  const dataBytes = pcm.length * 2
  const file = Buffer.alloc(44 + dataBytes)
  file.write('RIFF', 0, 'latin1')
  file.writeUInt32LE(36 + dataBytes, 4)
  file.write('WAVEfmt ', 8, 'latin1')
  file.writeUInt32LE(16, 16)
  file.writeUInt16LE(PCM, 20)
  file.writeUInt16LE(1, 22)
  file.writeUInt32LE(sampleRate, 24)
  file.writeUInt32LE(sampleRate * 2, 28)
  file.writeUInt16LE(2, 32)
  file.writeUInt16LE(16, 34)
  file.write('data', 36, 'latin1')
  file.writeUInt32LE(dataBytes, 40)
  Buffer.from(pcm.buffer, pcm.byteOffset, dataBytes).copy(file, 44)
  return file
}
