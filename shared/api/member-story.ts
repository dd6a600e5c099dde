// A member's whole story across every monitored group, as the window's member drawer shows it.
import type { FeedEvent } from './types.ts'

export interface MemberGroupStanding {
  groupId: string
  topic: string
  /** Active, non-dry-run strikes the member has in the group now. */
  activeStrikes: number
  /** The member's last removal there was carried out and not undone. */
  removed: boolean
  /** The member's puppet id in that group, to remove them by hand; null when the guard never saw them there. */
  memberId: string | null
}

export interface MemberStory {
  memberKey: string
  name: string
  events: FeedEvent[]
  groups: MemberGroupStanding[]
  allowListed: boolean
  /** Removed from some group before, or marked by the rep: a join of a monitored group is screened as a known offender. */
  knownOffender: boolean
  /** The rep's own mark, when they marked the member as a known offender by hand. */
  mark: { reason: string | null; at: number; eventId: number | null } | null
  offences: number
  warnings: number
  removals: number
}
