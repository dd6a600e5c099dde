// The one place a member becomes a known offender: a removal the bot verified, or a rep's "done, I removed them".
// Whatever else must learn of a removal (team-wide known offenders, say) hooks in here, so both paths reach it.
import type { EventDetail, GuardEvent, Store } from '../store/index.ts'

export type RemovedBy = 'bot' | 'rep'

/** Marks the removal (or removal task) done; from then on lastRemovalOf finds the member in every group. */
export function markRemoved(store: Store, event: Pick<GuardEvent, 'id'>, removedBy: RemovedBy, at: number, detail: EventDetail = {}): void {
  store.events.setStatus(event.id, 'done', { ...detail, ...(removedBy === 'rep' ? { removedBy, removedAt: at } : {}) })
}
