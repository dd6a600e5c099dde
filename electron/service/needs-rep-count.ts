// How many things need the rep now (the tray, the window title, the app badge, the window's feed badge), kept as the
// events change: an event counts while needsRepTopic says so, from the moment it is recorded until the rep deals
// with it. The same test tells which changes are new arrivals, for the desktop notices.
import { NEEDS_REP_KINDS, needsRepTopic, type NeedsRepTopic } from '../../shared/api/needs-rep.ts'
import type { FeedEvent } from '../../shared/api/types.ts'
import type { Store } from '../store/index.ts'

export interface NeedsRepChange {
  count: number
  /** The event that has just come to need the rep (not one that needed them already), for a notice. */
  arrived: { event: FeedEvent; topic: NeedsRepTopic } | null
}

export interface NeedsRepCount {
  count(): number
  /** The events that need the rep, for the feed's "needs me" view. */
  ids(): number[]
  byTopic(): Record<NeedsRepTopic, number>
  /** Takes an event as it stands after a change; returns what changed, or null when the count did not. */
  apply(event: FeedEvent): NeedsRepChange | null
  /** Counts afresh from the store (at start, and after an import replaced the events). */
  recount(): void
}

export function createNeedsRepCount(store: Store): NeedsRepCount {
  const open = new Map<number, NeedsRepTopic>()
  const recount = () => {
    open.clear()
    for (const event of store.events.listLive(NEEDS_REP_KINDS)) {
      const topic = needsRepTopic(event)
      if (topic) open.set(event.id, topic)
    }
  }
  recount()

  return {
    count: () => open.size,
    ids: () => [...open.keys()],
    byTopic() {
      const counts: Record<NeedsRepTopic, number> = { review: 0, failure: 0, todo: 0, offender: 0 }
      for (const topic of open.values()) counts[topic]++
      return counts
    },
    apply(event) {
      const topic = needsRepTopic(event)
      const before = open.get(event.id)
      if (topic === (before ?? null)) return null
      if (topic) open.set(event.id, topic)
      else open.delete(event.id)
      return { count: open.size, arrived: topic && before === undefined ? { event, topic } : null }
    },
    recount,
  }
}
