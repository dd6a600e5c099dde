// Message history of monitored groups, kept for `retentionDays`. It doubles as the record of which messages
// were already handled, so a message delivered twice is judged once.
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
  /** Oldest first, at most `limit`, the newest ones when there are more: the history a backtest runs over. */
  history(limit: number): MessageRecord[]
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
  const selectHistory = db.prepare<[number], MessageRow>(
    'SELECT * FROM (SELECT rowid AS r, * FROM messages ORDER BY at DESC, rowid DESC LIMIT ?) ORDER BY at, r',
  )
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
    history: (limit) => selectHistory.all(limit).map(toRecord),
    purgeBefore: (before) => deleteBefore.run(before).changes,
  }
}
