import { useEffect, useState } from 'react'
import { useApi, useApiEvent, useReconnected } from '../api/ApiProvider.tsx'
import { useT } from '../i18n/index.tsx'

/**
 * How many things need the rep (shared/api/needs-rep.ts), as the service counts them: the same number the desktop
 * app's tray shows. It goes down as the rep deals with each one, in the header, the feed's menu badge and the title.
 */
export function useNeedsRep(): number {
  const t = useT()
  const api = useApi()
  const [count, setCount] = useState(0)
  const read = () => void api.getNeedsRep({}).then((view) => setCount(view.count), () => {})

  useEffect(read, [api])
  // Changes pushed while the event stream was down are missed: read the count again.
  useReconnected(read)
  useApiEvent((event) => {
    if (event.type === 'needsRep') setCount(event.count)
  })

  useEffect(() => {
    const title = t('app.title')
    document.title = count > 0 ? `(${count}) ${title}` : title
  }, [count, t])

  return count
}
