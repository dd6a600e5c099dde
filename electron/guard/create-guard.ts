// The guard service: the ChatInbox the WeChat host delivers to, and the API the server and window use.
// It holds no WeChat code; everything it does in WeChat goes through the ChatPort, via the persisted action queue.
import type { ReviewChoice } from '../../shared/policy/index.ts'
import type { Rule, RuleInput } from '../../shared/rules/types.ts'
import { createActionQueue, type FlushReport } from '../actions/index.ts'
import type { EventListener, GuardEvent, NewEvent, RulePrecision, Store, Verdict } from '../store/index.ts'
import type { ChatInbox, ChatPort } from '../wechat/chat-port.ts'
import { createBacklog } from '../health/backlog.ts'
import { createModerationHealth, type ModerationHealth } from '../health/moderation-health.ts'
import { storeFaultOf } from '../health/store-faults.ts'
import type { GuardContext } from './guard-context.ts'
import { syncGroup } from './group-lookup.ts'
import { judgeMessage } from './judge-message.ts'
import { screenJoin } from './known-offenders.ts'
import { pardon, resolveReview, undoRemoval } from './overrides.ts'
import { createRuleCache } from './rule-cache.ts'

const DAY_MS = 24 * 60 * 60 * 1000
const PURGE_INTERVAL_MS = 60 * 60 * 1000

export interface GuardOptions {
  store: Store
  chat: ChatPort
  /** Milliseconds since the epoch. The simulator passes a virtual clock; the app leaves the default. */
  clock?: () => number
  /** Where store faults are reported; the guard makes its own when none is given. */
  health?: ModerationHealth
  /** Retry work the store refused on timers (the app); tests drain by hand with `retryWaiting`. */
  timers?: boolean
}

export interface Guard extends ChatInbox {
  /** Runs every queued action that is due now and within the rate limit. */
  flush(): Promise<FlushReport>
  /** Whether moderation runs, or is paused by a store fault with messages waiting. */
  readonly health: ModerationHealth
  /** Judges the messages that wait for the store now (timers do it by themselves). */
  retryWaiting(): Promise<void>
  /** The queue may run again now (the account logged in): no waiting for its next timer. */
  wakeQueue(): void
  /** Timer mode for the app: the queue runs itself and old history is purged hourly. */
  start(): void
  /** Leaves timer mode, waiting for an action in progress. Does not close the store. */
  stop(): Promise<void>
  /** Committed new and changed events; returns the unsubscribe function. */
  subscribe(listener: EventListener): () => void
  /** Validates and saves the whole rule list (throws RuleSetError with problems); returns it with defaults filled. */
  updateRules(inputs: RuleInput[]): readonly Rule[]
  pardon(target: { groupId: string; memberKey: string; strikeId?: number }, note?: string | null): GuardEvent | null
  undoRemoval(removalEventId: number, options?: { allowList?: boolean; note?: string | null }): GuardEvent
  resolveReview(reviewEventId: number, choice: ReviewChoice | 'dismiss'): GuardEvent
  /** Judges a rule hit; false when the event is not a rule hit. */
  setVerdict(eventId: number, verdict: Verdict | null): boolean
  rulePrecision(): RulePrecision[]
  /** For the host's own events (login, logout); `at` defaults to the guard's clock. */
  recordEvent(event: Omit<NewEvent, 'at'> & { at?: number }): GuardEvent
  /** Deletes message history and settled actions older than retentionDays. */
  purgeHistory(): { messages: number; actions: number }
}

export function createGuard(options: GuardOptions): Guard {
  const { store, chat } = options
  const clock = options.clock ?? Date.now
  const health = options.health ?? createModerationHealth({ clock })
  // A message the store cannot take now is kept and judged when it can: never dropped, never judged twice.
  const backlog = createBacklog({ health, timers: options.timers })
  const context: GuardContext = {
    store,
    chat,
    clock,
    rules: createRuleCache(store),
    queue: createActionQueue({ store, chat, clock, health }),
  }
  let purgeTimer: NodeJS.Timeout | null = null

  function purgeHistory(): { messages: number; actions: number } {
    const before = clock() - store.settings.get('retentionDays') * DAY_MS
    return store.transaction(() => ({
      messages: store.messages.purgeBefore(before),
      actions: store.actions.purgeSettledBefore(before),
    }))
  }

  return {
    onMessage: (message) => backlog.run(() => judgeMessage(context, message)),
    onJoin: (join) => backlog.run(() => screenJoin(context, join)),
    onGroupsChanged: (groups) =>
      backlog.run(async () => {
        const now = clock()
        store.transaction(() => {
          for (const group of groups) syncGroup(store, group, now)
        })
      }),
    flush: () => context.queue.flush(),
    health,
    retryWaiting: () => backlog.drain(),
    wakeQueue: () => context.queue.poke(),
    start() {
      context.queue.start()
      if (purgeTimer) return
      // Purging is housekeeping: a store that cannot take it now is tried again next hour, and must not crash the app.
      const purgeQuietly = () => {
        try {
          purgeHistory()
        } catch (error) {
          if (storeFaultOf(error) === null) throw error
        }
      }
      purgeQuietly()
      purgeTimer = setInterval(purgeQuietly, PURGE_INTERVAL_MS)
      purgeTimer.unref()
    },
    async stop() {
      backlog.stop()
      if (purgeTimer) clearInterval(purgeTimer)
      purgeTimer = null
      await context.queue.stop()
    },
    subscribe: (listener) => store.events.subscribe(listener),
    updateRules: (inputs) => context.rules.replace(inputs),
    pardon: (target, note) => pardon(context, target, note),
    undoRemoval: (removalEventId, undoOptions) => undoRemoval(context, removalEventId, undoOptions),
    resolveReview: (reviewEventId, choice) => resolveReview(context, reviewEventId, choice),
    setVerdict: (eventId, verdict) => store.events.setVerdict(eventId, verdict),
    rulePrecision: () => store.events.precisionByRule(),
    recordEvent(event) {
      const id = store.events.add({ ...event, at: event.at ?? clock() })
      return store.events.get(id)!
    },
    purgeHistory,
  }
}
