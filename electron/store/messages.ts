// Message history of monitored groups, kept for `retentionDays`. It doubles as the record of which messages
// were already handled, so a message delivered twice is judged once.
import type { HistoryMessage } from '../../shared/api/types.ts'
import type { MessageKind } from '../../shared/rules/types.ts'
import type { Database } from './sql.ts'

export interface MessageRecord {
  id: string
  groupId: string
  senderId: string
  senderKey: string
  kind: MessageKind
  text: string
  at: number
}

/** What the window's history views and the backtest read: the sender by name (else member key). */
export type HistoryRecord = HistoryMessage

interface MessageRow {
  id: string
  group_id: string
  sender_id: string
  sender_key: string
  kind: MessageKind
  text: string
  at: number
}

export interface MessagesTable {
  /** Returns false when the message was already recorded. */
  insert(message: MessageRecord): boolean
  /** Newest first. */
  recent(groupId: string, limit: number): MessageRecord[]
  /** Oldest first, at most `limit` (the newest when there are more), with each sender's last known name. */
  history(limit: number): HistoryRecord[]
  /** Deletes messages older than `before`; returns how many. */
  purgeBefore(before: number): number
}

function toRecord(row: MessageRow): MessageRecord {
  return {
    id: row.id,
    groupId: row.group_id,
    senderId: row.sender_id,
    senderKey: row.sender_key,
    kind: row.kind,
    text: row.text,
    at: row.at,
  }
}

export function createMessagesTable(db: Database): MessagesTable {
  const insert = db.prepare<[MessageRow]>(
    `INSERT INTO messages (id, group_id, sender_id, sender_key, kind, text, at)
     VALUES (@id, @group_id, @sender_id, @sender_key, @kind, @text, @at)
     ON CONFLICT (id) DO NOTHING`,
  )
  const selectRecent = db.prepare<[string, number], MessageRow>(
    'SELECT * FROM messages WHERE group_id = ? ORDER BY at DESC, rowid DESC LIMIT ?',
  )
  // Walks the time index from the newest end (no sort of the whole table); the caller gets them oldest first.
  // A backtest reads the whole history: only the columns it needs, as arrays, from the newest end of the time index.
  const selectHistory = db
    .prepare<[number], [string, string, string, MessageKind, string, number]>(
      `SELECT messages.id, messages.group_id, COALESCE(members.name, messages.sender_key), messages.kind, messages.text, messages.at
       FROM messages
       LEFT JOIN members ON members.group_id = messages.group_id AND members.member_id = messages.sender_id
       ORDER BY messages.at DESC LIMIT ?`,
    )
    .raw(true)
  const deleteBefore = db.prepare<[number]>('DELETE FROM messages WHERE at < ?')

  return {
    insert: (message) =>
      insert.run({
        id: message.id,
        group_id: message.groupId,
        sender_id: message.senderId,
        sender_key: message.senderKey,
        kind: message.kind,
        text: message.text,
        at: message.at,
      }).changes > 0,
    recent: (groupId, limit) => selectRecent.all(groupId, limit).map(toRecord),
    history(limit) {
      const rows = selectHistory.all(limit)
      const records: HistoryRecord[] = new Array(rows.length)
      for (let k = 0; k < rows.length; k++) {
        const [id, groupId, senderName, kind, text, at] = rows[rows.length - 1 - k]!
        records[k] = { id, groupId, senderName, kind, text, at }
      }
      return records
    },
    purgeBefore: (before) => deleteBefore.run(before).changes,
  }
}
