import { useCallback, useEffect, useRef, useState } from 'react'
import type { FeedEvent } from '../../../../shared/api/types.ts'
import { useApi, useApiEvent, useReconnected } from '../../api/ApiProvider.tsx'
import { toApiError, type ApiError } from '../../api/errors.ts'
import { feedQueryOf, matchesFilter, sinceOf, type FeedFilter } from './feed-filter.ts'

const PAGE_SIZE = 50

export interface Feed {
  items: FeedEvent[]
  loading: boolean
  error: ApiError | null
  hasMore: boolean
  loadMore: () => void
  /** Puts a command's result (the event as it is now) in place of the shown one. */
  replace: (event: FeedEvent) => void
}

/** The feed, newest first, as filtered: pages from listFeed, new and changed events from the event stream. */
export function useFeed(filter: FeedFilter): Feed {
  const api = useApi()
  const [items, setItems] = useState<FeedEvent[]>([])
  const [nextBeforeId, setNextBeforeId] = useState<number | null>(null)
  const [loading, setLoading] = useState(true)
  const [error, setError] = useState<ApiError | null>(null)
  const generation = useRef(0)
  /** Live events that came while a first page was on its way: the page was read before them, so they go on top. */
  const cameDuringLoad = useRef<FeedEvent[] | null>(null)
  // The time range is fixed when the filter is chosen, so paging through it asks for the same window.
  const [since, setSince] = useState<number | undefined>(undefined)

  const load = useCallback(
    (beforeId: number | null) => {
      const mine = beforeId === null ? ++generation.current : generation.current
      const from = beforeId === null ? sinceOf(filter.time, Date.now()) : since
      if (beforeId === null) {
        setSince(from)
        cameDuringLoad.current = []
      }
      setLoading(true)
      api
        .listFeed({
          limit: PAGE_SIZE,
          ...(beforeId === null ? {} : { beforeId }),
          ...feedQueryOf(filter, from),
        })
        .then(
          (page) => {
            if (mine !== generation.current) return
            if (beforeId === null) {
              const came = cameDuringLoad.current ?? []
              cameDuringLoad.current = null
              setItems(came.reduce((list, event) => withLive(list, event, filter, from), page.items))
            } else setItems((current) => [...current, ...page.items.filter((item) => !current.some((c) => c.id === item.id))])
            setNextBeforeId(page.nextBeforeId)
            setError(null)
            setLoading(false)
          },
          (reason: unknown) => {
            if (mine !== generation.current) return
            if (beforeId === null) cameDuringLoad.current = null
            setError(toApiError(reason))
            setLoading(false)
          },
        )
    },
    [api, filter, since],
  )

  const loadFirst = useRef(load)
  loadFirst.current = load
  useEffect(() => loadFirst.current(null), [filter])
  useReconnected(() => load(null))

  const replace = useCallback((event: FeedEvent) => {
    cameDuringLoad.current?.push(event)
    setItems((current) => current.map((item) => (item.id === event.id ? event : item)))
  }, [])

  useApiEvent((message) => {
    if (message.type !== 'feed') return
    const { event } = message
    cameDuringLoad.current?.push(event)
    setItems((current) => withLive(current, event, filter, since))
  })

  return { items, loading, error, hasMore: nextBeforeId !== null, loadMore: () => nextBeforeId !== null && load(nextBeforeId), replace }
}

/** The list with a live event in it: a shown event changed in place, a new one in its place if the filter takes it. */
function withLive(list: FeedEvent[], event: FeedEvent, filter: FeedFilter, since: number | undefined): FeedEvent[] {
  if (list.some((item) => item.id === event.id)) return list.map((item) => (item.id === event.id ? event : item))
  if (!matchesFilter(filter, event, since)) return list
  return [event, ...list].sort((a, b) => b.id - a.id)
}
