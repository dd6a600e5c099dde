// The window's one way to the service: the typed API plus its event stream, whichever door is open.
import type { ApiEvent, ApiInput, ApiMethod, ApiOutputs, QunGuardApi } from '../../../shared/api/contract.ts'
import { toApiError } from './errors.ts'
import { createHttpDoor } from './http-door.ts'
import { takeAccessToken } from './token.ts'
import { unwrap } from './wire.ts'

/** 'connecting' only ever happens on the HTTP door, while its event socket is (re)connecting. */
export type ConnectionState = 'open' | 'connecting'

export interface ApiClient {
  api: QunGuardApi
  onEvent(listener: (event: ApiEvent) => void): () => void
  onConnection(listener: (state: ConnectionState) => void): () => void
}

/** The low-level door a client is built on. */
export interface Door {
  call<M extends ApiMethod>(method: M, input: ApiInput<M>): Promise<ApiOutputs[M]>
  onEvent(listener: (event: ApiEvent) => void): () => void
  onConnection(listener: (state: ConnectionState) => void): () => void
}

export type ClientChoice = { kind: 'ready'; client: ApiClient } | { kind: 'no-token' }

export function createClient(): ClientChoice {
  const bridge = window.qunguard
  if (bridge) {
    return {
      kind: 'ready',
      client: clientOver({
        call: async (method, input) => unwrap(await bridge.call(method, input)) as never,
        onEvent: (listener) => bridge.onEvent(listener),
        onConnection: (listener) => {
          listener('open')
          return () => {}
        },
      }),
    }
  }
  const token = takeAccessToken()
  if (!token) return { kind: 'no-token' }
  return { kind: 'ready', client: clientOver(createHttpDoor(token)) }
}

function clientOver(door: Door): ApiClient {
  // One function per method name, made on first use. The names come from the QunGuardApi type, not from the
  // contract module's method table, which would bring its schemas (and the rule engine) into the shell's bundle.
  const methods = new Map<string, unknown>()
  const api = new Proxy({} as QunGuardApi, {
    get(_, name) {
      // Not a method: keeps the object from looking like a promise to `await` and the like.
      if (typeof name !== 'string' || name === 'then') return undefined
      if (!methods.has(name)) {
        const method = name as ApiMethod
        methods.set(name, async (input: unknown) => {
          try {
            return await door.call(method, (input ?? {}) as ApiInput<typeof method>)
          } catch (error) {
            throw toApiError(error)
          }
        })
      }
      return methods.get(name)
    },
  })
  return { api, onEvent: door.onEvent, onConnection: door.onConnection }
}
