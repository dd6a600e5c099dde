// The rep removing a member by hand (from the member's story in the window): no rule, no strike; an event of its own
// so the feed shows it and it can be undone like any removal.
import type { GuardEvent } from '../store/index.ts'
import type { GuardContext } from './guard-context.ts'
import { OverrideError } from './overrides.ts'

export function removeByHand(context: GuardContext, target: { groupId: string; memberKey: string }, note: string | null = null): GuardEvent {
  const { store } = context
  const now = context.clock()
  const removalId = store.transaction(() => {
    const group = store.groups.get(target.groupId)
    if (!group) throw new OverrideError(`there is no group ${target.groupId}`)
    // The puppet id to remove is the one the guard last saw the member under in this group.
    const seen = store.events.list({ groupId: target.groupId, memberKey: target.memberKey, limit: 50 }).find((event) => event.memberId)
    if (!seen?.memberId) throw new OverrideError(`${target.memberKey} was never seen in group ${group.topic}`)
    const id = store.events.add({
      kind: 'removal',
      at: now,
      groupId: group.id,
      memberKey: target.memberKey,
      memberId: seen.memberId,
      memberName: seen.memberName,
      status: 'pending',
      detail: { byRep: true, note },
    })
    store.actions.enqueue({ kind: 'remove', payload: { groupId: group.id, memberId: seen.memberId, notice: null }, eventId: id, createdAt: now })
    return id
  })
  context.queue.poke()
  return store.events.get(removalId)!
}
