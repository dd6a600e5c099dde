// A removal that carries no strike (a known offender joining, an outsider's invitee, the rep's button on a join
// card): queued for the bot where it can remove, else a task for the rep. One per member per group, as for offences.
import type { EventDetail, GroupRecord, Store } from '../store/index.ts'
import { openRemovalTask } from '../tasks/removal-task.ts'
import type { KnownMember } from './member-identity.ts'
import type { RemovalPlan } from './removal-plan.ts'

export interface StrikelessRemoval {
  group: GroupRecord
  member: KnownMember
  rule: string | null
  detail: EventDetail
  /** Said in the group once the removal is verified, mentioning `noticeMentionIds`. */
  notice?: { text: string; mentionIds: string[] } | null
}

/** Returns the id of the removal or task, or null when one is already under way (nothing new is queued). */
export function queueStrikelessRemoval(store: Store, removal: StrikelessRemoval, plan: RemovalPlan, now: number): number | null {
  const { group, member, rule, detail } = removal
  if (store.events.openRemovalOf(group.id, member.key)) return null
  const who = { groupId: group.id, memberKey: member.key, memberId: member.id, memberName: member.displayName }
  if (plan.route === 'rep') return openRemovalTask(store, { ...who, rule }, { reason: plan.reason, detail }, now)
  const removalId = store.events.add({ kind: 'removal', at: now, ...who, rule, status: 'pending', detail })
  const payload = {
    groupId: group.id,
    memberId: member.id,
    notice: removal.notice?.text ?? null,
    ...(removal.notice?.mentionIds.length ? { noticeMentionIds: removal.notice.mentionIds } : {}),
  }
  store.actions.enqueue({ kind: 'remove', payload, eventId: removalId, createdAt: now })
  return removalId
}
