// The outbound queue's driver: runs due actions one at a time, within the rate limit, on the injected clock.
// Drain it on demand with flush() (tests, the simulator's virtual clock) or let start() drive it with timers.
import type { ChatPort } from '../wechat/chat-port.ts'
import type { Store } from '../store/index.ts'
import { performAction } from './effects.ts'
import { expireAction, isStale, settleAction } from './settle.ts'

const RATE_WINDOW_MS = 60_000

export interface FlushReport {
  /** Actions carried out (whatever their outcome). */
  ran: number
  /** Actions dropped as too late. */
  expired: number
  /** Whether the rate limit stopped the flush with actions still due. */
  throttled: boolean
  /** Whether nothing ran because the account is logged out. */
  loggedOut: boolean
  /** When the next queued action may run (rate limit included), or null when the queue is empty. */
  nextDueAt: number | null
}

export interface ActionQueue {
  /** Runs everything due now that the rate limit allows. Calls are serialised: each starts after the previous ends. */
  flush(): Promise<FlushReport>
  /** Timer mode: flushes whenever actions come due until stop(). */
  start(): void
  /** Leaves timer mode and waits for a flush in progress. */
  stop(): Promise<void>
  /** Tells the queue new actions were queued; in timer mode it flushes soon. */
  poke(): void
}

export function createActionQueue(options: { store: Store; chat: ChatPort; clock: () => number }): ActionQueue {
  const { store, chat, clock } = options
  // Actions that were running when the app last stopped get re-checked before anything else can happen.
  store.actions.requeueInterrupted()

  let tail: Promise<unknown> = Promise.resolve()
  let timer: NodeJS.Timeout | null = null
  let started = false

  /** When the rate limit lets the next action start, or `now` when it already does. */
  function rateLimitFreesAt(now: number): number {
    const limit = store.settings.get('rateLimitPerMinute')
    const starts = store.actions.startTimesSince(now - RATE_WINDOW_MS + 1)
    if (starts.length < limit) return now
    return starts[starts.length - limit]! + RATE_WINDOW_MS
  }

  function nextDueAt(now: number): number | null {
    const queued = store.actions.nextDueAt()
    return queued === null ? null : Math.max(queued, rateLimitFreesAt(now))
  }

  async function drain(): Promise<FlushReport> {
    const report: FlushReport = { ran: 0, expired: 0, throttled: false, loggedOut: false, nextDueAt: null }
    for (;;) {
      const now = clock()
      const action = store.actions.nextDue(now)
      if (!action) break
      if (isStale(action, now, store.settings.get('staleWarningMinutes'))) {
        expireAction(store, action, now)
        report.expired++
        continue
      }
      if (chat.selfId() === null) {
        report.loggedOut = true
        break
      }
      if (rateLimitFreesAt(now) > now) {
        report.throttled = true
        break
      }
      store.actions.markRunning(action.id, now)
      const running = store.actions.get(action.id)!
      const outcome = await performAction(running, chat)
      settleAction(store, running, outcome, clock())
      report.ran++
    }
    report.nextDueAt = nextDueAt(clock())
    return report
  }

  function flush(): Promise<FlushReport> {
    const run = tail.then(drain)
    tail = run.catch(() => undefined)
    return run
  }

  function schedule(wakeAt: number | null): void {
    if (timer) clearTimeout(timer)
    timer = null
    if (!started || wakeAt === null) return
    timer = setTimeout(() => {
      timer = null
      flush().then(
        (report) => schedule(report.loggedOut ? clock() + RATE_WINDOW_MS : report.nextDueAt),
        (error: unknown) => {
          // Only the store can fail here (chat errors are outcomes): nothing can be recorded, so say it loudly.
          console.error('QunGuard action queue stopped:', error)
        },
      )
    }, Math.max(0, wakeAt - clock()))
  }

  return {
    flush,
    start() {
      started = true
      schedule(clock())
    },
    async stop() {
      started = false
      schedule(null)
      await tail
    },
    poke() {
      if (started) schedule(nextDueAt(clock()))
    },
  }
}
