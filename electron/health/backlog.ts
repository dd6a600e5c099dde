// Work the store could not take (a message to judge, a join to screen) waits here, in arrival order, and is retried
// with a growing delay until the store takes it. Nothing overtakes the backlog: while it holds anything, new work
// queues behind it, so messages are still judged in the order they were said. The bound keeps a long outage from
// exhausting memory; what does not fit is counted and reported, never silently lost.
import type { ModerationHealth } from './moderation-health.ts'

export const BACKLOG_LIMIT = 10_000
const FIRST_RETRY_MS = 250
const LONGEST_RETRY_MS = 10_000

export interface Backlog {
  /** Runs `work` now, or keeps it for later when the store fails (or earlier work is still waiting). */
  run(work: () => Promise<void>): Promise<void>
  /** Retries the waiting work now; resolves when it is all done or the store failed again. */
  drain(): Promise<void>
  /** Stops retrying (the service is closing); the waiting work is dropped with the process. */
  stop(): void
  size(): number
}

export function createBacklog(options: { health: ModerationHealth; limit?: number; timers?: boolean }): Backlog {
  const { health } = options
  const limit = options.limit ?? BACKLOG_LIMIT
  const timers = options.timers ?? true
  const waiting: (() => Promise<void>)[] = []
  let dropped = 0
  let failures = 0
  let timer: NodeJS.Timeout | null = null
  let draining: Promise<void> | null = null
  let stopped = false

  function report(): void {
    health.backlog(waiting.length, dropped)
  }

  function keep(work: () => Promise<void>): void {
    if (waiting.length >= limit) dropped++
    else waiting.push(work)
    report()
    retryLater()
  }

  function retryLater(): void {
    if (!timers || timer || stopped) return
    const delay = Math.min(LONGEST_RETRY_MS, FIRST_RETRY_MS * 2 ** Math.min(failures, 10))
    timer = setTimeout(() => {
      timer = null
      void drain()
    }, delay)
  }

  /** True when the work ran (or failed for a reason that is not the store's, which the caller hears about). */
  async function attempt(work: () => Promise<void>): Promise<boolean> {
    try {
      await work()
      health.recovered('inbox')
      return true
    } catch (error) {
      if (health.failed('inbox', error) === null) throw error
      return false
    }
  }

  function drain(): Promise<void> {
    draining ??= (async () => {
      try {
        while (waiting.length > 0 && !stopped) {
          let ran: boolean
          try {
            ran = await attempt(waiting[0]!)
          } catch (error) {
            // Not a store fault: the same bug would recur on every retry, so this item is done with (and logged).
            process.stderr.write(`${new Date().toISOString()} a waiting message failed for good: ${String(error)}\n`)
            ran = true
          }
          if (!ran) {
            failures++
            retryLater()
            return
          }
          failures = 0
          waiting.shift()
          report()
        }
      } finally {
        draining = null
      }
    })()
    return draining
  }

  return {
    async run(work) {
      if (waiting.length > 0 || draining) return keep(work)
      if (!(await attempt(work))) keep(work)
    },
    drain,
    stop() {
      stopped = true
      if (timer) clearTimeout(timer)
      timer = null
    },
    size: () => waiting.length,
  }
}
