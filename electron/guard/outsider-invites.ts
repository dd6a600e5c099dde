// Members invited by someone the rep does not trust to invite: anyone but the account itself, the group's owner and
// admins (as the puppet reports them), and the staff the rep named. Off, alert, or remove with the inviter told why.
import { renderTemplate } from '../../shared/policy/index.ts'
import { queueRepNote } from '../actions/rep-channel.ts'
import { outsiderInviteNote } from '../actions/rep-notes.ts'
import type { GroupRecord, Store } from '../store/index.ts'
import type { KnownMember } from './member-identity.ts'
import { queueStrikelessRemoval } from './queue-removal.ts'
import type { RemovalPlan } from './removal-plan.ts'

export function isTrustedInviter(group: GroupRecord, selfId: string | null, inviter: KnownMember): boolean {
  return (
    inviter.id === selfId ||
    inviter.id === group.ownerId ||
    group.adminIds.includes(inviter.id) ||
    group.staffKeys.includes(inviter.key)
  )
}

/** Returns whether anything was queued. */
export function recordOutsiderInvite(
  store: Store,
  join: { group: GroupRecord; member: KnownMember; inviter: KnownMember; plan: RemovalPlan },
  now: number,
): boolean {
  const { group, member, inviter, plan } = join
  const setting = store.settings.get('outsiderInviteAction')
  // A quiet group or quiet mode only ever tells the rep; a dry run records what would have happened.
  const action = setting === 'remove' && (group.quiet || store.settings.get('quietMode')) ? 'alert' : setting
  if (action === 'off') return false
  const dryRun = store.settings.get('dryRun')
  const who = { groupId: group.id, memberKey: member.key, memberId: member.id, memberName: member.displayName }
  const inviteId = store.events.add({
    kind: 'outsider_invite',
    at: now,
    ...who,
    dryRun,
    detail: { inviterId: inviter.id, inviterKey: inviter.key, inviterName: inviter.displayName, action },
  })
  if (dryRun) return false
  const removing = action === 'remove' && plan.route === 'bot'
  const noted = queueRepNote(store, {
    text: outsiderInviteNote({ groupTopic: group.topic, memberName: member.displayName, inviterName: inviter.displayName, removing }),
    eventId: inviteId,
    at: now,
  })
  if (noted) store.events.setStatus(inviteId, 'pending')
  if (action !== 'remove') return noted

  const template = store.settings.get('outsiderInviteNoticeTemplate')
  const notice = template.trim() ? { text: renderTemplate(template, { name: member.displayName }), mentionIds: [inviter.id] } : null
  const detail = { outsiderInvite: true, inviteEventId: inviteId, inviterId: inviter.id, inviterName: inviter.displayName }
  return queueStrikelessRemoval(store, { group, member, rule: null, detail, notice }, plan, now) !== null || noted
}
