import type { FeedEvent } from '../../../../shared/api/types.ts'
import { useApi } from '../../api/ApiProvider.tsx'
import { useLiveResource } from '../../api/useLiveResource.ts'

/** Open review items (quiet-mode offences waiting for the rep), kept current as events open and close them. */
export function useReviews() {
  const api = useApi()
  return useLiveResource<FeedEvent[]>(
    () => api.listReviews({}),
    (current, event) => {
      if (event.type !== 'feed' || !current) return current
      const rest = current.filter((item) => item.id !== event.event.id)
      return event.event.review === 'open' ? [event.event, ...rest].sort((a, b) => b.id - a.id) : rest
    },
  )
}
