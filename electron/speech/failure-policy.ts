// What a failed transcription means for its job: try again later, wait for the rep to fix the keys, or give up.
import { BaiduError } from '../baidu/index.ts'
import { AudioError } from './audio-failures.ts'
import { errorText } from '../../shared/text/error-text.ts'

export type VoiceFailureCode = AudioError['code'] | BaiduError['code']

export interface FailureOutcome {
  next: 'retry' | 'wait-for-keys' | 'give-up'
  code: VoiceFailureCode
  errNo: number | null
  /** For the log: our own bug or something unexpected. */
  log: string | null
}

/** Transient failures are retried this many times (with back-off up to MAX_RETRY_DELAY_MS: about a day). */
export const MAX_ATTEMPTS = 60
const FIRST_RETRY_DELAY_MS = 15_000
const MAX_RETRY_DELAY_MS = 30 * 60_000

export function retryDelayMs(attempts: number): number {
  return Math.min(MAX_RETRY_DELAY_MS, FIRST_RETRY_DELAY_MS * 2 ** attempts)
}

export function classifyFailure(error: unknown, attempts: number): FailureOutcome {
  if (error instanceof AudioError) return { next: 'give-up', code: error.code, errNo: null, log: null }
  if (error instanceof BaiduError) {
    const { code, errNo } = error
    if (code === 'no-keys' || code === 'bad-keys') return { next: 'wait-for-keys', code, errNo, log: null }
    if (error.transient) return { next: attempts + 1 >= MAX_ATTEMPTS ? 'give-up' : 'retry', code, errNo, log: null }
    // A request the service calls malformed is a bug on our side: worth a line in the log.
    return { next: 'give-up', code, errNo, log: code === 'bad-request' ? error.message : null }
  }
  // Anything else is unexpected (a bug): retried like an outage, and logged.
  const message = errorText(error)
  return { next: attempts + 1 >= MAX_ATTEMPTS ? 'give-up' : 'retry', code: 'unreachable', errNo: null, log: message }
}
