// Queues a private note to the rep, if the rep wants notes (setting notifySelf).
import type { Store } from '../store/index.ts'

/** Returns whether a note was queued: callers mark the event pending only when something will be sent. */
export function queueRepNote(store: Store, note: { text: string; eventId: number | null; at: number }): boolean {
  if (!store.settings.get('notifySelf')) return false
  store.actions.enqueue({ kind: 'notify_self', payload: { text: note.text }, eventId: note.eventId, createdAt: note.at })
  return true
}
