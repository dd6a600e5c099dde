// Members the guard has seen speak or join, per group: the link between a puppet id and the key strikes are kept on.
import type { Database } from './sql.ts'

export interface MemberRecord {
  groupId: string
  memberId: string
  memberKey: string
  name: string
  avatarHash: string | null
  firstSeen: number
  lastSeen: number
}

interface MemberRow {
  group_id: string
  member_id: string
  member_key: string
  name: string
  avatar_hash: string | null
  first_seen: number
  last_seen: number
}

export interface MembersTable {
  /** Records a sighting: inserts the member or refreshes key, name, avatar hash (when given) and last-seen time. */
  touch(member: { groupId: string; memberId: string; memberKey: string; name: string; avatarHash?: string | null; at: number }): void
  get(groupId: string, memberId: string): MemberRecord | null
}

export function createMembersTable(db: Database): MembersTable {
  const upsert = db.prepare<[{ groupId: string; memberId: string; memberKey: string; name: string; avatarHash: string | null; at: number }]>(
    `INSERT INTO members (group_id, member_id, member_key, name, avatar_hash, first_seen, last_seen)
     VALUES (@groupId, @memberId, @memberKey, @name, @avatarHash, @at, @at)
     ON CONFLICT (group_id, member_id) DO UPDATE SET
       member_key = excluded.member_key, name = excluded.name, avatar_hash = COALESCE(excluded.avatar_hash, avatar_hash),
       last_seen = MAX(last_seen, excluded.last_seen)`,
  )
  const selectOne = db.prepare<[string, string], MemberRow>('SELECT * FROM members WHERE group_id = ? AND member_id = ?')

  return {
    touch: (member) => void upsert.run({ ...member, avatarHash: member.avatarHash ?? null }),
    get(groupId, memberId) {
      const row = selectOne.get(groupId, memberId)
      if (!row) return null
      return {
        groupId: row.group_id,
        memberId: row.member_id,
        memberKey: row.member_key,
        name: row.name,
        avatarHash: row.avatar_hash,
        firstSeen: row.first_seen,
        lastSeen: row.last_seen,
      }
    },
  }
}
