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
  /** The latest mark of a member without a stable id seen (any group, any login) with this name and avatar. */
  probableOf(look: { name: string; avatarHash: string }): MarkedOffender | null
  list(): MarkedOffender[]
  /** Makes the marks exactly `entries` (an import): only marks that come or go fire the team triggers. */
  replaceAll(entries: readonly MarkedOffender[]): void
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
  const selectAll = db.prepare<[], MarkRow>('SELECT * FROM marked_offenders ORDER BY marked_at, member_key')
  const selectProbable = db.prepare<[{ name: string; avatarHash: string }], MarkRow>(
    `SELECT marked_offenders.* FROM members JOIN marked_offenders ON marked_offenders.member_key = members.member_key
     WHERE members.name = @name AND members.avatar_hash = @avatarHash
     ORDER BY marked_offenders.marked_at DESC LIMIT 1`,
  )
  const update = db.prepare<[MarkRow]>(
    `UPDATE marked_offenders SET member_name = @member_name, reason = @reason, marked_at = @marked_at, event_id = @event_id
     WHERE member_key = @member_key`,
  )
  const toRow = (entry: MarkedOffender): MarkRow => ({
    member_key: entry.memberKey,
    member_name: entry.memberName,
    reason: entry.reason,
    marked_at: entry.markedAt,
    event_id: entry.eventId,
  })

  return {
    mark: (entry) => insert.run(toRow(entry)).changes > 0,
    unmark(memberKey) {
      const row = deleteOne.get(memberKey)
      return row ? toMark(row) : null
    },
    get(memberKey) {
      const row = selectOne.get(memberKey)
      return row ? toMark(row) : null
    },
    probableOf(look) {
      const row = selectProbable.get(look)
      return row ? toMark(row) : null
    },
    list: () => selectAll.all().map(toMark),
    replaceAll: db.transaction((entries: readonly MarkedOffender[]) => {
      const kept = new Set(entries.map((entry) => entry.memberKey))
      for (const row of selectAll.all()) if (!kept.has(row.member_key)) deleteOne.get(row.member_key)
      for (const entry of entries) if (update.run(toRow(entry)).changes === 0) insert.run(toRow(entry))
    }),
  }
}
