// The headless door: POST /api/<method> with the bearer token, and one WebSocket for events that reconnects by itself.
import type { ApiEvent, ApiMethod } from '../../../shared/api/contract.ts'
import { API_PREFIX, EVENTS_PATH, type WireResult } from '../../../shared/api/http.ts'
import type { ConnectionState, Door } from './client.ts'
import { ApiError } from './errors.ts'
import { unwrap } from './wire.ts'

const FIRST_RETRY_MS = 500
const LAST_RETRY_MS = 10_000

export function createHttpDoor(token: string): Door {
  const socket = new EventSocket(token)
  return {
    call: (method, input) => post(token, method, input) as never,
    onEvent: (listener) => socket.listen(listener),
    onConnection: (listener) => socket.watch(listener),
  }
}

async function post(token: string, method: ApiMethod, input: unknown): Promise<unknown> {
  let response: Response
  try {
    response = await fetch(`${API_PREFIX}${method}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
      body: JSON.stringify(input),
    })
  } catch (error) {
    throw new ApiError('unavailable', `cannot reach the QunGuard service (${(error as Error).message})`)
  }
  let body: WireResult<unknown>
  try {
    body = (await response.json()) as WireResult<unknown>
  } catch {
    throw new ApiError(response.status === 401 ? 'unauthorized' : 'internal', `HTTP ${response.status} ${response.statusText}`)
  }
  return unwrap(body)
}

class EventSocket {
  private readonly listeners = new Set<(event: ApiEvent) => void>()
  private readonly watchers = new Set<(state: ConnectionState) => void>()
  private state: ConnectionState = 'connecting'
  private retryMs = FIRST_RETRY_MS

  constructor(private readonly token: string) {
    this.connect()
  }

  listen(listener: (event: ApiEvent) => void): () => void {
    this.listeners.add(listener)
    return () => void this.listeners.delete(listener)
  }

  watch(watcher: (state: ConnectionState) => void): () => void {
    this.watchers.add(watcher)
    watcher(this.state)
    return () => void this.watchers.delete(watcher)
  }

  private connect(): void {
    const scheme = window.location.protocol === 'https:' ? 'wss' : 'ws'
    const ws = new WebSocket(`${scheme}://${window.location.host}${EVENTS_PATH}?token=${encodeURIComponent(this.token)}`)
    ws.onopen = () => {
      this.retryMs = FIRST_RETRY_MS
      this.setState('open')
    }
    ws.onmessage = (message) => {
      let event: ApiEvent
      try {
        event = JSON.parse(String(message.data)) as ApiEvent
      } catch {
        return
      }
      for (const listener of this.listeners) listener(event)
    }
    ws.onclose = () => {
      this.setState('connecting')
      window.setTimeout(() => this.connect(), this.retryMs)
      this.retryMs = Math.min(this.retryMs * 2, LAST_RETRY_MS)
    }
  }

  private setState(state: ConnectionState): void {
    if (state === this.state) return
    this.state = state
    for (const watcher of this.watchers) watcher(state)
  }
}
