// Members the guard never acts on, in one group or (groupId null) in every group.
import type { Database } from './sql.ts'

const EVERY_GROUP = ''

export interface AllowEntry {
  memberKey: string
  /** null: every group. */
  groupId: string | null
  name: string
  note: string | null
  addedAt: number
}

interface AllowRow {
  member_key: string
  group_id: string
  name: string
  note: string | null
  added_at: number
}

export interface AllowListTable {
  add(entry: AllowEntry): void
  remove(memberKey: string, groupId: string | null): boolean
  /** Whether the member is allowed in this group, by an entry for the group or for every group. */
  covers(memberKey: string, groupId: string): boolean
  list(): AllowEntry[]
}

export function createAllowListTable(db: Database): AllowListTable {
  const upsert = db.prepare<[AllowRow]>(
    `INSERT INTO allow_list (member_key, group_id, name, note, added_at)
     VALUES (@member_key, @group_id, @name, @note, @added_at)
     ON CONFLICT (member_key, group_id) DO UPDATE SET name = excluded.name, note = excluded.note`,
  )
  const deleteOne = db.prepare<[string, string]>('DELETE FROM allow_list WHERE member_key = ? AND group_id = ?')
  const selectCovering = db
    .prepare<[string, string, string], number>(
      'SELECT EXISTS (SELECT 1 FROM allow_list WHERE member_key = ? AND group_id IN (?, ?))',
    )
    .pluck()
  const selectAll = db.prepare<[], AllowRow>('SELECT * FROM allow_list ORDER BY added_at, member_key')

  return {
    add: (entry) =>
      void upsert.run({
        member_key: entry.memberKey,
        group_id: entry.groupId ?? EVERY_GROUP,
        name: entry.name,
        note: entry.note,
        added_at: entry.addedAt,
      }),
    remove: (memberKey, groupId) => deleteOne.run(memberKey, groupId ?? EVERY_GROUP).changes > 0,
    covers: (memberKey, groupId) => selectCovering.get(memberKey, groupId, EVERY_GROUP) === 1,
    list: () =>
      selectAll.all().map((row) => ({
        memberKey: row.member_key,
        groupId: row.group_id === EVERY_GROUP ? null : row.group_id,
        name: row.name,
        note: row.note,
        addedAt: row.added_at,
      })),
  }
}
