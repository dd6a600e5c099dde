import { useCallback, useEffect, useRef, useState } from 'react'
import type { ApiEvent } from '../../../shared/api/contract.ts'
import { useApiEvent, useReconnected } from './ApiProvider.tsx'
import { toApiError, type ApiError } from './errors.ts'

export interface LiveResource<T> {
  data: T | undefined
  error: ApiError | null
  loading: boolean
  reload: () => void
  /** For a command's result that is the resource's new state. */
  set: (update: T | ((current: T | undefined) => T)) => void
}

/**
 * Data loaded once and then kept current by the event stream: `reduce` folds an event into the data (returning it
 * unchanged when the event is about something else). Reloaded after the stream reconnects, and when `inputs` change.
 */
export function useLiveResource<T>(
  load: () => Promise<T>,
  reduce: (current: T | undefined, event: ApiEvent) => T | undefined,
  inputs: readonly unknown[] = [],
): LiveResource<T> {
  const [data, setData] = useState<T | undefined>(undefined)
  const [error, setError] = useState<ApiError | null>(null)
  const [loading, setLoading] = useState(true)
  const loadRef = useRef(load)
  loadRef.current = load
  const generation = useRef(0)

  const reload = useCallback(() => {
    // Only the newest load may land: an older answer arriving late must not overwrite a newer one.
    const mine = ++generation.current
    setLoading(true)
    loadRef.current().then(
      (value) => {
        if (mine !== generation.current) return
        setData(value)
        setError(null)
        setLoading(false)
      },
      (reason: unknown) => {
        if (mine !== generation.current) return
        setError(toApiError(reason))
        setLoading(false)
      },
    )
  }, [])

  // The load function reads the inputs itself; listing them here only says when to call it again.
  useEffect(reload, [reload, ...inputs])
  useReconnected(reload)
  useApiEvent((event) => setData((current) => reduce(current, event)))

  return { data, error, loading, reload, set: setData }
}
