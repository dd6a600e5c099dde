// Why a voice message's audio could not be turned into speech-service input; shown to the rep by code.

import type { AudioFailureCode } from '../../shared/api/types.ts'

// The codes are the API's (shared/api/types.ts explains them), so the window can say each one.
export { AUDIO_FAILURE_CODES, type AudioFailureCode } from '../../shared/api/types.ts'

export class AudioError extends Error {
  constructor(
    readonly code: AudioFailureCode,
    readonly detail: string,
  ) {
    super(`${code}: ${detail}`)
    this.name = 'AudioError'
  }
}
