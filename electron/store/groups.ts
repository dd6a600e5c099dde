// Groups the account is in, as WeChat last reported them, plus the rep's per-group switches (monitored, quiet).
import type { ChatGroup } from '../wechat/chat-port.ts'
import { fromFlag, parseJson, toFlag, type Database } from './sql.ts'

export interface GroupRecord {
  id: string
  topic: string
  monitored: boolean
  quiet: boolean
  botCanRemove: boolean
  memberCount: number
  ownerId: string | null
  adminIds: string[]
  firstSeen: number
  updatedAt: number
}

interface GroupRow {
  id: string
  topic: string
  monitored: number
  quiet: number
  bot_can_remove: number
  member_count: number
  owner_id: string | null
  admin_ids: string
  first_seen: number
  updated_at: number
}

export interface GroupsTable {
  get(id: string): GroupRecord | null
  list(): GroupRecord[]
  /** Records what WeChat reports; a group seen for the first time starts monitored or not as `monitorNew` says,
   * a known group keeps the rep's switches. */
  sync(group: ChatGroup, at: number, monitorNew: boolean): GroupRecord
  setMonitored(id: string, monitored: boolean): boolean
  setQuiet(id: string, quiet: boolean): boolean
}

function toRecord(row: GroupRow): GroupRecord {
  return {
    id: row.id,
    topic: row.topic,
    monitored: fromFlag(row.monitored),
    quiet: fromFlag(row.quiet),
    botCanRemove: fromFlag(row.bot_can_remove),
    memberCount: row.member_count,
    ownerId: row.owner_id,
    adminIds: parseJson<string[]>(row.admin_ids),
    firstSeen: row.first_seen,
    updatedAt: row.updated_at,
  }
}

export function createGroupsTable(db: Database): GroupsTable {
  const selectOne = db.prepare<[string], GroupRow>('SELECT * FROM groups WHERE id = ?')
  const selectAll = db.prepare<[], GroupRow>('SELECT * FROM groups ORDER BY topic, id')
  const upsert = db.prepare<
    [{ id: string; topic: string; monitored: number; bot_can_remove: number; member_count: number; owner_id: string | null; admin_ids: string; at: number }]
  >(
    `INSERT INTO groups (id, topic, monitored, bot_can_remove, member_count, owner_id, admin_ids, first_seen, updated_at)
     VALUES (@id, @topic, @monitored, @bot_can_remove, @member_count, @owner_id, @admin_ids, @at, @at)
     ON CONFLICT (id) DO UPDATE SET
       topic = excluded.topic, bot_can_remove = excluded.bot_can_remove, member_count = excluded.member_count,
       owner_id = excluded.owner_id, admin_ids = excluded.admin_ids, updated_at = excluded.updated_at`,
  )
  const updateMonitored = db.prepare<[number, string]>('UPDATE groups SET monitored = ? WHERE id = ?')
  const updateQuiet = db.prepare<[number, string]>('UPDATE groups SET quiet = ? WHERE id = ?')

  function get(id: string): GroupRecord | null {
    const row = selectOne.get(id)
    return row ? toRecord(row) : null
  }

  return {
    get,
    list: () => selectAll.all().map(toRecord),
    sync(group, at, monitorNew) {
      upsert.run({
        id: group.id,
        topic: group.topic,
        monitored: toFlag(monitorNew),
        bot_can_remove: toFlag(group.botCanRemove),
        member_count: group.memberCount,
        owner_id: group.ownerId,
        admin_ids: JSON.stringify(group.adminIds),
        at,
      })
      return get(group.id)!
    },
    setMonitored: (id, monitored) => updateMonitored.run(toFlag(monitored), id).changes > 0,
    setQuiet: (id, quiet) => updateQuiet.run(toFlag(quiet), id).changes > 0,
  }
}
