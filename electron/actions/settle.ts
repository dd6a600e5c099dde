// Records what came of an action, in one transaction with everything that follows from it: the event's status,
// a removal_failed or action_failed event, a note to the rep, the removal notice, or a retry.
import type { PendingAction, Store } from '../store/index.ts'
import type { ReasonCode, TodoCode } from '../../shared/api/reasons.ts'
import type { EffectOutcome } from './effects.ts'
import { queueRepNote } from './rep-channel.ts'
import { readdTodo, removalFailedNote, sendFailedNote } from './rep-notes.ts'

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
    if (outcome.kind === 'done') return settleDone(store, action, outcome.verifiedAfterRestart === true, now)
    if (outcome.kind === 'error' && action.attempts < MAX_ATTEMPTS) {
      const delay = FIRST_RETRY_DELAY_MS * 2 ** (action.attempts - 1)
      return store.actions.retryAt(action.id, now + delay, outcome.message)
    }
    const reasonCode = outcome.kind === 'error' ? undefined : outcome.code
    settleFailed(store, action, outcome.kind === 'error' ? outcome.message : outcome.reason, now, reasonCode)
  })
}

function settleDone(store: Store, action: PendingAction, verifiedAfterRestart: boolean, now: number): void {
  store.actions.settle(action.id, 'done', now)
  if (action.eventId !== null) {
    store.events.setStatus(action.eventId, 'done', verifiedAfterRestart ? { verifiedAfterRestart } : {})
  }
  if (action.kind === 'remove' && action.payload.notice) {
    const payload = { groupId: action.payload.groupId, text: action.payload.notice, mentionIds: [] }
    store.actions.enqueue({ kind: 'say', payload, eventId: null, createdAt: now })
  }
}

function settleFailed(store: Store, action: PendingAction, reason: string, now: number, reasonCode?: ReasonCode): void {
  store.actions.settle(action.id, 'failed', now, reason)
  // The window says a coded reason in its own language; the text stays for the note to the rep and the log.
  const coded = reasonCode ? { reasonCode } : {}
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
      if (origin) store.events.setStatus(origin.id, 'failed', { reason, ...coded })
      const failureId = store.events.add({
        kind: 'removal_failed',
        at: now,
        ...subject,
        detail: { reason, ...coded, removalEventId: origin?.id ?? null },
      })
      const memberName = origin?.memberName ?? action.payload.memberId
      const noted = queueRepNote(store, {
        text: removalFailedNote({ groupTopic, memberName, reason }),
        eventId: failureId,
        at: now,
      })
      if (noted) store.events.setStatus(failureId, 'pending')
      return
    }
    case 'add': {
      // The rep can still bring the member back by hand: say exactly how.
      const memberName = origin?.memberName ?? action.payload.memberId
      const repTodo = readdTodo({ groupTopic, memberName, reason })
      const todoCode: TodoCode = 'readd_by_hand'
      if (origin) store.events.setStatus(origin.id, 'needs_rep', { reason, ...coded, repTodo, repTodoCode: todoCode, repTodoParams: { group: groupTopic, member: memberName } })
      queueRepNote(store, { text: `【群卫】${repTodo}`, eventId: null, at: now })
      return
    }
    case 'say':
    case 'notify_self': {
      if (origin) store.events.setStatus(origin.id, 'failed', { reason, ...coded })
      store.events.add({
        kind: 'action_failed',
        at: now,
        ...subject,
        detail: { reason, ...coded, actionId: action.id, actionKind: action.kind, eventId: origin?.id ?? null },
      })
      // A failed note to the rep is not announced with another note to the rep.
      if (action.kind === 'say') queueRepNote(store, { text: sendFailedNote({ groupTopic, reason }), eventId: null, at: now })
      return
    }
  }
}
