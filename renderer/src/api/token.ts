// The headless door's access token: handed over once in the address (#token=...), then kept for this tab only so a
// reload still works, and taken out of the visible address so it is not copied, bookmarked or screen-shared.
import { TOKEN_HASH_KEY } from '../../../shared/api/http.ts'

const STORAGE_KEY = 'qunguard.token'

export function takeAccessToken(): string | null {
  const fromAddress = new URLSearchParams(window.location.hash.replace(/^#/u, '')).get(TOKEN_HASH_KEY)
  if (fromAddress) {
    sessionStorage.setItem(STORAGE_KEY, fromAddress)
    window.history.replaceState(null, '', `${window.location.pathname}${window.location.search}`)
    return fromAddress
  }
  return sessionStorage.getItem(STORAGE_KEY)
}
