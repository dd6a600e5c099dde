// Records what came of an action, in one transaction with everything that follows from it: the event's status,
// a removal task or action_failed event, a note to the rep, the removal notice, or a retry.
import type { TodoCode } from '../../shared/api/reasons.ts'
import { reasonDetail, type ActionReason } from '../../shared/outcomes/action-reasons.ts'
import { markRemoved } from '../offenders/removed-members.ts'
import type { PendingAction, Store } from '../store/index.ts'
import { openRemovalTask } from '../tasks/removal-task.ts'
import type { EffectOutcome } from './effects.ts'
import { queueRepNote } from './rep-channel.ts'
import { readdTodo, sendFailedNote } from './rep-notes.ts'

const MAX_ATTEMPTS = 3
const FIRST_RETRY_DELAY_MS = 30_000
const NOTE_TO_SELF_LIFETIME_MS = 24 * 60 * 60 * 1000

/** Whether an action is too late to be worth doing. Warnings go stale fast; removals and re-adds are still wanted. */
export function isStale(action: PendingAction, now: number, staleWarningMinutes: number): boolean {
  const age = now - action.createdAt
  switch (action.kind) {
    case 'say':
      return age > staleWarningMinutes * 60_000
    case 'notify_self':
      return age > NOTE_TO_SELF_LIFETIME_MS
    case 'remove':
    case 'add':
      return false
  }
}

export function expireAction(store: Store, action: PendingAction, now: number): void {
  store.transaction(() => {
    store.actions.settle(action.id, 'expired', now, 'too late to be useful')
    if (action.eventId !== null) store.events.setStatus(action.eventId, 'expired')
  })
}

/** `action` is the row as marked running, so `attempts` counts this attempt. */
export function settleAction(store: Store, action: PendingAction, outcome: EffectOutcome, now: number): void {
  store.transaction(() => {
    if (outcome.kind === 'done') return settleDone(store, action, outcome, now)
    if (outcome.kind === 'retry' && action.attempts < MAX_ATTEMPTS) {
      const delay = FIRST_RETRY_DELAY_MS * 2 ** (action.attempts - 1)
      return store.actions.retryAt(action.id, now + delay, outcome.reason.code)
    }
    const reason = outcome.kind === 'retry' ? withAttempts(outcome.reason, action.attempts) : outcome.reason
    settleFailed(store, action, reason, now)
  })
}

function withAttempts(reason: ActionReason, attempts: number): ActionReason {
  return { code: reason.code, params: { ...reason.params, attempts: String(attempts) } }
}

function settleDone(store: Store, action: PendingAction, outcome: Extract<EffectOutcome, { kind: 'done' }>, now: number): void {
  store.actions.settle(action.id, 'done', now)
  const detail = {
    ...(outcome.verifiedAfterRestart ? { verifiedAfterRestart: true } : {}),
    ...(outcome.alreadyGone ? { alreadyGone: true } : {}),
  }
  if (action.eventId !== null) {
    if (action.kind === 'remove') markRemoved(store, { id: action.eventId }, 'bot', now, detail)
    else store.events.setStatus(action.eventId, 'done', detail)
  }
  // Announcing the removal of someone who had already left would be news to nobody.
  if (action.kind === 'remove' && action.payload.notice && !outcome.alreadyGone) {
    const mentionIds = action.payload.noticeMentionIds ?? []
    const payload = { groupId: action.payload.groupId, text: action.payload.notice, mentionIds }
    store.actions.enqueue({ kind: 'say', payload, eventId: null, createdAt: now })
  }
}

function settleFailed(store: Store, action: PendingAction, failure: ActionReason, now: number): void {
  const { reason } = reasonDetail(failure)
  store.actions.settle(action.id, 'failed', now, reason)
  const origin = action.eventId === null ? null : store.events.get(action.eventId)
  const groupId = action.kind === 'notify_self' ? origin?.groupId ?? null : action.payload.groupId
  const groupTopic = (groupId && store.groups.get(groupId)?.topic) || groupId || ''
  // Failure events are about the same member and rule as the event whose effect failed.
  const subject = {
    groupId,
    memberKey: origin?.memberKey ?? null,
    memberId: origin?.memberId ?? null,
    memberName: origin?.memberName ?? null,
    rule: origin?.rule ?? null,
  }

  switch (action.kind) {
    case 'remove': {
      // The member should still go: the rep does it by hand, from one task that later offences add to.
      if (origin) store.events.setStatus(origin.id, 'failed', reasonDetail(failure))
      const { groupId: removalGroupId, memberId } = action.payload
      openRemovalTask(
        store,
        {
          groupId: removalGroupId,
          memberId,
          memberKey: origin?.memberKey ?? memberId,
          memberName: origin?.memberName ?? memberId,
          rule: origin?.rule ?? null,
          messageId: origin?.messageId ?? null,
          text: origin?.text ?? null,
        },
        { reason: failure, detail: { removalEventId: origin?.id ?? null } },
        now,
      )
      return
    }
    case 'add': {
      // The rep can still bring the member back by hand: say exactly how; the undo stays open as their task.
      const memberName = origin?.memberName ?? action.payload.memberId
      const repTodo = readdTodo({ groupTopic, memberName, reason })
      // The code and parameters let the window say the to-do in its language; the text is the rep's WeChat note.
      const todoCode: TodoCode = 'readd_by_hand'
      const todo = { repTodo, repTodoCode: todoCode, repTodoParams: { group: groupTopic, member: memberName } }
      if (origin) store.events.setStatus(origin.id, 'needs_rep', { ...reasonDetail(failure), ...todo })
      queueRepNote(store, { text: `【群卫】${repTodo}`, eventId: null, at: now })
      return
    }
    case 'say':
    case 'notify_self': {
      if (origin) store.events.setStatus(origin.id, 'failed', reasonDetail(failure))
      store.events.add({
        kind: 'action_failed',
        at: now,
        ...subject,
        detail: { ...reasonDetail(failure), actionId: action.id, actionKind: action.kind, eventId: origin?.id ?? null },
      })
      // A failed note to the rep is not announced with another note to the rep.
      if (action.kind === 'say') queueRepNote(store, { text: sendFailedNote({ groupTopic, reason }), eventId: null, at: now })
      return
    }
  }
}
