// A member joining a monitored group who was removed from a group before (any group: offenders move around), by this
// rep or, in team mode, by another rep of the team; or whom the rep marked as a known offender by hand.
import { decideKnownOffender } from '../../shared/policy/index.ts'
import { queueRepNote } from '../actions/rep-channel.ts'
import { knownOffenderNote, markedOffenderNote } from '../actions/rep-notes.ts'
import type { GroupRecord, GuardEvent, MarkedOffender, Store } from '../store/index.ts'
import type { KnownMember } from './member-identity.ts'
import { queueStrikelessRemoval } from './queue-removal.ts'
import type { RemovalPlan } from './removal-plan.ts'

/** Why the member is known: where they were removed before and by which rule, or the rep's mark. */
export interface PreviousRemoval {
  rule: string | null
  groupTopic: string
  /** Set when the rep marked them by hand: the reason they gave. */
  mark?: { reason: string | null }
  /** What the events record about it: the local removal's id, or the team entry. */
  detail: Record<string, unknown>
}

/** A removal from one of this rep's groups. */
export function localRemoval(store: Store, previous: GuardEvent): PreviousRemoval {
  return {
    rule: previous.rule,
    groupTopic: (previous.groupId && store.groups.get(previous.groupId)?.topic) || previous.groupId || '',
    detail: { previousRemovalId: previous.id, previousGroupId: previous.groupId },
  }
}

/** A member another rep of the team removed (the team's known-offender list). */
export function teamListing(store: Store, memberKey: string): PreviousRemoval | null {
  const entry = store.team.listedOffender(memberKey)
  if (!entry) return null
  return {
    rule: entry.rule,
    groupTopic: `${entry.groupTopic ?? ''}（${entry.author}）`,
    detail: { team: { entryId: entry.entryId, author: entry.author, reason: entry.reason, groupTopic: entry.groupTopic } },
  }
}

/** A member the rep marked as a known offender from their story. */
export function repMark(store: Store, memberKey: string): PreviousRemoval | null {
  const mark = store.markedOffenders.get(memberKey)
  return mark ? markedByRep(mark) : null
}

/** What a mark says of the member it was made on. */
export function markedByRep(mark: MarkedOffender): PreviousRemoval {
  return {
    rule: null,
    groupTopic: '',
    mark: { reason: mark.reason },
    detail: { markedByRep: true, markReason: mark.reason, markEventId: mark.eventId },
  }
}

/** Returns whether anything was queued. */
export function recordKnownOffender(
  store: Store,
  sighting: { group: GroupRecord; member: KnownMember; previous: PreviousRemoval; plan: RemovalPlan; probable?: boolean },
  now: number,
): boolean {
  const { group, member, previous, plan } = sighting
  const probable = sighting.probable === true
  const decided = decideKnownOffender(store.settings.all(), group.quiet)
  // A probable match (name and avatar only) may be someone else: it alerts, and the rep decides on the card.
  const decision = probable && decided.action === 'remove' ? { ...decided, action: 'alert' as const } : decided
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
      ...(probable ? { probable: true } : {}),
    },
  })
  if (decision.dryRun) return false

  const removing = decision.action === 'remove' && plan.route === 'bot'
  const noted = queueRepNote(store, {
    text: previous.mark
      ? markedOffenderNote({ groupTopic: group.topic, memberName: member.displayName, reason: previous.mark.reason, removing })
      : knownOffenderNote({
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
  if (decision.action !== 'remove') return noted

  // No strike: they have not offended in this group. The removal is an event of its own so it can be undone.
  const detail = { knownOffender: true, joinEventId: joinedId, ...previous.detail }
  return queueStrikelessRemoval(store, { group, member, rule: previous.rule, detail }, plan, now) !== null || noted
}
