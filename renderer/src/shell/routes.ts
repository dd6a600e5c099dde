import { useCallback, useEffect, useState } from 'react'

export const ROUTES = ['login', 'groups', 'rules', 'feed', 'stats', 'settings'] as const
export type Route = (typeof ROUTES)[number]

/** What a screen shows of itself, after its name in the address: `#/feed/needs-rep` is the feed of what needs the rep. */
export const FEED_NEEDS_REP = 'needs-rep'

function partsOfHash(): { route: Route | null; view: string | null } {
  const [name = '', view = null] = window.location.hash.replace(/^#\/?/u, '').split('/', 2)
  return (ROUTES as readonly string[]).includes(name) ? { route: name as Route, view } : { route: null, view: null }
}

/** The screen shown, kept in the address (#/feed) so a reload stays on it; null until one is chosen. */
export function useHashRoute(): [Route | null, (route: Route, options?: { replace?: boolean; view?: string }) => void] {
  const [route, setRoute] = useState<Route | null>(() => partsOfHash().route)
  useEffect(() => {
    const onChange = () => setRoute(partsOfHash().route)
    window.addEventListener('hashchange', onChange)
    return () => window.removeEventListener('hashchange', onChange)
  }, [])
  const navigate = useCallback((next: Route, options: { replace?: boolean; view?: string } = {}) => {
    const hash = `#/${next}${options.view ? `/${options.view}` : ''}`
    if (options.replace) {
      // A choice the window made, not the rep: no history entry, and replaceState raises no hashchange.
      window.history.replaceState(null, '', hash)
      setRoute(next)
    } else if (window.location.hash === hash) {
      // Asked again for what the address already says (the bell on the feed of what needs the rep): say it again, so
      // the screen shows that view even if the rep changed it since.
      window.dispatchEvent(new HashChangeEvent('hashchange'))
    } else window.location.hash = hash.slice(1)
  }, [])
  return [route, navigate]
}

/** The view the address asks of the screen, and a count that moves each time it is asked (even for the same view). */
export function useHashView(): { view: string | null; asked: number } {
  const [state, setState] = useState(() => ({ view: partsOfHash().view, asked: 0 }))
  useEffect(() => {
    const onChange = () => setState((current) => ({ view: partsOfHash().view, asked: current.asked + 1 }))
    window.addEventListener('hashchange', onChange)
    return () => window.removeEventListener('hashchange', onChange)
  }, [])
  return state
}

/** Says in the address what the screen shows now, without a history entry or a hashchange. */
export function showView(route: Route, view: string | null): void {
  window.history.replaceState(null, '', `#/${route}${view ? `/${view}` : ''}`)
}
