// A member's story across all groups: every event about them, and where they stand in each group now.
import type { MemberGroupStanding, MemberStory } from '../../shared/api/member-story.ts'
import { isStrikeActive } from '../../shared/policy/index.ts'
import type { GuardEvent, Store } from '../store/index.ts'
import { feedEventView } from './views.ts'

const STORY_EVENTS = 500
const OFFENCE_KINDS = new Set(['warning', 'removal', 'alert'])

function standingIn(store: Store, groupId: string, memberKey: string, events: readonly GuardEvent[], now: number): MemberGroupStanding {
  const here = events.filter((event) => event.groupId === groupId)
  const lastRemoval = here.find((event) => event.kind === 'removal' && !event.dryRun)
  return {
    groupId,
    topic: store.groups.get(groupId)?.topic ?? groupId,
    activeStrikes: store.strikes.forMember(groupId, memberKey).filter((strike) => !strike.dryRun && isStrikeActive(strike, now)).length,
    removed: lastRemoval !== undefined && lastRemoval.status === 'done' && !lastRemoval.overridden,
    memberId: here.find((event) => event.memberId)?.memberId ?? null,
  }
}

export function memberStoryView(store: Store, memberKey: string, now: number): MemberStory | null {
  // Newest first, as the feed.
  const events = store.events.list({ memberKey, limit: STORY_EVENTS })
  if (events.length === 0) return null
  const groupIds = [...new Set(events.map((event) => event.groupId).filter((id): id is string => id !== null))]
  const real = events.filter((event) => !event.dryRun && !event.overridden)
  const mark = store.markedOffenders.get(memberKey)
  return {
    memberKey,
    name: events.find((event) => event.memberName)?.memberName ?? memberKey,
    events: events.map((event) => feedEventView(store, event)),
    groups: groupIds.map((groupId) => standingIn(store, groupId, memberKey, events, now)),
    allowListed: store.allowList.list().some((entry) => entry.memberKey === memberKey),
    knownOffender: mark !== null || events.some((event) => event.kind === 'removal' && event.status === 'done' && !event.overridden && !event.dryRun),
    mark: mark && { reason: mark.reason, at: mark.markedAt, eventId: mark.eventId },
    offences: real.filter((event) => event.hit && OFFENCE_KINDS.has(event.kind)).length,
    warnings: real.filter((event) => event.kind === 'warning').length,
    removals: real.filter((event) => event.kind === 'removal' && event.status === 'done').length,
  }
}
