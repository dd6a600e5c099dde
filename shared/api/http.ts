// The headless door's wire format, shared by the server and the window's HTTP client.
//   POST /api/<method>   body: the method's input as JSON   header: Authorization: Bearer <token>
//     200 { ok: true, result }   4xx/5xx { ok: false, error: { code, message, details? } }
//   WebSocket /api/events?token=<token>   server -> window: one ApiEvent per text frame
// Browsers cannot put headers on a WebSocket, hence the token in the query for that one path.
import type { ApiErrorCode } from './errors.ts'

export const API_PREFIX = '/api/'
export const EVENTS_PATH = '/api/events'
export const TOKEN_HASH_KEY = 'token'

export type WireResult<T> = { ok: true; result: T } | { ok: false; error: { code: ApiErrorCode; message: string; details?: unknown } }

export const HTTP_STATUS: Record<ApiErrorCode, number> = {
  bad_input: 400,
  unauthorized: 401,
  not_found: 404,
  conflict: 409,
  unavailable: 503,
  internal: 500,
  rate_limited: 429,
}
