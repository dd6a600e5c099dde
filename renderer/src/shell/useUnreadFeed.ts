import { useEffect, useState } from 'react'
import { useApi, useApiEvent } from '../api/ApiProvider.tsx'
import { useT } from '../i18n/index.tsx'

/**
 * The service counts feed events the rep has not seen (so every window agrees); the window tells it when the rep
 * is looking at the feed, and shows the count in the header and the window title, seen from the taskbar too.
 */
export function useUnreadFeed(feedVisible: boolean): number {
  const t = useT()
  const api = useApi()
  const [unread, setUnread] = useState(0)
  const [pageVisible, setPageVisible] = useState(() => document.visibilityState === 'visible')
  const [arrivals, setArrivals] = useState(0)

  useEffect(() => {
    const onChange = () => setPageVisible(document.visibilityState === 'visible')
    document.addEventListener('visibilitychange', onChange)
    return () => document.removeEventListener('visibilitychange', onChange)
  }, [])

  useApiEvent((event) => {
    if (event.type === 'unread') setUnread(event.count)
    else if (event.type === 'feed' && event.change === 'created') setArrivals((count) => count + 1)
  })

  const looking = feedVisible && pageVisible
  useEffect(() => {
    if (!looking) return
    // Debounced: a burst of events while the rep watches the feed is one mark-as-read, not one per event.
    const timer = window.setTimeout(() => {
      api.markFeedRead({}).then(({ unread: count }) => setUnread(count), () => {})
    }, 300)
    return () => window.clearTimeout(timer)
  }, [looking, arrivals, api])

  useEffect(() => {
    const title = t('app.title')
    document.title = unread > 0 ? `(${unread}) ${title}` : title
  }, [unread, t])

  return unread
}
