// Voice messages on their way to a transcript. A job is persisted before anything slow happens, so a restart
// resumes it; it ends 'done' (in the same transaction as the decision on its transcript) or 'failed'.
import type { Database } from './sql.ts'

export type SpeechJobStatus = 'fetching' | 'queued' | 'waiting_keys' | 'done' | 'failed'

export interface SpeechJob {
  messageId: string
  groupId: string
  senderId: string
  memberKey: string
  memberName: string
  /** When the message was sent. */
  at: number
  status: SpeechJobStatus
  /** The file as the puppet delivered it, until it is decoded. */
  audio: Buffer | null
  format: string | null
  wavPath: string | null
  durationMs: number | null
  attempts: number
  notBefore: number
  /** The last failure's code, and the service's own number for it. */
  failure: string | null
  errNo: number | null
  transcript: string | null
  /** The feed's "not transcribed" item, once one was shown. */
  eventId: number | null
  createdAt: number
  finishedAt: number | null
}

export type NewSpeechJob = Pick<SpeechJob, 'messageId' | 'groupId' | 'senderId' | 'memberKey' | 'memberName' | 'at'>

interface SpeechJobRow {
  message_id: string
  group_id: string
  sender_id: string
  member_key: string
  member_name: string
  at: number
  status: SpeechJobStatus
  audio: Buffer | null
  format: string | null
  wav_path: string | null
  duration_ms: number | null
  attempts: number
  not_before: number
  failure: string | null
  err_no: number | null
  transcript: string | null
  event_id: number | null
  created_at: number
  finished_at: number | null
}

export interface SpeechJobsTable {
  /** Returns false when the message already has a job (a message delivered twice). */
  insert(job: NewSpeechJob, now: number): boolean
  get(messageId: string): SpeechJob | null
  /** The puppet handed the file over (null: it could not): the job can run. */
  attachAudio(messageId: string, audio: Uint8Array | null, now: number): void
  /** The queued job due first at `now`. */
  nextDue(now: number): SpeechJob | null
  nextDueAt(): number | null
  /** Decoded: the WAV replaces the stored file. */
  recordDecoded(messageId: string, decoded: { format: string; wavPath: string; durationMs: number }): void
  /** A transient failure: try again at notBefore. */
  retryLater(messageId: string, failure: { code: string; errNo: number | null }, notBefore: number): void
  /** Missing or refused keys: waits until wakeWaitingForKeys(). */
  waitForKeys(messageId: string, failure: { code: string; errNo: number | null }): void
  wakeWaitingForKeys(now: number): number
  fail(messageId: string, failure: { code: string; errNo: number | null }, now: number): void
  finish(messageId: string, transcript: string | null, now: number): void
  setEvent(messageId: string, eventId: number): void
  /** Jobs whose file was still being fetched when the app stopped: the puppet's message object is gone. */
  interruptedFetches(): SpeechJob[]
  /** Jobs with a WAV file for messages sent before `before`. */
  withWavBefore(before: number): SpeechJob[]
  forgetWav(messageId: string): void
  /** Deletes finished jobs for messages sent before `before`; returns how many. */
  purgeFinishedBefore(before: number): number
  countByStatus(): Partial<Record<SpeechJobStatus, number>>
}

function toJob(row: SpeechJobRow): SpeechJob {
  return {
    messageId: row.message_id,
    groupId: row.group_id,
    senderId: row.sender_id,
    memberKey: row.member_key,
    memberName: row.member_name,
    at: row.at,
    status: row.status,
    audio: row.audio,
    format: row.format,
    wavPath: row.wav_path,
    durationMs: row.duration_ms,
    attempts: row.attempts,
    notBefore: row.not_before,
    failure: row.failure,
    errNo: row.err_no,
    transcript: row.transcript,
    eventId: row.event_id,
    createdAt: row.created_at,
    finishedAt: row.finished_at,
  }
}

export function createSpeechJobsTable(db: Database): SpeechJobsTable {
  const insert = db.prepare(
    `INSERT INTO speech_jobs (message_id, group_id, sender_id, member_key, member_name, at, status, not_before, created_at)
     VALUES (@messageId, @groupId, @senderId, @memberKey, @memberName, @at, 'fetching', @now, @now)
     ON CONFLICT (message_id) DO NOTHING`,
  )
  const select = db.prepare<[string], SpeechJobRow>('SELECT * FROM speech_jobs WHERE message_id = ?')
  const nextDue = db.prepare<[number], SpeechJobRow>(
    `SELECT * FROM speech_jobs WHERE status = 'queued' AND not_before <= ? ORDER BY not_before, at LIMIT 1`,
  )
  const nextDueAt = db.prepare<[], number | null>(`SELECT MIN(not_before) FROM speech_jobs WHERE status = 'queued'`).pluck()
  const attach = db.prepare<[Uint8Array | null, number, string]>(
    `UPDATE speech_jobs SET audio = ?, status = 'queued', not_before = ? WHERE message_id = ? AND status = 'fetching'`,
  )
  const decoded = db.prepare<[string, string, number, string]>(
    'UPDATE speech_jobs SET format = ?, wav_path = ?, duration_ms = ?, audio = NULL WHERE message_id = ?',
  )
  const retry = db.prepare<[string, number | null, number, string]>(
    `UPDATE speech_jobs SET failure = ?, err_no = ?, not_before = ?, attempts = attempts + 1 WHERE message_id = ?`,
  )
  const waitKeys = db.prepare<[string, number | null, string]>(
    `UPDATE speech_jobs SET status = 'waiting_keys', failure = ?, err_no = ? WHERE message_id = ?`,
  )
  const wake = db.prepare<[number]>(`UPDATE speech_jobs SET status = 'queued', not_before = ? WHERE status = 'waiting_keys'`)
  const fail = db.prepare<[string, number | null, number, string]>(
    `UPDATE speech_jobs SET status = 'failed', failure = ?, err_no = ?, finished_at = ?, audio = NULL WHERE message_id = ?`,
  )
  const finish = db.prepare<[string | null, number, string]>(
    `UPDATE speech_jobs SET status = 'done', transcript = ?, finished_at = ?, audio = NULL WHERE message_id = ?`,
  )
  const setEvent = db.prepare<[number, string]>('UPDATE speech_jobs SET event_id = ? WHERE message_id = ?')
  const fetching = db.prepare<[], SpeechJobRow>(`SELECT * FROM speech_jobs WHERE status = 'fetching' ORDER BY at`)
  const withWav = db.prepare<[number], SpeechJobRow>('SELECT * FROM speech_jobs WHERE wav_path IS NOT NULL AND at < ?')
  const forgetWav = db.prepare<[string]>('UPDATE speech_jobs SET wav_path = NULL WHERE message_id = ?')
  const purge = db.prepare<[number]>(`DELETE FROM speech_jobs WHERE status IN ('done', 'failed') AND at < ? AND wav_path IS NULL`)
  const counts = db.prepare<[], { status: SpeechJobStatus; count: number }>(
    'SELECT status, COUNT(*) AS count FROM speech_jobs GROUP BY status',
  )

  return {
    insert: (job, now) => insert.run({ ...job, now }).changes > 0,
    get(messageId) {
      const row = select.get(messageId)
      return row ? toJob(row) : null
    },
    attachAudio(messageId, audio, now) {
      attach.run(audio, now, messageId)
    },
    nextDue(now) {
      const row = nextDue.get(now)
      return row ? toJob(row) : null
    },
    nextDueAt: () => nextDueAt.get() ?? null,
    recordDecoded(messageId, result) {
      decoded.run(result.format, result.wavPath, result.durationMs, messageId)
    },
    retryLater(messageId, failure, notBefore) {
      retry.run(failure.code, failure.errNo, notBefore, messageId)
    },
    waitForKeys(messageId, failure) {
      waitKeys.run(failure.code, failure.errNo, messageId)
    },
    wakeWaitingForKeys: (now) => wake.run(now).changes,
    fail(messageId, failure, now) {
      fail.run(failure.code, failure.errNo, now, messageId)
    },
    finish(messageId, transcript, now) {
      finish.run(transcript, now, messageId)
    },
    setEvent(messageId, eventId) {
      setEvent.run(eventId, messageId)
    },
    interruptedFetches: () => fetching.all().map(toJob),
    withWavBefore: (before) => withWav.all(before).map(toJob),
    forgetWav(messageId) {
      forgetWav.run(messageId)
    },
    purgeFinishedBefore: (before) => purge.run(before).changes,
    countByStatus: () => Object.fromEntries(counts.all().map((row) => [row.status, row.count])),
  }
}
