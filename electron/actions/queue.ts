// The outbound queue's driver: runs due actions one at a time, within the rate limit, on the injected clock.
// Drain it on demand with flush() (tests, the simulator's virtual clock) or let start() drive it with timers.
import type { ChatPort } from '../wechat/chat-port.ts'
import type { PendingAction, Store } from '../store/index.ts'
import type { ModerationHealth } from '../health/moderation-health.ts'
import { performAction, type EffectOutcome } from './effects.ts'
import { expireAction, isStale, settleAction } from './settle.ts'

const RATE_WINDOW_MS = 60_000
/** After a store error the queue looks again this soon (a lock or a full disk usually clears), then less often. */
const STORE_RETRY_MS = [500, 1_000, 2_000, 5_000, 10_000]

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
  /** Tells the queue new actions were queued, or that it may run again (a login); in timer mode it flushes soon. */
  poke(): void
}

export interface ActionQueueOptions {
  store: Store
  chat: ChatPort
  clock: () => number
  /** Told about store failures and recoveries, so a stuck queue is never silent. */
  health?: ModerationHealth
}

export function createActionQueue(options: ActionQueueOptions): ActionQueue {
  const { store, chat, clock, health } = options
  // Actions that were running when the app last stopped get re-checked before anything else can happen.
  store.actions.requeueInterrupted()

  let tail: Promise<unknown> = Promise.resolve()
  let timer: NodeJS.Timeout | null = null
  let started = false
  let storeFailures = 0
  // An effect that happened but could not be recorded (the store failed while settling it). It is settled before
  // anything else runs, so the action never stays 'running' and never runs twice.
  let unsettled: { action: PendingAction; outcome: EffectOutcome } | null = null

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
    if (unsettled) {
      settleAction(store, unsettled.action, unsettled.outcome, clock())
      unsettled = null
    }
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
      // Only a queued action may start: one another process started, or this one already ran, is left alone.
      if (!store.actions.markRunning(action.id, now)) continue
      const running = store.actions.get(action.id)!
      const outcome = await performAction(running, chat)
      unsettled = { action: running, outcome }
      settleAction(store, running, outcome, clock())
      unsettled = null
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
        (report) => {
          storeFailures = 0
          health?.recovered('queue')
          // Logged out: the login pokes the queue; the minute is only a fallback.
          schedule(report.loggedOut ? clock() + RATE_WINDOW_MS : report.nextDueAt)
        },
        (error: unknown) => {
          // Only the store can fail here (chat errors are outcomes). Say so, and look again soon: a lock or a full
          // disk clears by itself, and the queue must then carry on without anyone restarting it.
          if (health?.failed('queue', error) == null) console.error('QunGuard action queue failed:', error)
          schedule(clock() + STORE_RETRY_MS[Math.min(storeFailures++, STORE_RETRY_MS.length - 1)]!)
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
