// What needs the rep: the one definition behind the desktop notices, the tray, title and badge count, and the window's
// badge. It reads an event as it stands now, so the count goes down as the rep deals with each thing: a review
// resolved, a task done or pardoned, a join card answered, an alert judged, a failure acknowledged.
import type { FeedEvent, FeedEventKind } from './types.ts'

/** A review or an alert, a failed action, a to-do by hand, a known offender back in a group. */
export type NeedsRepTopic = 'review' | 'failure' | 'todo' | 'offender'

/** The kinds that can need the rep; no other kind ever does (the store looks only at these). */
export const NEEDS_REP_KINDS = [
  'alert',
  'outsider_invite',
  'voice_untranscribed',
  'known_offender_joined',
  'removal_needed',
  'undo',
  'removal_failed',
  'action_failed',
  'rules_invalid',
] as const satisfies readonly FeedEventKind[]

const FAILURES: ReadonlySet<FeedEventKind> = new Set(['removal_failed', 'action_failed', 'rules_invalid'])

/** What needs the rep now: the total the tray and the badges show, and how many of each topic. */
export interface NeedsRepView {
  count: number
  topics: Record<NeedsRepTopic, number>
}

type EventState = Pick<FeedEvent, 'kind' | 'dryRun' | 'overridden' | 'status' | 'review' | 'verdict' | 'detail'>

/** A join card the setting left to the rep (a removal it decided needs nothing more), not answered yet. */
function openJoinCard(event: EventState): boolean {
  return event.detail.action !== 'remove' && event.detail.resolution === undefined
}

/** What the event still needs from the rep, or null: dealt with, or never the rep's (a dry run, a warning...). */
export function needsRepTopic(event: EventState): NeedsRepTopic | null {
  if (event.dryRun || event.overridden || !(NEEDS_REP_KINDS as readonly string[]).includes(event.kind)) return null
  if (event.review === 'open') return 'review'
  if (event.detail.acknowledgedAt !== undefined) return null
  if (FAILURES.has(event.kind)) return 'failure'
  switch (event.kind) {
    // A removal or a re-add left to the rep, until they close it.
    case 'removal_needed':
    case 'undo':
      return event.status === 'needs_rep' ? 'todo' : null
    // An alert with no review to resolve is dealt with once the rep judged it (or said "got it").
    case 'alert':
      return event.review === null && event.verdict === null ? 'review' : null
    case 'outsider_invite':
      return openJoinCard(event) ? 'review' : null
    case 'known_offender_joined':
      return openJoinCard(event) ? 'offender' : null
    default:
      return null
  }
}

/** Whether "got it" is how the rep deals with the event: a failure, or an alert with nothing else to decide. */
export function acknowledgeable(event: EventState): boolean {
  const topic = needsRepTopic(event)
  return topic === 'failure' || (topic === 'review' && event.kind === 'alert' && event.review === null)
}
