import { createContext, useContext, useEffect, useRef, useState, type ReactNode } from 'react'
import type { ApiEvent, QunGuardApi } from '../../../shared/api/contract.ts'
import type { ApiClient, ConnectionState } from './client.ts'

const ClientContext = createContext<ApiClient | null>(null)

export function ApiProvider({ client, children }: { client: ApiClient; children: ReactNode }) {
  return <ClientContext.Provider value={client}>{children}</ClientContext.Provider>
}

function useClient(): ApiClient {
  const client = useContext(ClientContext)
  if (!client) throw new Error('useApi outside <ApiProvider>')
  return client
}

export function useApi(): QunGuardApi {
  return useClient().api
}

/** Calls `listener` with every ApiEvent; the latest listener is used without resubscribing. */
export function useApiEvent(listener: (event: ApiEvent) => void): void {
  const { onEvent } = useClient()
  const latest = useRef(listener)
  latest.current = listener
  useEffect(() => onEvent((event) => latest.current(event)), [onEvent])
}

export function useConnectionState(): ConnectionState {
  const { onConnection } = useClient()
  const [state, setState] = useState<ConnectionState>('open')
  useEffect(() => onConnection(setState), [onConnection])
  return state
}

/** Calls `listener` each time the event stream comes back after a break: events may have been missed meanwhile. */
export function useReconnected(listener: () => void): void {
  const { onConnection } = useClient()
  const latest = useRef(listener)
  latest.current = listener
  useEffect(() => {
    let wasBroken = false
    return onConnection((state) => {
      if (state === 'connecting') wasBroken = true
      else if (wasBroken) {
        wasBroken = false
        latest.current()
      }
    })
  }, [onConnection])
}
