// Members joining a monitored group: known offenders first, then members invited by outsiders, then a welcome for
// everyone else (one message per join, throttled like every message).
import { renderTemplate } from '../../shared/policy/index.ts'
import type { Store } from '../store/index.ts'
import type { MemberJoin } from '../wechat/chat-port.ts'
import type { GuardContext } from './guard-context.ts'
import { lookUpGroup } from './group-lookup.ts'
import { localRemoval, markedByRep, recordKnownOffender, repMark, teamListing, type PreviousRemoval } from './known-offenders.ts'
import { identifyMember, isImmune, rememberLook, type KnownMember } from './member-identity.ts'
import { isTrustedInviter, recordOutsiderInvite } from './outsider-invites.ts'
import { planRemoval } from './removal-plan.ts'

export async function screenJoin(context: GuardContext, join: MemberJoin): Promise<void> {
  const { store, chat, clock } = context
  const group = await lookUpGroup(store, chat, join.groupId, clock())
  if (!group?.monitored) return
  const inviter = join.inviterId ? await identifyMember(store, chat, group.id, join.inviterId, clock()) : null
  const welcome: KnownMember[] = []
  let queued = false
  for (const memberId of join.memberIds) {
    if (memberId === chat.selfId()) continue
    const member = await rememberLook(store, chat, group.id, await identifyMember(store, chat, group.id, memberId, clock()), clock())
    if (isImmune(store, group, member)) continue
    const now = clock()
    const plan = planRemoval(store, group, chat)
    const outcome = store.transaction(() => {
      // Join times feed the newcomer signal; a burst of joins by one inviter raises its own quiet alert. Someone the
      // account itself brought in (the rep, or an undone removal) is not a stranger.
      const invitedByAccount = join.inviterId !== null && join.inviterId === chat.selfId()
      if (!invitedByAccount && context.signals.onJoin({ group, member, removal: plan }, join.inviterId, 1, now) !== null) queued = true
      // The rep's own mark says the most (their reason), then a removal here, then the team's list.
      const removed = store.events.lastRemovalOf({ memberKey: member.key, memberId })
      const previous = repMark(store, member.key) ?? (removed ? localRemoval(store, removed) : teamListing(store, member.key))
      if (previous) return { queued: recordKnownOffender(store, { group, member, previous, plan }, now), welcome: false }
      // Nothing stable to go by: the same name and avatar as a removed or marked member is only a probable match.
      const probable = member.look ? probablePrevious(store, member.look) : null
      if (probable) {
        const sighting = { group, member, previous: probable, plan, probable: true }
        return { queued: recordKnownOffender(store, sighting, now), welcome: false }
      }
      if (inviter && !isTrustedInviter(group, chat.selfId(), inviter)) {
        const welcomed = store.settings.get('outsiderInviteAction') === 'off'
        return { queued: recordOutsiderInvite(store, { group, member, inviter, plan }, now), welcome: welcomed }
      }
      return { queued: false, welcome: true }
    })
    queued ||= outcome.queued
    if (outcome.welcome) welcome.push(member)
  }
  if (welcomeNewMembers(store, group.id, welcome, clock())) queued = true
  if (queued) context.queue.poke()
}

/** A member removed or marked before with the same name and avatar: the rep's mark first, as with stable ids. */
function probablePrevious(store: Store, look: { name: string; avatarHash: string }): PreviousRemoval | null {
  const mark = store.markedOffenders.probableOf(look)
  if (mark) return markedByRep(mark)
  const removed = store.events.probableRemovalOf(look)
  return removed ? localRemoval(store, removed) : null
}

/** Returns whether a welcome was queued. */
function welcomeNewMembers(store: Store, groupId: string, members: readonly KnownMember[], now: number): boolean {
  const template = store.settings.get('welcomeTemplate')
  if (!template.trim() || members.length === 0 || store.settings.get('dryRun') || store.settings.get('quietMode')) return false
  if (store.groups.get(groupId)?.quiet) return false
  const text = renderTemplate(template, { name: members.map((member) => member.displayName).join('、') })
  const payload = { groupId, text, mentionIds: members.map((member) => member.id) }
  store.actions.enqueue({ kind: 'say', payload, eventId: null, createdAt: now })
  return true
}
