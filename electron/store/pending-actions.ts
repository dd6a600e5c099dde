// The persisted outbound queue. An action is marked running (committed) before its effect and settled after it,
// so a crash leaves evidence of what may have happened instead of a silent retry.
import { fromFlag, parseJson, type Database } from './sql.ts'

export interface ActionPayloads {
  say: { groupId: string; text: string; mentionIds: string[] }
  /** `notice` is said in the group once the removal is verified. */
  remove: { groupId: string; memberId: string; notice: string | null }
  add: { groupId: string; memberId: string }
  notify_self: { text: string }
}
export type ActionKind = keyof ActionPayloads
export type ActionStatus = 'queued' | 'running' | 'done' | 'failed' | 'expired' | 'cancelled'

interface ActionFields {
  id: number
  status: ActionStatus
  attempts: number
  createdAt: number
  notBefore: number
  startedAt: number | null
  finishedAt: number | null
  /** It was running when the app stopped: its effect may or may not have happened. */
  interrupted: boolean
  error: string | null
  /** The event whose effect this is; its status follows the action's. */
  eventId: number | null
}

export type PendingAction = { [K in ActionKind]: ActionFields & { kind: K; payload: ActionPayloads[K] } }[ActionKind]

export type NewAction = {
  [K in ActionKind]: { kind: K; payload: ActionPayloads[K]; eventId: number | null; createdAt: number; notBefore?: number }
}[ActionKind]

interface ActionRow {
  id: number
  kind: ActionKind
  payload: string
  status: ActionStatus
  attempts: number
  created_at: number
  not_before: number
  started_at: number | null
  finished_at: number | null
  interrupted: number
  error: string | null
  event_id: number | null
}

export interface PendingActionsTable {
  enqueue(action: NewAction): number
  get(id: number): PendingAction | null
  /** The queued action due first at `now`, if any. */
  nextDue(now: number): PendingAction | null
  /** When the earliest queued action becomes due, or null when none is queued. */
  nextDueAt(): number | null
  /** Start times, oldest first, of actions started at or after `since`: what the rate limit counts. */
  startTimesSince(since: number): number[]
  /** Marks a queued action running; false (and nothing changed) when it is not queued. */
  markRunning(id: number, at: number): boolean
  settle(id: number, status: 'done' | 'failed' | 'expired', at: number, error?: string): void
  /** The rep overrode the decision behind these actions: drops the ones not yet started; returns how many. */
  cancelQueuedForEvent(eventId: number, at: number): number
  /** Puts a running action back in the queue after a transient failure. */
  retryAt(id: number, notBefore: number, error: string): void
  /** After a crash: running actions go back to the queue flagged interrupted; returns how many. */
  requeueInterrupted(): number
  list(status?: ActionStatus): PendingAction[]
  /** Deletes settled actions older than `before`; returns how many. */
  purgeSettledBefore(before: number): number
}

function toRecord(row: ActionRow): PendingAction {
  return {
    id: row.id,
    kind: row.kind,
    payload: parseJson(row.payload),
    status: row.status,
    attempts: row.attempts,
    createdAt: row.created_at,
    notBefore: row.not_before,
    startedAt: row.started_at,
    finishedAt: row.finished_at,
    interrupted: fromFlag(row.interrupted),
    error: row.error,
    eventId: row.event_id,
  } as PendingAction
}

export function createPendingActionsTable(db: Database): PendingActionsTable {
  const insert = db.prepare<[{ kind: ActionKind; payload: string; created_at: number; not_before: number; event_id: number | null }]>(
    `INSERT INTO pending_actions (kind, payload, status, created_at, not_before, event_id)
     VALUES (@kind, @payload, 'queued', @created_at, @not_before, @event_id)`,
  )
  const selectOne = db.prepare<[number], ActionRow>('SELECT * FROM pending_actions WHERE id = ?')
  const selectDue = db.prepare<[number], ActionRow>(
    "SELECT * FROM pending_actions WHERE status = 'queued' AND not_before <= ? ORDER BY not_before, id LIMIT 1",
  )
  const selectNextDueAt = db
    .prepare<[], number | null>("SELECT MIN(not_before) FROM pending_actions WHERE status = 'queued'")
    .pluck()
  const selectStartTimes = db
    .prepare<[number], number>('SELECT started_at FROM pending_actions WHERE started_at >= ? ORDER BY started_at')
    .pluck()
  const updateRunning = db.prepare<[number, number]>(
    "UPDATE pending_actions SET status = 'running', attempts = attempts + 1, started_at = ? WHERE id = ? AND status = 'queued'",
  )
  const updateSettled = db.prepare<[{ id: number; status: string; at: number; error: string | null }]>(
    'UPDATE pending_actions SET status = @status, finished_at = @at, error = @error WHERE id = @id',
  )
  const updateCancelled = db.prepare<[number, number]>(
    "UPDATE pending_actions SET status = 'cancelled', finished_at = ? WHERE event_id = ? AND status = 'queued'",
  )
  const updateRetry = db.prepare<[{ id: number; notBefore: number; error: string }]>(
    "UPDATE pending_actions SET status = 'queued', not_before = @notBefore, error = @error WHERE id = @id",
  )
  const updateInterrupted = db.prepare(
    "UPDATE pending_actions SET status = 'queued', interrupted = 1 WHERE status = 'running'",
  )
  const selectAll = db.prepare<[], ActionRow>('SELECT * FROM pending_actions ORDER BY id')
  const selectByStatus = db.prepare<[string], ActionRow>('SELECT * FROM pending_actions WHERE status = ? ORDER BY id')
  const deleteSettled = db.prepare<[number]>(
    "DELETE FROM pending_actions WHERE status IN ('done', 'failed', 'expired', 'cancelled') AND finished_at < ?",
  )

  return {
    enqueue: (action) =>
      Number(
        insert.run({
          kind: action.kind,
          payload: JSON.stringify(action.payload),
          created_at: action.createdAt,
          not_before: action.notBefore ?? action.createdAt,
          event_id: action.eventId,
        }).lastInsertRowid,
      ),
    get(id) {
      const row = selectOne.get(id)
      return row ? toRecord(row) : null
    },
    nextDue(now) {
      const row = selectDue.get(now)
      return row ? toRecord(row) : null
    },
    nextDueAt: () => selectNextDueAt.get() ?? null,
    startTimesSince: (since) => selectStartTimes.all(since),
    markRunning: (id, at) => updateRunning.run(at, id).changes === 1,
    settle: (id, status, at, error) => void updateSettled.run({ id, status, at, error: error ?? null }),
    cancelQueuedForEvent: (eventId, at) => updateCancelled.run(at, eventId).changes,
    retryAt: (id, notBefore, error) => void updateRetry.run({ id, notBefore, error }),
    requeueInterrupted: () => updateInterrupted.run().changes,
    list: (status) => (status ? selectByStatus.all(status) : selectAll.all()).map(toRecord),
    purgeSettledBefore: (before) => deleteSettled.run(before).changes,
  }
}
