// Why a voice message's audio could not be turned into speech-service input; shown to the rep by code.

export const AUDIO_FAILURE_CODES = [
  /** The bytes are none of the formats WeChat voice comes in (SILK, MP3, WAV, AMR). */
  'unsupported-audio',
  /** AMR (old WeChat clients): no maintained WebAssembly decoder fits, so it is refused. */
  'amr-unsupported',
  /** The format was recognised but the file is damaged or truncated. */
  'undecodable-audio',
  /** Longer than any voice message can be: refused rather than decoded for minutes. */
  'audio-too-long',
  /** The puppet could not hand over the file (expired link, restart while it downloaded). */
  'audio-unavailable',
] as const
export type AudioFailureCode = (typeof AUDIO_FAILURE_CODES)[number]

export class AudioError extends Error {
  constructor(
    readonly code: AudioFailureCode,
    readonly detail: string,
  ) {
    super(`${code}: ${detail}`)
    this.name = 'AudioError'
  }
}
