// The coded states a call to a Baidu AI service ends in. The code (with its parameters) is what the window turns
// into the rep's language; the detail is for the log and never holds a key, a secret or a token.

export const BAIDU_FAILURE_CODES = [
  /** No API key or secret key saved. */
  'no-keys',
  /** Baidu refused the keys (or the token they gave): the rep must fix them in Settings. */
  'bad-keys',
  /** Busy, rate-limited or out of quota: try again later. */
  'busy',
  /** The service got our request but could not use its content (audio or image). */
  'unusable-input',
  /** The service says our request is malformed: a bug on our side. */
  'bad-request',
  /** No answer: connection refused or dropped, timeout, or an answer that is not Baidu's JSON. */
  'unreachable',
  /** Too many failures in a row: calls are paused for a while so a dead service is not hammered. */
  'circuit-open',
] as const
export type BaiduFailureCode = (typeof BAIDU_FAILURE_CODES)[number]

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
