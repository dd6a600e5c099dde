// Members the rep marked as known offenders by hand, from their story: one row per member key, gone when unmarked.
import type { Database } from './sql.ts'

export interface MarkedOffender {
  memberKey: string
  memberName: string
  reason: string | null
  markedAt: number
  /** The feed event that recorded the mark. */
  eventId: number | null
}

interface MarkRow {
  member_key: string
  member_name: string
  reason: string | null
  marked_at: number
  event_id: number | null
}

export interface MarkedOffendersTable {
  /** Returns false (and changes nothing) when the member is marked already. */
  mark(entry: MarkedOffender): boolean
  /** Returns the mark taken away, or null when the member was not marked. */
  unmark(memberKey: string): MarkedOffender | null
  get(memberKey: string): MarkedOffender | null
}

function toMark(row: MarkRow): MarkedOffender {
  return { memberKey: row.member_key, memberName: row.member_name, reason: row.reason, markedAt: row.marked_at, eventId: row.event_id }
}

export function createMarkedOffendersTable(db: Database): MarkedOffendersTable {
  const insert = db.prepare<[MarkRow]>(
    `INSERT OR IGNORE INTO marked_offenders (member_key, member_name, reason, marked_at, event_id)
     VALUES (@member_key, @member_name, @reason, @marked_at, @event_id)`,
  )
  const selectOne = db.prepare<[string], MarkRow>('SELECT * FROM marked_offenders WHERE member_key = ?')
  const deleteOne = db.prepare<[string], MarkRow>('DELETE FROM marked_offenders WHERE member_key = ? RETURNING *')

  return {
    mark: (entry) =>
      insert.run({
        member_key: entry.memberKey,
        member_name: entry.memberName,
        reason: entry.reason,
        marked_at: entry.markedAt,
        event_id: entry.eventId,
      }).changes > 0,
    unmark(memberKey) {
      const row = deleteOne.get(memberKey)
      return row ? toMark(row) : null
    },
    get(memberKey) {
      const row = selectOne.get(memberKey)
      return row ? toMark(row) : null
    },
  }
}
