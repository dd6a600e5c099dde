// A member joining a monitored group who was removed from a group before (any group: offenders move around).
import { decideKnownOffender } from '../../shared/policy/index.ts'
import { queueRepNote } from '../actions/rep-channel.ts'
import { knownOffenderNote } from '../actions/rep-notes.ts'
import type { GroupRecord, GuardEvent, Store } from '../store/index.ts'
import type { KnownMember } from './member-identity.ts'
import { queueStrikelessRemoval } from './queue-removal.ts'
import type { RemovalPlan } from './removal-plan.ts'

/** Returns whether anything was queued. */
export function recordKnownOffender(
  store: Store,
  sighting: { group: GroupRecord; member: KnownMember; previous: GuardEvent; plan: RemovalPlan; probable?: boolean },
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
      previousRemovalId: previous.id,
      previousGroupId: previous.groupId,
      action: decision.action,
      ...(decision.divertedToRep ? { divertedToRep: true } : {}),
      ...(probable ? { probable: true } : {}),
    },
  })
  if (decision.dryRun) return false

  const removing = decision.action === 'remove' && plan.route === 'bot'
  const noted = queueRepNote(store, {
    text: knownOffenderNote({
      groupTopic: group.topic,
      memberName: member.displayName,
      previousGroupTopic: (previous.groupId && store.groups.get(previous.groupId)?.topic) || previous.groupId || '',
      previousRule: previous.rule,
      removing,
    }),
    eventId: joinedId,
    at: now,
  })
  if (noted) store.events.setStatus(joinedId, 'pending')
  if (decision.action !== 'remove') return noted

  // No strike: they have not offended in this group. The removal is an event of its own so it can be undone.
  const detail = { knownOffender: true, joinEventId: joinedId, previousRemovalId: previous.id }
  return queueStrikelessRemoval(store, { group, member, rule: previous.rule, detail }, plan, now) !== null || noted
}
