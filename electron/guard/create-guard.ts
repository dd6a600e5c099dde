// The guard service: the ChatInbox the WeChat host delivers to, and the API the server and window use.
// It holds no WeChat code; everything it does in WeChat goes through the ChatPort, via the persisted action queue.
import type { ReviewChoice } from '../../shared/policy/index.ts'
import type { Rule, RuleInput } from '../../shared/rules/types.ts'
import { createActionQueue, type FlushReport } from '../actions/index.ts'
import type { ImageTextReader, QrReader } from '../images/index.ts'
import type { EventListener, GuardEvent, NewEvent, RulePrecision, Store, Verdict } from '../store/index.ts'
import type { ChatInbox, ChatPort, IncomingMessage } from '../wechat/chat-port.ts'
import { createBacklog } from '../health/backlog.ts'
import { createModerationHealth, type ModerationHealth } from '../health/moderation-health.ts'
import { storeFaultOf } from '../health/store-faults.ts'
import type { GuardContext } from './guard-context.ts'
import { syncGroup } from './group-lookup.ts'
import { judgeMessage } from './judge-message.ts'
import type { MediaStep, ProducedText } from './media-step.ts'
import { removeByHand } from './manual-removal.ts'
import { markOffender, unmarkOffender, type MarkTarget } from './mark-offender.ts'
import { screenJoin } from './screen-join.ts'
import { pardon, resolveReview, undoRemoval } from './overrides.ts'
import { resolveJoin, resolveTask, type JoinChoice, type TaskOutcome } from './rep-decisions.ts'
import { createRuleCache } from './rule-cache.ts'
import { createSignalService, type SignalService, type SignalServiceOptions } from '../signals/signal-service.ts'

const DAY_MS = 24 * 60 * 60 * 1000
const PURGE_INTERVAL_MS = 60 * 60 * 1000

export interface GuardOptions {
  store: Store
  chat: ChatPort
  /** Milliseconds since the epoch. The simulator passes a virtual clock; the app leaves the default. */
  clock?: () => number
  /** The signals' outside parts: the LLM key from the secrets file, and (tests) how a retrain is run. */
  signals?: Omit<SignalServiceOptions, 'store' | 'clock'>
  /** Reads QR codes in images (electron/images); without it images are judged on their text alone. */
  images?: QrReader
  /** Reads the text in images (Baidu OCR) when the imageTextRecognition setting is on. */
  imageText?: ImageTextReader
  /** Steps that turn media messages into text first (the voice transcriber); none means media is judged as it comes. */
  media?: readonly MediaStep[]
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
  /**
   * Validates and saves the whole rule list (rejects with RuleSetError and its problems, saving nothing); resolves
   * with it, defaults filled, once it is in use. Compiled in slices: messages meanwhile meet the previous rules.
   * `alsoWrite` is written in the same transaction (an import's other tables).
   */
  updateRules(inputs: readonly RuleInput[], alsoWrite?: () => void): Promise<readonly Rule[]>
  /** Resolves once the stored rules are compiled and in use (start-up, before messages come). */
  refreshRules(): Promise<void>
  pardon(target: { groupId: string; memberKey: string; strikeId?: number }, note?: string | null): GuardEvent | null
  undoRemoval(removalEventId: number, options?: { allowList?: boolean; note?: string | null }): GuardEvent
  resolveReview(reviewEventId: number, choice: ReviewChoice | 'dismiss'): GuardEvent
  /** Closes a rep task: "done" (the rep removed or re-added them by hand) or "pardon" (a removal task only). */
  resolveTask(eventId: number, outcome: TaskOutcome): GuardEvent
  /** Acts on a join card (a known offender, an outsider's invitee): remove, dismiss, or allow in that group. */
  resolveJoin(eventId: number, choice: JoinChoice): GuardEvent
  /** The rep removes a member from a group by hand; returns the removal event (pending until WeChat answers). */
  removeByHand(target: { groupId: string; memberKey: string }, note?: string | null): GuardEvent
  /** The rep marks a member as a known offender (screened at every join like a removed member); returns the mark's event. */
  markOffender(target: MarkTarget): GuardEvent
  /** Takes the rep's mark back. */
  unmarkOffender(memberKey: string): void
  /** Judges a rule hit; false when the event is not a rule hit. */
  setVerdict(eventId: number, verdict: Verdict | null): boolean
  rulePrecision(): RulePrecision[]
  /** The classifier and behaviour signals (status, retrain, reset; idle() for tests). */
  readonly signals: SignalService
  /** For the host's own events (login, logout); `at` defaults to the guard's clock. */
  recordEvent(event: Omit<NewEvent, 'at'> & { at?: number }): GuardEvent
  /** Deletes message history and settled actions older than retentionDays. */
  purgeHistory(): { messages: number; actions: number }
  /** Judges text a media step produced for a message, through the same path as typed text. */
  judgeProduced(message: IncomingMessage, produced: ProducedText): Promise<void>
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
    signals: createSignalService({ store, clock, ...options.signals }),
    images: options.images ?? null,
    imageText: options.imageText ?? null,
    media: options.media ?? [],
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
    updateRules: (inputs, alsoWrite) => context.rules.replace(inputs, alsoWrite),
    refreshRules: async () => void (await context.rules.refresh(clock())),
    pardon: (target, note) => pardon(context, target, note),
    undoRemoval: (removalEventId, undoOptions) => undoRemoval(context, removalEventId, undoOptions),
    resolveReview(reviewEventId, choice) {
      const result = resolveReview(context, reviewEventId, choice)
      // Every click on a review is a training example.
      const review = store.events.get(reviewEventId)
      if (review) context.signals.learnFromReview(review, choice)
      return result
    },
    setVerdict(eventId, verdict) {
      const before = store.events.get(eventId)
      const changed = store.events.setVerdict(eventId, verdict)
      if (changed && before) context.signals.learnFromVerdict(before, verdict)
      return changed
    },
    resolveTask: (eventId, outcome) => resolveTask(context, eventId, outcome),
    resolveJoin: (eventId, choice) => resolveJoin(context, eventId, choice),
    signals: context.signals,
    removeByHand: (target, note) => removeByHand(context, target, note),
    markOffender: (target) => markOffender(context, target),
    unmarkOffender: (memberKey) => unmarkOffender(context, memberKey),
    rulePrecision: () => store.events.precisionByRule(),
    recordEvent(event) {
      const id = store.events.add({ ...event, at: event.at ?? clock() })
      return store.events.get(id)!
    },
    purgeHistory,
    judgeProduced: (message, produced) => judgeMessage(context, message, produced),
  }
}
