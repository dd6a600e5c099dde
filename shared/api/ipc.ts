// The Electron door's channels and what the preload exposes on window.qunguard. The window's API client uses this
// bridge when it exists, and the HTTP door otherwise; both carry the same WireResult.
import type { ApiEvent } from './contract.ts'
import type { WireResult } from './http.ts'

export const CALL_CHANNEL = 'qunguard:call'
export const EVENT_CHANNEL = 'qunguard:event'

export interface QunGuardBridge {
  call(method: string, input: unknown): Promise<WireResult<unknown>>
  onEvent(listener: (event: ApiEvent) => void): () => void
}
