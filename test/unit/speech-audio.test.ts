// The pure audio parts: format sniffing, the low-pass resampler, splitting at pauses, WAV reading and writing.
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { sniffAudioFormat, withTencentSilkPrefix } from '../../electron/speech/audio-format.ts'
import { floatToPcm16, mixDown, pcm16ToFloat, resample } from '../../electron/speech/resample.ts'
import { splitAtPauses } from '../../electron/speech/split.ts'
import { readWav, writeWav } from '../../electron/speech/wav.ts'

const bytes = (text: string, prefix: number[] = []) => new Uint8Array([...prefix, ...Buffer.from(text, 'latin1')])

function sine(frequency: number, rate: number, seconds: number, amplitude = 0.5): Float32Array {
  return Float32Array.from({ length: Math.round(rate * seconds) }, (_, n) => amplitude * Math.sin((2 * Math.PI * frequency * n) / rate))
}

function rms(samples: Float32Array, skip = 200): number {
  let sum = 0
  for (let index = skip; index < samples.length - skip; index++) sum += samples[index]! ** 2
  return Math.sqrt(sum / (samples.length - 2 * skip))
}

/** Frequency from upward zero crossings. */
function frequencyOf(samples: Float32Array, rate: number): number {
  let crossings = 0
  for (let index = 1; index < samples.length; index++) if (samples[index - 1]! < 0 && samples[index]! >= 0) crossings++
  return (crossings * rate) / samples.length
}

describe('audio format sniffing', () => {
  it('knows SILK with and without Tencent\'s 0x02, WAV, AMR and MP3 by ID3 or frame sync, whatever the name', () => {
    expect(sniffAudioFormat(bytes('#!SILK_V3\x0c\x00'))).toBe('silk')
    expect(sniffAudioFormat(bytes('#!SILK_V3', [0x02]))).toBe('silk')
    expect(sniffAudioFormat(bytes('RIFF\x24\x00\x00\x00WAVEfmt '))).toBe('wav')
    expect(sniffAudioFormat(bytes('#!AMR\n'))).toBe('amr')
    expect(sniffAudioFormat(bytes('ID3\x04\x00'))).toBe('mp3')
    expect(sniffAudioFormat(new Uint8Array([0xff, 0xf3, 0x64, 0xc4]))).toBe('mp3') // MPEG-2 layer III, 24 kHz
  })

  it('refuses what only looks a little like audio', () => {
    expect(sniffAudioFormat(new Uint8Array())).toBeNull()
    expect(sniffAudioFormat(bytes('#!SILK'))).toBeNull()
    expect(sniffAudioFormat(bytes('RIFF\x24\x00\x00\x00AVI '))).toBeNull()
    expect(sniffAudioFormat(new Uint8Array([0xff, 0xff, 0xff, 0xff]))).toBeNull() // bad bitrate index
    expect(sniffAudioFormat(bytes('#!SILK_V3', [0x03]))).toBeNull()
    expect(sniffAudioFormat(bytes('<html>'))).toBeNull()
  })

  it('adds Tencent\'s leading byte only where it is missing', () => {
    expect([...withTencentSilkPrefix(bytes('#!S')).subarray(0, 2)]).toEqual([0x02, 0x23])
    const tencent = bytes('#!S', [0x02])
    expect(withTencentSilkPrefix(tencent)).toBe(tencent)
  })
})

describe('resampling', () => {
  it('keeps a tone\'s pitch and loudness from 24 kHz to 16 kHz, and the duration', () => {
    const output = resample(sine(1000, 24_000, 1), 24_000, 16_000)
    expect(output.length).toBe(16_000)
    expect(frequencyOf(output, 16_000)).toBeCloseTo(1000, -1)
    expect(rms(output)).toBeCloseTo(0.5 / Math.SQRT2, 2)
  })

  it('filters out what lies above the new Nyquist frequency instead of folding it back', () => {
    // 10 kHz at 24 kHz would alias to 6 kHz at 16 kHz without a low-pass.
    const output = resample(sine(10_000, 24_000, 1), 24_000, 16_000)
    expect(rms(output)).toBeLessThan((0.5 / Math.SQRT2) * 0.01) // at least 40 dB down
  })

  it('converts the other rates WeChat and espeak produce, up and down', () => {
    for (const rate of [8_000, 22_050, 44_100, 48_000]) {
      const output = resample(sine(440, rate, 0.5), rate, 16_000)
      expect(output.length).toBe(8_000)
      expect(frequencyOf(output, 16_000)).toBeCloseTo(440, -1)
    }
  })

  it('mixes channels down to their average and round-trips 16-bit samples', () => {
    const mono = mixDown([Float32Array.of(1, 0.5), Float32Array.of(0, -0.5)], 2)
    expect([...mono]).toEqual([0.5, 0])
    const pcm = Int16Array.of(-32768, -1, 0, 1, 32767)
    expect([...floatToPcm16(pcm16ToFloat(pcm))]).toEqual([...pcm])
  })
})

describe('splitting at pauses', () => {
  const rate = 16_000
  /** Speech-like noise bursts with pauses at the given seconds. */
  function talk(seconds: number, pausesAt: readonly number[]): Int16Array {
    const pcm = new Int16Array(seconds * rate)
    for (let index = 0; index < pcm.length; index++) {
      const t = index / rate
      const paused = pausesAt.some((at) => t >= at && t < at + 0.4)
      pcm[index] = paused ? 0 : Math.round(8000 * Math.sin(index * 0.3) * Math.sin(index * 0.011))
    }
    return pcm
  }

  it('leaves audio up to 55 s whole', () => {
    const pcm = talk(55, [])
    const pieces = splitAtPauses(pcm, rate)
    expect(pieces.length).toBe(1)
    expect(pieces[0]).toBe(pcm)
  })

  it('cuts inside the pause nearest before 55 s and keeps every sample, in order', () => {
    const pcm = talk(100, [20, 48, 70])
    const pieces = splitAtPauses(pcm, rate)
    expect(pieces.map((piece) => piece.length / rate).every((seconds) => seconds <= 55)).toBe(true)
    const firstCut = pieces[0]!.length / rate
    expect(firstCut).toBeGreaterThanOrEqual(48)
    expect(firstCut).toBeLessThan(48.4)
    expect(pieces.reduce((sum, piece) => sum + piece.length, 0)).toBe(pcm.length)
    const joined = Buffer.concat(pieces.map((piece) => Buffer.from(piece.buffer, piece.byteOffset, piece.byteLength)))
    expect(joined.equals(Buffer.from(pcm.buffer))).toBe(true)
  })

  it('cuts hard when there is no pause, and never makes a piece over the limit (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 56, max: 400 }), fc.integer({ min: 5, max: 55 }), (seconds, limit) => {
        const pcm = new Int16Array(seconds * 100).fill(1000)
        const pieces = splitAtPauses(pcm, 100, limit)
        return pieces.every((piece) => piece.length <= limit * 100 && piece.length > 0) && pieces.reduce((s, p) => s + p.length, 0) === pcm.length
      }),
      { numRuns: 200 },
    )
  })
})

describe('WAV', () => {
  it('reads back what it writes', () => {
    const pcm = Int16Array.of(0, 1000, -1000, 32767, -32768)
    const wav = readWav(writeWav(pcm, 16_000))
    expect(wav.sampleRate).toBe(16_000)
    expect([...floatToPcm16(wav.channels[0]!)]).toEqual([...pcm])
  })

  it('refuses a damaged file with a clear reason, and never throws anything else on random bytes (property)', () => {
    const header = writeWav(Int16Array.of(1, 2, 3), 16_000)
    expect(() => readWav(header.subarray(0, 30))).toThrow(/fmt chunk is truncated|no fmt/)
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 200 }), fc.integer({ min: 0, max: 44 }), (noise, keep) => {
        const file = Buffer.concat([header.subarray(0, keep), noise])
        try {
          readWav(file)
        } catch (error) {
          return (error as Error).name === 'AudioError'
        }
        return true
      }),
      { numRuns: 500 },
    )
  })
})
