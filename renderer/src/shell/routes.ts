import { useCallback, useEffect, useState } from 'react'

export const ROUTES = ['login', 'groups', 'rules', 'feed', 'stats', 'settings'] as const
export type Route = (typeof ROUTES)[number]

function routeFromHash(): Route | null {
  const name = window.location.hash.replace(/^#\/?/u, '')
  return (ROUTES as readonly string[]).includes(name) ? (name as Route) : null
}

/** The screen shown, kept in the address (#/feed) so a reload stays on it; null until one is chosen. */
export function useHashRoute(): [Route | null, (route: Route, options?: { replace?: boolean }) => void] {
  const [route, setRoute] = useState<Route | null>(routeFromHash)
  useEffect(() => {
    const onChange = () => setRoute(routeFromHash())
    window.addEventListener('hashchange', onChange)
    return () => window.removeEventListener('hashchange', onChange)
  }, [])
  const navigate = useCallback((next: Route, options: { replace?: boolean } = {}) => {
    if (options.replace) {
      // A choice the window made, not the rep: no history entry, and replaceState raises no hashchange.
      window.history.replaceState(null, '', `#/${next}`)
      setRoute(next)
    } else window.location.hash = `/${next}`
  }, [])
  return [route, navigate]
}
