// The team's append-only change log and its commit-order-safe cursor.
//
// Why not a serial id: ids are handed out when a row is inserted, but rows become visible when their transaction
// commits, and those orders differ. Writer A takes id 7, writer B takes id 8 and commits first; a reader that sees 8
// and moves its cursor to 8 never sees 7 when A commits a moment later. The gap test in
// test/integration/team-change-log.test.ts shows exactly that.
//
// The scheme used here, a transaction-id horizon: each row carries its writer's transaction id (xid8), and a reader
// only takes rows whose transaction id is below the xmin of its own snapshot, i.e. older than every transaction still
// running. Every transaction that could still commit has an id at or above that horizon, so no row can later appear
// behind the cursor (tx, seq). Writers never wait for each other; the price is that a row waits to be read until
// older transactions end, which for this log's short transactions is a few milliseconds.
import type pg from 'pg'
import { ApiError } from '../../shared/api/errors.ts'
import { FIRST_CURSOR, type ChangePage, type TeamChange } from '../../shared/team/changes.ts'

export const CHANGES_CHANNEL = 'qunguard_team_changes'
const CURSOR_PATTERN = /^(\d{1,20})\.(\d{1,20})$/

export interface Position {
  tx: string
  seq: string
}

export function parseCursor(cursor: string): Position {
  const match = CURSOR_PATTERN.exec(cursor)
  if (!match) throw new ApiError('bad_input', `cursor "${cursor.slice(0, 40)}" is not one this server gave out`)
  return { tx: match[1]!, seq: match[2]! }
}

export function formatCursor(position: Position): string {
  return `${position.tx}.${position.seq}`
}

export interface NewChange {
  id: string
  kind: TeamChange['kind']
  body: unknown
}

type Queryable = Pick<pg.ClientBase, 'query'>

/** Appends inside the caller's transaction; returns the changes that were new (a repeated id is skipped).
 * The NOTIFY is delivered at commit, so listeners wake only for rows they can read. */
export async function appendChanges(
  client: Queryable,
  teamId: string,
  authorId: string,
  changes: readonly NewChange[],
): Promise<NewChange[]> {
  if (changes.length === 0) return []
  const { rows } = await client.query<{ id: string }>(
    `INSERT INTO team_changes (team_id, id, author_id, kind, body)
     SELECT $1, change.id, $2, change.kind, change.body
     FROM jsonb_to_recordset($3::jsonb) AS change (id uuid, kind text, body jsonb)
     ON CONFLICT (team_id, id) DO NOTHING
     RETURNING id`,
    [teamId, authorId, JSON.stringify(changes)],
  )
  const fresh = new Set(rows.map((row) => row.id))
  if (fresh.size) await client.query('SELECT pg_notify($1, $2)', [CHANGES_CHANNEL, teamId])
  return changes.filter((change) => fresh.has(change.id))
}

interface ChangeRow {
  tx: string
  seq: string
  id: string
  kind: TeamChange['kind']
  body: never
  author: string
  at: Date
}

/** The team's changes after `from` that no running transaction can still add to, oldest first. */
export async function readChanges(client: Queryable, teamId: string, from: string, limit: number): Promise<ChangePage> {
  const after = parseCursor(from)
  const { rows } = await client.query<ChangeRow>(
    // No join: the planner misjudges how many rows are past an xid8 cursor, and with a join it then sorts every
    // row after the cursor for each page. Alone, the ordered index scan stops at the page's end.
    `SELECT change.tx::text AS tx, change.seq::text AS seq, change.id, change.kind, change.body,
            (SELECT member.name FROM team_members member WHERE member.id = change.author_id) AS author, change.at
     FROM team_changes change
     WHERE change.team_id = $1
       AND (change.tx, change.seq) > ($2::xid8, $3::bigint)
       AND change.tx < pg_snapshot_xmin(pg_current_snapshot())
     ORDER BY change.tx, change.seq
     LIMIT $4`,
    [teamId, after.tx, after.seq, limit + 1],
  )
  const page = rows.slice(0, limit)
  const last = page.at(-1)
  return {
    from,
    to: last ? formatCursor(last) : from,
    more: rows.length > limit,
    changes: page.map((row) => ({ id: row.id, kind: row.kind, body: row.body, author: row.author, at: row.at.getTime() }) as TeamChange),
  }
}

/** Where a reader that wants only new changes starts: the last row no running transaction can still precede. */
export async function headCursor(client: Queryable, teamId: string): Promise<string> {
  const { rows } = await client.query<Position>(
    `SELECT change.tx::text AS tx, change.seq::text AS seq FROM team_changes change
     WHERE change.team_id = $1 AND change.tx < pg_snapshot_xmin(pg_current_snapshot())
     ORDER BY change.tx DESC, change.seq DESC LIMIT 1`,
    [teamId],
  )
  return rows[0] ? formatCursor(rows[0]) : FIRST_CURSOR
}
