// Failures of the signals' background work become 'signal_failed' events with a code and parameters, which the
// window says in the rep's language. An endpoint that is down fails on every message: the same failure is recorded
// at most once in QUIET_MS, and the next record says how many were folded into it, so none is silently dropped.
import type { Store } from '../store/index.ts'

const QUIET_MS = 10 * 60 * 1000

export interface FailureLog {
  record(code: string, params: Record<string, string>): void
}

export function createFailureLog(store: Store, clock: () => number): FailureLog {
  const last = new Map<string, { at: number; folded: number }>()
  return {
    record(code, params) {
      const now = clock()
      const previous = last.get(code)
      if (previous && now - previous.at < QUIET_MS) {
        previous.folded++
        return
      }
      last.set(code, { at: now, folded: 0 })
      store.events.add({ kind: 'signal_failed', at: now, detail: { code, params, alsoFailed: previous?.folded ?? 0 } })
    },
  }
}
