// Real speech (espeak-ng) encoded to SILK and 24 kHz MP3, decoded by the real WebAssembly decoders in the worker.
import fc from 'fast-check'
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { AudioError } from '../../electron/speech/audio-failures.ts'
import { createInlineDecoder, createWorkerDecoder, type AudioDecoder } from '../../electron/speech/decoder-pool.ts'
import { durationOf, mp3Of, resampleWav, silkOf, speakWav } from '../fakes/test-speech.ts'

let folder: string
let wav: string
let seconds: number
let decoder: AudioDecoder

beforeAll(() => {
  folder = mkdtempSync(join(tmpdir(), 'qunguard-decode-'))
  wav = speakWav(folder, '加我微信，有优惠代购')
  seconds = durationOf(wav)
  decoder = createWorkerDecoder()
})

afterAll(async () => {
  await decoder.close()
  rmSync(folder, { recursive: true, force: true })
})

async function failureOf(promise: Promise<unknown>): Promise<AudioError> {
  const error = await promise.then(() => null, (caught: unknown) => caught)
  expect(error).toBeInstanceOf(AudioError)
  return error as AudioError
}

/** Correlation of two equally long signals (1 = the same waveform). */
function similarity(a: Int16Array, b: Int16Array): number {
  let ab = 0
  let aa = 0
  let bb = 0
  for (let index = 0; index < Math.min(a.length, b.length); index++) {
    ab += a[index]! * b[index]!
    aa += a[index]! ** 2
    bb += b[index]! ** 2
  }
  return ab / Math.sqrt(aa * bb)
}

describe('decoding voice files to 16 kHz mono PCM', () => {
  it('decodes Tencent SILK (with its 0x02 byte) to audio as long as the speech', async () => {
    const silk = await silkOf(folder, wav)
    expect(silk[0]).toBe(0x02)
    const decoded = await decoder.decode(silk)
    expect(decoded.format).toBe('silk')
    expect(Math.abs(decoded.durationMs / 1000 - seconds)).toBeLessThan(0.1)
    expect(decoded.pcm.length).toBe(Math.round((decoded.durationMs / 1000) * 16_000))
  })

  it('decodes standard SILK without the leading byte by adding it', async () => {
    const silk = await silkOf(folder, wav)
    const decoded = await decoder.decode(silk.subarray(1))
    expect(Math.abs(decoded.durationMs / 1000 - seconds)).toBeLessThan(0.1)
  })

  it('decodes 24 kHz MP3 and resamples it to 16 kHz, keeping its duration (not relabelled)', async () => {
    const decoded = await decoder.decode(mp3Of(folder, wav))
    expect(decoded.format).toBe('mp3')
    // MP3 adds encoder delay and padding of a few frames.
    expect(Math.abs(decoded.durationMs / 1000 - seconds)).toBeLessThan(0.15)
    const reference = new Int16Array(readFileSync(resampleWav(folder, wav, 16_000)).buffer.slice(44))
    // The same waveform as sox's resampling, once the encoder delay is skipped: not pitched or stretched.
    let best = 0
    for (let delay = 0; delay < 1600; delay += 8) best = Math.max(best, similarity(decoded.pcm.subarray(delay), reference))
    expect(best).toBeGreaterThan(0.8)
  })

  it('reads WAV at any rate by its content, whatever it is called', async () => {
    const decoded = await decoder.decode(readFileSync(wav))
    expect(decoded.format).toBe('wav')
    expect(Math.abs(decoded.durationMs / 1000 - seconds)).toBeLessThan(0.01)
  })

  it('refuses AMR, unknown and damaged files with their own states', async () => {
    expect((await failureOf(decoder.decode(Buffer.from('#!AMR\n\x3c\x48')))).code).toBe('amr-unsupported')
    expect((await failureOf(decoder.decode(Buffer.from('<html>expired</html>')))).code).toBe('unsupported-audio')
    expect((await failureOf(decoder.decode(new Uint8Array())))).toBeInstanceOf(AudioError)
    const silk = await silkOf(folder, wav)
    const broken = Buffer.concat([Buffer.from(silk.subarray(0, 10)), Buffer.alloc(2000, 0x7f)])
    expect((await failureOf(decoder.decode(broken))).code).toBe('undecodable-audio')
  })

  it('gives the same audio in the worker as on the calling thread', async () => {
    const silk = await silkOf(folder, wav)
    const [inWorker, inline] = await Promise.all([decoder.decode(silk), createInlineDecoder().decode(silk)])
    expect(Buffer.from(inWorker.pcm.buffer).equals(Buffer.from(inline.pcm.buffer))).toBe(true)
  })

  it('survives hostile bytes behind every format\'s magic: a coded refusal or audio, never a crash or hang (property)', async () => {
    const magics = [Buffer.from('#!SILK_V3'), Buffer.from([0x02, ...Buffer.from('#!SILK_V3')]), Buffer.from('ID3\x03\x00'),
      Buffer.from([0xff, 0xf3, 0x64, 0xc4]), Buffer.from('RIFF\x00\x00\x00\x00WAVE'), Buffer.from('#!AMR'), Buffer.alloc(0)]
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...magics), fc.uint8Array({ maxLength: 3000 }), async (magic, noise) => {
        const outcome = await decoder.decode(Buffer.concat([magic, noise])).then(
          (decoded) => decoded.pcm.length > 0,
          (error: unknown) => error instanceof AudioError,
        )
        expect(outcome).toBe(true)
      }),
      { numRuns: 150 },
    )
  })
})
