// The one entry every door goes through: the method is looked up, its input validated against the contract, and the
// single implementation called. A bad input never reaches the implementation, so it cannot change anything.
import { ApiError, isApiMethod, parseApiInput, type ApiMethod, type QunGuardApi } from '../../shared/api/contract.ts'
import type { WireResult } from '../../shared/api/http.ts'
import { storeFaultOf } from '../health/store-faults.ts'
import { errorText } from '../../shared/text/error-text.ts'

export type Dispatch = (method: string, input: unknown) => Promise<unknown>

export function createDispatch(api: QunGuardApi): Dispatch {
  return async (method, input) => {
    if (!isApiMethod(method)) throw new ApiError('not_found', `unknown method "${method}"`)
    const parsed = parseApiInput(method, input)
    const call = api[method] as (input: unknown) => Promise<unknown>
    return call(parsed)
  }
}

/** An ApiError for anything a door can show the window; unexpected errors keep their message but not their stack. */
export function toApiError(error: unknown): ApiError {
  if (error instanceof ApiError) return error
  const fault = storeFaultOf(error)
  // The window says these in the rep's language from the code; the message is for logs.
  if (fault) return new ApiError('unavailable', `the data file cannot be used now: ${fault}`, { fault })
  return new ApiError('internal', errorText(error))
}

/** The failure both doors send: the same shape, details (which field was wrong) included. */
export function wireError(error: unknown): Extract<WireResult<never>, { ok: false }> {
  const { code, message, details } = toApiError(error)
  return { ok: false, error: { code, message, ...(details === undefined ? {} : { details }) } }
}

export type { ApiMethod }
