// Sample-rate conversion with a windowed-sinc low-pass: content above the new Nyquist frequency is filtered out
// before decimating (24 kHz WeChat MP3 to 16 kHz), instead of folding back as noise. Relabelling 24 kHz audio as
// 16 kHz, the original tool's bug, plays it 1.5 times too slow and the service hears nonsense.

/** Zero crossings of the sinc on each side: a steeper filter for more work per sample. */
const ZERO_CROSSINGS = 12
/** The pass band ends this far below the lower Nyquist frequency, leaving room for the transition band. */
const CUTOFF_SHARE = 0.9

function gcd(a: number, b: number): number {
  while (b) [a, b] = [b, a % b]
  return a
}

function blackman(x: number): number {
  // x in [-1, 1]
  const t = (x + 1) / 2
  return 0.42 - 0.5 * Math.cos(2 * Math.PI * t) + 0.08 * Math.cos(4 * Math.PI * t)
}

export function mixDown(channels: readonly Float32Array[], length: number): Float32Array {
  if (channels.length === 1) return channels[0]!.subarray(0, length)
  const mono = new Float32Array(length)
  for (const channel of channels) {
    for (let index = 0; index < length; index++) mono[index]! += channel[index]! / channels.length
  }
  return mono
}

/** Resamples mono float audio between integer rates. */
export function resample(input: Float32Array, fromRate: number, toRate: number): Float32Array {
  if (fromRate === toRate) return input
  const divisor = gcd(fromRate, toRate)
  const up = toRate / divisor
  const down = fromRate / divisor
  // Cut-off in cycles per input sample: the lower of the two Nyquist frequencies, a little below.
  const cutoff = (0.5 * Math.min(1, toRate / fromRate)) * CUTOFF_SHARE
  const halfWidth = Math.ceil(ZERO_CROSSINGS / (2 * cutoff))
  const taps = 2 * halfWidth
  // One kernel per fractional position of an output sample between input samples (there are `up` of them).
  const kernels = new Float32Array(up * taps)
  for (let phase = 0; phase < up; phase++) {
    const fraction = phase / up
    let sum = 0
    for (let tap = 0; tap < taps; tap++) {
      const distance = tap - halfWidth + 1 - fraction
      const x = 2 * cutoff * distance
      const sinc = x === 0 ? 1 : Math.sin(Math.PI * x) / (Math.PI * x)
      const value = sinc * blackman(distance / halfWidth)
      kernels[phase * taps + tap] = value
      sum += value
    }
    // Unity gain at DC for every phase.
    for (let tap = 0; tap < taps; tap++) kernels[phase * taps + tap]! /= sum
  }
  const outputLength = Math.floor((input.length * up) / down)
  const output = new Float32Array(outputLength)
  const last = input.length - 1
  for (let n = 0; n < outputLength; n++) {
    const position = n * down
    const base = Math.floor(position / up)
    const phase = position - base * up
    const kernel = phase * taps
    const first = base - halfWidth + 1
    let acc = 0
    if (first >= 0 && first + taps - 1 <= last) {
      for (let tap = 0; tap < taps; tap++) acc += input[first + tap]! * kernels[kernel + tap]!
    } else {
      for (let tap = 0; tap < taps; tap++) {
        const index = first + tap
        if (index >= 0 && index <= last) acc += input[index]! * kernels[kernel + tap]!
      }
    }
    output[n] = acc
  }
  return output
}

export function floatToPcm16(samples: Float32Array): Int16Array {
  const pcm = new Int16Array(samples.length)
  for (let index = 0; index < samples.length; index++) {
    // The inverse of pcm16ToFloat, so 16-bit audio survives the trip unchanged.
    pcm[index] = Math.max(-0x8000, Math.min(0x7fff, Math.round(samples[index]! * 0x8000)))
  }
  return pcm
}

export function pcm16ToFloat(pcm: Int16Array): Float32Array {
  const samples = new Float32Array(pcm.length)
  for (let index = 0; index < pcm.length; index++) samples[index] = pcm[index]! / 0x8000
  return samples
}
