import { API_ERROR_CODES, ApiError, type ApiErrorCode } from '../../../shared/api/errors.ts'

export { ApiError }

const KNOWN_CODES: ReadonlySet<string> = new Set(API_ERROR_CODES)

// Should the IPC call itself fail, Electron rejects with "Error invoking remote method 'qunguard:call': <original>".
const IPC_PREFIX = /^Error invoking remote method '[^']*': (?:\w*Error: )?/u

/** Whatever a door rejected with, as an ApiError that keeps the server's own message. */
export function toApiError(reason: unknown): ApiError {
  if (reason instanceof ApiError) return reason
  if (typeof reason === 'object' && reason !== null) {
    const { code, message, details } = reason as { code?: unknown; message?: unknown; details?: unknown }
    const text = typeof message === 'string' ? message.replace(IPC_PREFIX, '') : String(reason)
    if (typeof code === 'string' && KNOWN_CODES.has(code)) return new ApiError(code as ApiErrorCode, text, details)
    return new ApiError('internal', text)
  }
  return new ApiError('internal', String(reason))
}
