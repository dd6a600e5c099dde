// Tells listeners (the server, the window) about new and changed events, only once the change is committed:
// inside a transaction notices wait for the outermost commit, and a rolled-back transaction sends none.
import type { GuardEvent } from './events.ts'

export interface EventChange {
  type: 'created' | 'updated'
  event: GuardEvent
}
export type EventListener = (change: EventChange) => void

export interface EventFeed {
  /** Called by the events table on every write. */
  changed(type: EventChange['type'], id: number): void
  subscribe(listener: EventListener): () => void
  /** Wraps a transaction so notices raised inside it are held until it commits and dropped if it rolls back. */
  around<T>(run: () => T): T
}

export function createEventFeed(read: (id: number) => GuardEvent | null): EventFeed {
  const listeners = new Set<EventListener>()
  const held: { type: EventChange['type']; id: number }[] = []
  let depth = 0

  function deliver(notices: readonly { type: EventChange['type']; id: number }[]): void {
    if (listeners.size === 0) return
    // One notice per event: an event created and then updated in one transaction is news once, as 'created'.
    const merged = new Map<number, EventChange['type']>()
    for (const { type, id } of notices) if (!merged.has(id)) merged.set(id, type)
    for (const [id, type] of merged) {
      const event = read(id)
      if (!event) continue
      for (const listener of listeners) {
        try {
          listener({ type, event })
        } catch (error) {
          // A broken listener must not undo or repeat guard work that is already committed.
          console.error(`QunGuard event listener failed on event ${id}:`, error)
        }
      }
    }
  }

  return {
    changed(type, id) {
      if (depth > 0) held.push({ type, id })
      else deliver([{ type, id }])
    },
    subscribe(listener) {
      listeners.add(listener)
      return () => void listeners.delete(listener)
    },
    around(run) {
      const mark = held.length
      depth++
      let result: ReturnType<typeof run>
      try {
        result = run()
      } catch (error) {
        held.length = mark
        throw error
      } finally {
        depth--
      }
      if (depth === 0) deliver(held.splice(0))
      return result
    },
  }
}
