// The coded states a call to a Baidu AI service ends in. The code (with its parameters) is what the window turns
// into the rep's language; the detail is for the log and never holds a key, a secret or a token.

import { SERVICE_FAILURE_CODES, type ServiceFailureCode } from '../../shared/api/types.ts'

/** The codes are the API's, so the window can say each one (shared/api/types.ts explains them). */
export const BAIDU_FAILURE_CODES = SERVICE_FAILURE_CODES
export type BaiduFailureCode = ServiceFailureCode

/** What a service-specific interpreter makes of an error answer; 'auth' means the token or keys were refused. */
export type ServiceFailureKind = 'auth' | 'busy' | 'unusable-input' | 'bad-request'

/** Codes worth trying again later without the rep doing anything. */
const TRANSIENT: ReadonlySet<BaiduFailureCode> = new Set(['busy', 'unreachable', 'circuit-open'])

export class BaiduError extends Error {
  constructor(
    readonly code: BaiduFailureCode,
    /** Baidu's own error number (err_no / error_code) when it sent one. */
    readonly errNo: number | null,
    readonly detail: string,
  ) {
    super(`Baidu ${code}${errNo === null ? '' : ` (${errNo})`}: ${detail}`)
    this.name = 'BaiduError'
  }

  /** Whether trying again later may succeed with nothing changed. */
  get transient(): boolean {
    return TRANSIENT.has(this.code)
  }

  /** Whether the service itself is failing (counts towards the circuit breaker). */
  get serviceFault(): boolean {
    return this.code === 'busy' || this.code === 'unreachable'
  }
}

export function isBaiduError(error: unknown): error is BaiduError {
  return error instanceof BaiduError
}
