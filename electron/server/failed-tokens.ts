// Guessing the token is made slow: after FAILURES_ALLOWED wrong tokens from one address within WINDOW_MS, that address
// is refused without its token being looked at until the window has passed. A right token never counts.
const FAILURES_ALLOWED = 10
const WINDOW_MS = 60_000
/** Addresses remembered at most; the oldest are forgotten first, so a flood of addresses cannot fill the memory. */
const MAX_ADDRESSES = 10_000

export interface FailedTokens {
  /** Whether the address is refused for now. */
  blocked(address: string): boolean
  failed(address: string): void
}

export function createFailedTokens(clock: () => number = Date.now): FailedTokens {
  const failures = new Map<string, { count: number; since: number }>()
  const current = (address: string) => {
    const entry = failures.get(address)
    if (entry && clock() - entry.since >= WINDOW_MS) {
      failures.delete(address)
      return undefined
    }
    return entry
  }
  return {
    blocked: (address) => (current(address)?.count ?? 0) >= FAILURES_ALLOWED,
    failed(address) {
      const entry = current(address)
      if (entry) entry.count++
      else {
        if (failures.size >= MAX_ADDRESSES) failures.delete(failures.keys().next().value!)
        failures.set(address, { count: 1, since: clock() })
      }
    },
  }
}

export { FAILURES_ALLOWED, WINDOW_MS }
