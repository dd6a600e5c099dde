// Whether moderation is running, and if not, why. Each part that writes to the data file (the inbox judging
// messages, the outbound queue) reports its failures and recoveries here; moderation is paused while any part is
// failing. Every change is logged and pushed to the window, because a fault nobody hears about stops moderation
// silently, which is the one thing it must never do.
import type { HealthView, StoreFault } from '../../shared/api/types.ts'
import { storeFaultOf } from './store-faults.ts'

export type HealthSource = 'inbox' | 'queue'

export interface ModerationHealth {
  view(): HealthView
  subscribe(listener: (view: HealthView) => void): () => void
  /** A store call of `source` failed: pauses and returns the fault, or returns null when the error is not the store's. */
  failed(source: HealthSource, error: unknown): StoreFault | null
  /** `source` wrote successfully again. */
  recovered(source: HealthSource): void
  /** How many messages wait to be judged, and how many could not be kept. */
  backlog(waiting: number, dropped: number): void
  /** The data file failed its integrity check at start and was kept aside at `file`. */
  damagedAtStart(file: string): void
}

export interface HealthOptions {
  clock: () => number
  /** One line per change, for the log (stderr by default). */
  log?: (line: string) => void
}

const defaultLog = (line: string) => process.stderr.write(`${new Date().toISOString()} ${line}\n`)

export function createModerationHealth(options: HealthOptions): ModerationHealth {
  const { clock } = options
  const log = options.log ?? defaultLog
  const failing = new Map<HealthSource, StoreFault>()
  const listeners = new Set<(view: HealthView) => void>()
  let view: HealthView = { status: 'running', fault: null, since: clock(), waiting: 0, dropped: 0, damagedFile: null }

  function update(next: Partial<HealthView>): void {
    const before = view
    view = { ...view, ...next }
    if (before.status !== view.status || before.fault !== view.fault) {
      log(
        view.status === 'paused'
          ? `moderation paused: ${view.fault} (${view.waiting} message(s) waiting); it resumes by itself when the data file can be written`
          : `moderation resumed`,
      )
    }
    if (view.dropped > before.dropped) log(`moderation backlog full: ${view.dropped} message(s) could not be kept to judge later`)
    listeners.forEach((listener) => listener(view))
  }

  function recompute(waiting = view.waiting): Partial<HealthView> {
    // The worst fault wins the headline: a damaged file will not clear by waiting; a lock will.
    const faults = [...failing.values()]
    const fault = faults.includes('damaged') ? 'damaged' : (faults[0] ?? null)
    const status = fault === null && waiting === 0 ? 'running' : 'paused'
    return { waiting, status, fault: status === 'running' ? null : (fault ?? view.fault), since: status === view.status ? view.since : clock() }
  }

  return {
    view: () => view,
    subscribe(listener) {
      listeners.add(listener)
      return () => listeners.delete(listener)
    },
    failed(source, error) {
      const fault = storeFaultOf(error)
      if (fault === null) return null
      const known = failing.get(source) === fault
      failing.set(source, fault)
      if (!known) update(recompute())
      return fault
    },
    recovered(source) {
      if (!failing.delete(source)) return
      update(recompute())
    },
    backlog(waiting, dropped) {
      if (waiting === view.waiting && dropped === view.dropped) return
      update({ ...recompute(waiting), dropped })
    },
    damagedAtStart(file) {
      log(`the data file failed its integrity check; it was kept at ${file} and a new one was started`)
      update({ damagedFile: file })
    },
  }
}
