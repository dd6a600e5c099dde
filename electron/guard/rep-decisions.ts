// The rep closing what the guard left to them: removal tasks ("done, I removed them" or "pardon"), re-adds they
// did by hand, and join cards (remove, dismiss, allow). Each is one transaction and is recorded on the event.
import type { GuardEvent } from '../store/index.ts'
import { markRemoved } from '../offenders/removed-members.ts'
import type { GuardContext } from './guard-context.ts'
import { OverrideError, pardon } from './overrides.ts'
import { queueStrikelessRemoval } from './queue-removal.ts'
import { planRemoval } from './removal-plan.ts'

export type TaskOutcome = 'done' | 'pardon'
export type JoinChoice = 'remove' | 'dismiss' | 'allow'

const JOIN_CARD_KINDS: readonly GuardEvent['kind'][] = ['known_offender_joined', 'outsider_invite']

function mustGet(context: GuardContext, eventId: number): GuardEvent {
  const event = context.store.events.get(eventId)
  if (!event) throw new OverrideError(`there is no event ${eventId}`)
  return event
}

export function resolveTask(context: GuardContext, eventId: number, outcome: TaskOutcome): GuardEvent {
  const { store } = context
  const now = context.clock()
  store.transaction(() => {
    const task = mustGet(context, eventId)
    if (task.status !== 'needs_rep' || task.overridden) throw new OverrideError(`event ${eventId} is not an open task`)
    if (task.kind === 'removal_needed') {
      if (outcome === 'done') return markRemoved(store, task, 'rep', now)
      // The member stays: their latest strike goes, so the next offence warns again instead of reopening the task.
      if (task.groupId && task.memberKey) pardon(context, { groupId: task.groupId, memberKey: task.memberKey }, null)
      store.events.markOverridden(task.id)
      return store.events.setStatus(task.id, 'cancelled', { pardonedAt: now })
    }
    if (task.kind === 'undo' && outcome === 'done') return store.events.setStatus(task.id, 'done', { readdedBy: 'rep', readdedAt: now })
    throw new OverrideError(`task ${eventId} cannot be closed with "${outcome}"`)
  })
  return store.events.get(eventId)!
}

export function resolveJoin(context: GuardContext, eventId: number, choice: JoinChoice): GuardEvent {
  const { store, chat } = context
  const now = context.clock()
  const queued = store.transaction(() => {
    const card = mustGet(context, eventId)
    if (!JOIN_CARD_KINDS.includes(card.kind) || card.detail.resolution !== undefined || card.dryRun) {
      throw new OverrideError(`event ${eventId} is not an open join card`)
    }
    const group = card.groupId ? store.groups.get(card.groupId) : null
    if (!group || !card.memberId || !card.memberKey) throw new OverrideError(`join card ${eventId} lacks its group or member`)
    const member = { id: card.memberId, key: card.memberKey, displayName: card.memberName ?? card.memberId }
    store.events.patchDetail(card.id, { resolution: choice, resolvedAt: now })
    if (choice === 'allow') {
      store.allowList.add({ memberKey: member.key, groupId: group.id, name: member.displayName, note: null, addedAt: now })
      return false
    }
    if (choice === 'dismiss') return false
    const detail = { joinEventId: card.id, byRep: true, ...(card.kind === 'known_offender_joined' ? { knownOffender: true } : {}) }
    return queueStrikelessRemoval(store, { group, member, rule: card.rule, detail }, planRemoval(store, group, chat), now) !== null
  })
  if (queued) context.queue.poke()
  return store.events.get(eventId)!
}
