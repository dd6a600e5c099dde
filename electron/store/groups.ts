// Groups the account is in, as WeChat last reported them, plus the rep's per-group switches (monitored, quiet).
import type { ChatGroup } from '../wechat/chat-port.ts'
import { fromFlag, parseJson, toFlag, type Database } from './sql.ts'

export interface GroupRecord {
  id: string
  topic: string
  monitored: boolean
  quiet: boolean
  /** The puppet reports the account as owner or admin. */
  botCanRemove: boolean
  /** The puppet reports owners and admins here at all. */
  rolesKnown: boolean
  /** The rep said "I am the owner or an admin here". */
  repIsAdmin: boolean
  /** Member keys of owners and admins the rep named. */
  staffKeys: string[]
  memberCount: number
  ownerId: string | null
  adminIds: string[]
  firstSeen: number
  updatedAt: number
}

export interface StaffEntry {
  groupId: string
  memberKey: string
  name: string
  addedAt: number
}

interface GroupRow {
  id: string
  topic: string
  monitored: number
  quiet: number
  bot_can_remove: number
  roles_known: number
  rep_is_admin: number
  staff_keys: string
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
  setRepIsAdmin(id: string, repIsAdmin: boolean): boolean
  /** Names a member as an owner or admin of the group (staff: true), or takes that back. */
  setStaff(entry: StaffEntry, staff: boolean): void
  staff(groupId: string): StaffEntry[]
}

function toRecord(row: GroupRow): GroupRecord {
  return {
    id: row.id,
    topic: row.topic,
    monitored: fromFlag(row.monitored),
    quiet: fromFlag(row.quiet),
    botCanRemove: fromFlag(row.bot_can_remove),
    rolesKnown: fromFlag(row.roles_known),
    repIsAdmin: fromFlag(row.rep_is_admin),
    staffKeys: parseJson<string[]>(row.staff_keys),
    memberCount: row.member_count,
    ownerId: row.owner_id,
    adminIds: parseJson<string[]>(row.admin_ids),
    firstSeen: row.first_seen,
    updatedAt: row.updated_at,
  }
}

export function createGroupsTable(db: Database): GroupsTable {
  const withStaff = `SELECT groups.*, (SELECT json_group_array(member_key) FROM group_staff WHERE group_id = groups.id) AS staff_keys
                     FROM groups`
  const selectOne = db.prepare<[string], GroupRow>(`${withStaff} WHERE id = ?`)
  const selectAll = db.prepare<[], GroupRow>(`${withStaff} ORDER BY topic, id`)
  const upsert = db.prepare<
    [{ id: string; topic: string; monitored: number; bot_can_remove: number; roles_known: number; member_count: number; owner_id: string | null; admin_ids: string; at: number }]
  >(
    `INSERT INTO groups (id, topic, monitored, bot_can_remove, roles_known, member_count, owner_id, admin_ids, first_seen, updated_at)
     VALUES (@id, @topic, @monitored, @bot_can_remove, @roles_known, @member_count, @owner_id, @admin_ids, @at, @at)
     ON CONFLICT (id) DO UPDATE SET
       topic = excluded.topic, bot_can_remove = excluded.bot_can_remove, roles_known = excluded.roles_known,
       member_count = excluded.member_count,
       owner_id = excluded.owner_id, admin_ids = excluded.admin_ids, updated_at = excluded.updated_at`,
  )
  const updateMonitored = db.prepare<[number, string]>('UPDATE groups SET monitored = ? WHERE id = ?')
  const updateQuiet = db.prepare<[number, string]>('UPDATE groups SET quiet = ? WHERE id = ?')
  const updateRepIsAdmin = db.prepare<[number, string]>('UPDATE groups SET rep_is_admin = ? WHERE id = ?')
  const insertStaff = db.prepare<[StaffEntry]>(
    `INSERT INTO group_staff (group_id, member_key, name, added_at) VALUES (@groupId, @memberKey, @name, @addedAt)
     ON CONFLICT (group_id, member_key) DO UPDATE SET name = excluded.name`,
  )
  const deleteStaff = db.prepare<[string, string]>('DELETE FROM group_staff WHERE group_id = ? AND member_key = ?')
  const selectStaff = db.prepare<[string], { group_id: string; member_key: string; name: string; added_at: number }>(
    'SELECT * FROM group_staff WHERE group_id = ? ORDER BY added_at, member_key',
  )

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
        roles_known: toFlag(group.rolesKnown),
        member_count: group.memberCount,
        owner_id: group.ownerId,
        admin_ids: JSON.stringify(group.adminIds),
        at,
      })
      return get(group.id)!
    },
    setMonitored: (id, monitored) => updateMonitored.run(toFlag(monitored), id).changes > 0,
    setQuiet: (id, quiet) => updateQuiet.run(toFlag(quiet), id).changes > 0,
    setRepIsAdmin: (id, repIsAdmin) => updateRepIsAdmin.run(toFlag(repIsAdmin), id).changes > 0,
    setStaff(entry, staff) {
      if (staff) insertStaff.run(entry)
      else deleteStaff.run(entry.groupId, entry.memberKey)
    },
    staff: (groupId) =>
      selectStaff.all(groupId).map((row) => ({ groupId: row.group_id, memberKey: row.member_key, name: row.name, addedAt: row.added_at })),
  }
}
