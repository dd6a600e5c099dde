import { needsRepTopic } from '../../../../shared/api/needs-rep.ts'
import type { FeedEvent, FeedEventKind } from '../../../../shared/api/types.ts'

export const TIME_RANGES = ['all', 'hour', 'today', 'week', 'month'] as const
export type TimeRange = (typeof TIME_RANGES)[number]

export interface FeedFilter {
  groupId?: string
  rule?: string
  kinds?: FeedEventKind[]
  time: TimeRange
  /** Only what still needs the rep (what the tray and the bell count). */
  needsRep?: boolean
}

const HOUR_MS = 60 * 60 * 1000
const DAY_MS = 24 * HOUR_MS

/** The earliest time a range reaches back to, reckoned from `now`; undefined for all time. */
export function sinceOf(range: TimeRange, now: number): number | undefined {
  switch (range) {
    case 'all':
      return undefined
    case 'hour':
      return now - HOUR_MS
    case 'today': {
      const midnight = new Date(now)
      midnight.setHours(0, 0, 0, 0)
      return midnight.getTime()
    }
    case 'week':
      return now - 7 * DAY_MS
    case 'month':
      return now - 30 * DAY_MS
  }
}

/** Whether a live event belongs in the list as filtered (the same test the service applies to listFeed). */
export function matchesFilter(filter: FeedFilter, event: FeedEvent, since: number | undefined): boolean {
  if (filter.groupId !== undefined && event.groupId !== filter.groupId) return false
  if (filter.rule !== undefined && event.rule !== filter.rule) return false
  if (filter.kinds?.length && !filter.kinds.includes(event.kind)) return false
  if (filter.needsRep && !needsRepTopic(event)) return false
  return since === undefined || event.at >= since
}

/** The filter as listFeed and exportFeed take it, with the time range reckoned from `since`. */
export function feedQueryOf(filter: FeedFilter, since: number | undefined) {
  return {
    ...(filter.groupId ? { groupId: filter.groupId } : {}),
    ...(filter.rule ? { rule: filter.rule } : {}),
    ...(filter.kinds?.length ? { kinds: filter.kinds } : {}),
    ...(filter.needsRep ? { needsRep: true } : {}),
    ...(since === undefined ? {} : { since }),
  }
}
