// Which format a voice file is in, from its first bytes: puppets name files arbitrarily (wechat4u calls every voice
// file ".sil" whatever it holds), so the name is never trusted.

export type AudioFormat = 'silk' | 'mp3' | 'wav' | 'amr'

const SILK_MAGIC = '#!SILK_V3'
/** Tencent's SILK files start with this byte before the standard magic; the decoder expects it. */
const TENCENT_SILK_PREFIX = 0x02

function startsWith(bytes: Uint8Array, text: string, offset = 0): boolean {
  if (bytes.length < offset + text.length) return false
  for (let index = 0; index < text.length; index++) {
    if (bytes[offset + index] !== text.charCodeAt(index)) return false
  }
  return true
}

/** An MPEG audio frame header: 11 sync bits, a valid version, layer, bitrate and sample rate. */
function isMpegFrameHeader(bytes: Uint8Array, offset: number): boolean {
  if (bytes.length < offset + 4) return false
  const [b0, b1, b2] = [bytes[offset]!, bytes[offset + 1]!, bytes[offset + 2]!]
  if (b0 !== 0xff || (b1 & 0xe0) !== 0xe0) return false
  const version = (b1 >> 3) & 0x03
  const layer = (b1 >> 1) & 0x03
  const bitrate = (b2 >> 4) & 0x0f
  const sampleRate = (b2 >> 2) & 0x03
  return version !== 0x01 && layer !== 0x00 && bitrate !== 0x0f && sampleRate !== 0x03
}

export function sniffAudioFormat(bytes: Uint8Array): AudioFormat | null {
  if (startsWith(bytes, SILK_MAGIC) || (bytes[0] === TENCENT_SILK_PREFIX && startsWith(bytes, SILK_MAGIC, 1))) return 'silk'
  if (startsWith(bytes, 'RIFF') && startsWith(bytes, 'WAVE', 8)) return 'wav'
  if (startsWith(bytes, '#!AMR')) return 'amr'
  if (startsWith(bytes, 'ID3') || isMpegFrameHeader(bytes, 0)) return 'mp3'
  return null
}

/** SILK with Tencent's leading byte, which silk-wasm needs: prepended when a puppet delivered the standard form. */
export function withTencentSilkPrefix(bytes: Uint8Array): Uint8Array {
  if (bytes[0] === TENCENT_SILK_PREFIX) return bytes
  const prefixed = new Uint8Array(bytes.length + 1)
  prefixed[0] = TENCENT_SILK_PREFIX
  prefixed.set(bytes, 1)
  return prefixed
}
