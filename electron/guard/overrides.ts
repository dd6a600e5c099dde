// The rep overruling or completing the guard: pardons, undoing removals, resolving quiet-mode reviews, verdicts.
// Each override is one transaction and leaves its own event, so the log shows who decided what.
import { decideReview, isStrikeActive, type ReviewChoice } from '../../shared/policy/index.ts'
import { signalOfRule } from '../../shared/signals/decide.ts'
import { signalRule } from '../signals/record-signal.ts'
import type { GuardEvent, Store } from '../store/index.ts'
import type { GuardContext } from './guard-context.ts'
import { recordDecision } from './record-decision.ts'
import { planRemoval } from './removal-plan.ts'

/** The rep asked for something that does not apply (not a removal, already resolved...). */
export class OverrideError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'OverrideError'
  }
}

function mustGet(store: Store, eventId: number): GuardEvent {
  const event = store.events.get(eventId)
  if (!event) throw new OverrideError(`there is no event ${eventId}`)
  return event
}

/**
 * Revokes one active strike of the member in the group: the given one (a warning the rep pardons from the feed),
 * else the latest. Returns the pardon event, or null with nothing to pardon.
 */
export function pardon(
  context: GuardContext,
  target: { groupId: string; memberKey: string; strikeId?: number },
  note: string | null = null,
): GuardEvent | null {
  const { store } = context
  const now = context.clock()
  const pardonId = store.transaction(() => {
    const strike = store.strikes
      .forMember(target.groupId, target.memberKey)
      .filter((candidate) => !candidate.dryRun && isStrikeActive(candidate, now))
      .filter((candidate) => target.strikeId === undefined || candidate.id === target.strikeId)
      .at(-1)
    if (!strike) return null
    store.strikes.revoke(strike.id, now)
    const origin = store.events.forStrike(strike.id)
    if (origin) {
      store.events.markOverridden(origin.id)
      // A warning or removal not sent yet is not sent at all.
      if (store.actions.cancelQueuedForEvent(origin.id, now) > 0) store.events.setStatus(origin.id, 'cancelled')
    }
    return store.events.add({
      kind: 'pardon',
      at: now,
      groupId: target.groupId,
      memberKey: target.memberKey,
      memberId: origin?.memberId ?? null,
      memberName: origin?.memberName ?? null,
      rule: strike.rule,
      detail: { strikeId: strike.id, eventId: origin?.id ?? null, note },
    })
  })
  return pardonId === null ? null : store.events.get(pardonId)
}

/** Takes back a completed removal: revokes the member's strikes in that group and asks WeChat to add them back.
 * If WeChat refuses, the undo event ends up 'needs_rep' with what the rep should do instead. */
export function undoRemoval(
  context: GuardContext,
  removalEventId: number,
  options: { allowList?: boolean; note?: string | null } = {},
): GuardEvent {
  const { store } = context
  const now = context.clock()
  const undoId = store.transaction(() => {
    const removal = mustGet(store, removalEventId)
    const { groupId, memberId, memberKey } = removal
    if (removal.kind !== 'removal' || removal.status !== 'done' || removal.dryRun || !groupId || !memberId || !memberKey) {
      throw new OverrideError(`event ${removalEventId} is not a removal that happened`)
    }
    if (!store.events.markOverridden(removal.id)) throw new OverrideError(`removal ${removalEventId} was already undone`)
    const revokedStrikes = store.strikes.revokeAllForMember(groupId, memberKey, now)
    const allowListed = options.allowList === true
    if (allowListed) {
      const name = removal.memberName ?? memberId
      store.allowList.add({ memberKey, groupId, name, note: options.note ?? null, addedAt: now })
    }
    const id = store.events.add({
      kind: 'undo',
      at: now,
      groupId,
      memberKey,
      memberId,
      memberName: removal.memberName,
      rule: removal.rule,
      status: 'pending',
      detail: { removalEventId: removal.id, revokedStrikes, allowListed, note: options.note ?? null },
    })
    store.actions.enqueue({ kind: 'add', payload: { groupId, memberId }, eventId: id, createdAt: now })
    return id
  })
  context.queue.poke()
  return store.events.get(undoId)!
}

/** Closes a quiet-mode review. Warn and remove are carried out as the rep's decision (quiet mode or not);
 * returns the event of that decision, or the closed review for a dismissal. */
export function resolveReview(context: GuardContext, reviewEventId: number, choice: ReviewChoice | 'dismiss'): GuardEvent {
  const { store } = context
  const now = context.clock()
  const rules = context.rules.current(now)?.rules ?? []
  const resultId = store.transaction(() => {
    const review = mustGet(store, reviewEventId)
    const outcome = choice === 'dismiss' ? 'dismissed' : choice === 'warn' ? 'warned' : 'removed'
    if (!store.events.resolveReview(review.id, outcome)) throw new OverrideError(`event ${reviewEventId} is not an open review`)
    if (choice === 'dismiss') return review.id

    const group = review.groupId === null ? null : store.groups.get(review.groupId)
    const { memberId, memberKey } = review
    // A review that did not come from a rule (an untranscribed voice message) names what the rep decided on.
    const ruleName = review.rule ?? (typeof review.detail.manualRule === 'string' ? review.detail.manualRule : null)
    if (!group || !memberId || !memberKey || !ruleName) throw new OverrideError(`review ${reviewEventId} lacks its group, member or rule`)
    // The rule may have been edited since: use its current reply if it still exists.
    const rule =
      rules.find((candidate) => candidate.name === ruleName) ??
      (signalOfRule(ruleName) ? signalRule(ruleName, store) : { name: ruleName, reply: null })
    const decision = decideReview(choice, store.strikes.forMember(group.id, memberKey), store.settings.all(), now)
    const offence = {
      group,
      member: { id: memberId, key: memberKey, displayName: review.memberName ?? memberId },
      rule,
      message: { id: review.messageId, text: review.text },
      hit: false,
      detail: { reviewOf: review.id },
      removal: planRemoval(store, group, context.chat),
    }
    return recordDecision(store, offence, decision, now)!
  })
  context.queue.poke()
  return store.events.get(resultId)!
}
