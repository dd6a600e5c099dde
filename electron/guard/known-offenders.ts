// Members joining a monitored group who were removed from a group before (any group: offenders move around).
import { decideKnownOffender, type KnownOffenderDecision } from '../../shared/policy/index.ts'
import { queueRepNote } from '../actions/rep-channel.ts'
import { knownOffenderNote } from '../actions/rep-notes.ts'
import type { GroupRecord, GuardEvent, Store } from '../store/index.ts'
import type { MemberJoin } from '../wechat/chat-port.ts'
import type { GuardContext } from './guard-context.ts'
import { lookUpGroup } from './group-lookup.ts'
import { identifyMember, isImmune, type KnownMember } from './member-identity.ts'

export async function screenJoin(context: GuardContext, join: MemberJoin): Promise<void> {
  const { store, chat, clock } = context
  const group = await lookUpGroup(store, chat, join.groupId, clock())
  if (!group?.monitored) return
  for (const memberId of join.memberIds) {
    if (memberId === chat.selfId()) continue
    const member = await identifyMember(store, chat, group.id, memberId, clock())
    if (isImmune(store, group, member)) continue
    const now = clock()
    const queued = store.transaction(() => {
      const previous = store.events.lastRemovalOf({ memberKey: member.key, memberId })
      const sighting = previous ? localRemoval(store, previous) : teamListing(store, member.key)
      if (!sighting) return false
      const decision = decideKnownOffender(store.settings.all(), group.quiet)
      return recordKnownOffender(store, { group, member, previous: sighting, decision }, now)
    })
    if (queued) context.queue.poke()
  }
}

/** Why the member is known: where they were removed before and by which rule. */
interface PreviousRemoval {
  rule: string | null
  groupTopic: string
  /** What the events record about it: the local removal's id, or the team entry. */
  detail: Record<string, unknown>
}

function localRemoval(store: Store, previous: GuardEvent): PreviousRemoval {
  return {
    rule: previous.rule,
    groupTopic: (previous.groupId && store.groups.get(previous.groupId)?.topic) || previous.groupId || '',
    detail: { previousRemovalId: previous.id, previousGroupId: previous.groupId },
  }
}

/** A member another rep of the team removed (the team's known-offender list). */
function teamListing(store: Store, memberKey: string): PreviousRemoval | null {
  const entry = store.team.listedOffender(memberKey)
  if (!entry) return null
  return {
    rule: entry.rule,
    groupTopic: `${entry.groupTopic ?? ''}（${entry.author}）`,
    detail: { team: { entryId: entry.entryId, author: entry.author, reason: entry.reason, groupTopic: entry.groupTopic } },
  }
}

/** Returns whether anything was queued. */
function recordKnownOffender(
  store: Store,
  sighting: { group: GroupRecord; member: KnownMember; previous: PreviousRemoval; decision: KnownOffenderDecision },
  now: number,
): boolean {
  const { group, member, previous, decision } = sighting
  const who = { groupId: group.id, memberKey: member.key, memberId: member.id, memberName: member.displayName }
  const joinedId = store.events.add({
    kind: 'known_offender_joined',
    at: now,
    ...who,
    rule: previous.rule,
    dryRun: decision.dryRun,
    detail: {
      ...previous.detail,
      action: decision.action,
      ...(decision.divertedToRep ? { divertedToRep: true } : {}),
    },
  })
  if (decision.dryRun) return false

  const removing = decision.action === 'remove'
  const noted = queueRepNote(store, {
    text: knownOffenderNote({
      groupTopic: group.topic,
      memberName: member.displayName,
      previousGroupTopic: previous.groupTopic,
      previousRule: previous.rule,
      removing,
    }),
    eventId: joinedId,
    at: now,
  })
  if (noted) store.events.setStatus(joinedId, 'pending')
  if (!removing) return noted

  // No strike: they have not offended in this group. The removal is an event of its own so it can be undone.
  const removalId = store.events.add({
    kind: 'removal',
    at: now,
    ...who,
    rule: previous.rule,
    status: 'pending',
    detail: { knownOffender: true, joinEventId: joinedId, ...previous.detail },
  })
  const payload = { groupId: group.id, memberId: member.id, notice: null }
  store.actions.enqueue({ kind: 'remove', payload, eventId: removalId, createdAt: now })
  return true
}
