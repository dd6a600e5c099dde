// Strikes: one per sanctioned offence, per member and group. Never deleted: expiry and revocation keep the history.
import { fromFlag, toFlag, type Database } from './sql.ts'

export interface StrikeRecord {
  id: number
  groupId: string
  memberKey: string
  rule: string
  messageId: string | null
  at: number
  expiresAt: number
  revokedAt: number | null
  dryRun: boolean
}

export type NewStrike = Omit<StrikeRecord, 'id' | 'revokedAt'>

interface StrikeRow {
  id: number
  group_id: string
  member_key: string
  rule: string
  message_id: string | null
  at: number
  expires_at: number
  revoked_at: number | null
  dry_run: number
}

export interface StrikesTable {
  add(strike: NewStrike): number
  get(id: number): StrikeRecord | null
  /** All the member's strikes in the group, oldest first, whatever their state. */
  forMember(groupId: string, memberKey: string): StrikeRecord[]
  /** Returns false when the strike was already revoked. */
  revoke(id: number, at: number): boolean
  /** Revokes every strike of the member in the group still unrevoked; returns how many. */
  revokeAllForMember(groupId: string, memberKey: string, at: number): number
}

function toRecord(row: StrikeRow): StrikeRecord {
  return {
    id: row.id,
    groupId: row.group_id,
    memberKey: row.member_key,
    rule: row.rule,
    messageId: row.message_id,
    at: row.at,
    expiresAt: row.expires_at,
    revokedAt: row.revoked_at,
    dryRun: fromFlag(row.dry_run),
  }
}

export function createStrikesTable(db: Database): StrikesTable {
  const insert = db.prepare<[Omit<StrikeRow, 'id' | 'revoked_at'>]>(
    `INSERT INTO strikes (group_id, member_key, rule, message_id, at, expires_at, dry_run)
     VALUES (@group_id, @member_key, @rule, @message_id, @at, @expires_at, @dry_run)`,
  )
  const selectOne = db.prepare<[number], StrikeRow>('SELECT * FROM strikes WHERE id = ?')
  const selectForMember = db.prepare<[string, string], StrikeRow>(
    'SELECT * FROM strikes WHERE group_id = ? AND member_key = ? ORDER BY at, id',
  )
  const revokeOne = db.prepare<[number, number]>('UPDATE strikes SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL')
  const revokeForMember = db.prepare<[number, string, string]>(
    'UPDATE strikes SET revoked_at = ? WHERE group_id = ? AND member_key = ? AND revoked_at IS NULL',
  )

  return {
    add: (strike) =>
      Number(
        insert.run({
          group_id: strike.groupId,
          member_key: strike.memberKey,
          rule: strike.rule,
          message_id: strike.messageId,
          at: strike.at,
          expires_at: strike.expiresAt,
          dry_run: toFlag(strike.dryRun),
        }).lastInsertRowid,
      ),
    get(id) {
      const row = selectOne.get(id)
      return row ? toRecord(row) : null
    },
    forMember: (groupId, memberKey) => selectForMember.all(groupId, memberKey).map(toRecord),
    revoke: (id, at) => revokeOne.run(at, id).changes > 0,
    revokeAllForMember: (groupId, memberKey, at) => revokeForMember.run(at, groupId, memberKey).changes,
  }
}
