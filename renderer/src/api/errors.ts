import type { ApiError as ContractApiError } from '../../../shared/api/contract.ts'

type ApiErrorCode = ContractApiError['code']

const API_ERROR_CODES: ReadonlySet<string> = new Set<ApiErrorCode>(['bad_input', 'not_found', 'conflict', 'unavailable', 'unauthorized', 'internal'])

/**
 * The contract's ApiError as the window holds it: the same fields, declared here because the contract module also
 * builds every input schema (zod, and through the rule schema the rule engine with its dictionaries); importing its
 * class would load a megabyte with the shell. Should ApiError move to a module of its own, import it instead.
 */
export class ApiError extends Error implements Pick<ContractApiError, 'code' | 'details'> {
  constructor(
    readonly code: ApiErrorCode,
    message: string,
    readonly details?: unknown,
  ) {
    super(message)
    this.name = 'ApiError'
  }
}

// Should the IPC call itself fail, Electron rejects with "Error invoking remote method 'qunguard:call': <original>".
const IPC_PREFIX = /^Error invoking remote method '[^']*': (?:\w*Error: )?/u

/** Whatever a door rejected with, as an ApiError that keeps the server's own message. */
export function toApiError(reason: unknown): ApiError {
  if (reason instanceof ApiError) return reason
  if (typeof reason === 'object' && reason !== null) {
    const { code, message, details } = reason as { code?: unknown; message?: unknown; details?: unknown }
    const text = typeof message === 'string' ? message.replace(IPC_PREFIX, '') : String(reason)
    if (typeof code === 'string' && API_ERROR_CODES.has(code)) return new ApiError(code as ApiErrorCode, text, details)
    return new ApiError('internal', text)
  }
  return new ApiError('internal', String(reason))
}
