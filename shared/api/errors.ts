// The one error type of the API, in a module of its own so the window can use it without loading the contract's
// schemas (zod and the rule engine).

export const API_ERROR_CODES = ['bad_input', 'not_found', 'conflict', 'unavailable', 'unauthorized', 'internal', 'rate_limited'] as const
export type ApiErrorCode = (typeof API_ERROR_CODES)[number]

/** An input that failed validation, or a command the current state does not allow: said plainly, nothing changed. */
export class ApiError extends Error {
  constructor(
    readonly code: ApiErrorCode,
    message: string,
    readonly details?: unknown,
  ) {
    super(message)
    this.name = 'ApiError'
  }
}
