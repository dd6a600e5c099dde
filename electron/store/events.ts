// The audit log: every decision, effect, failure and rep override, newest last.
// Rows are appended; only outcome fields (status, overridden, verdict, review) change afterwards.
import type { EventFeed } from './event-feed.ts'
import { fromFlag, parseJson, toFlag, type Database } from './sql.ts'

// The kinds and states are part of the API contract: the window shows them as they are stored.
export {
  FEED_EVENT_KINDS as EVENT_KINDS,
  type FeedEventKind as EventKind,
  type EventStatus,
  type Verdict,
  type ReviewState,
} from '../../shared/api/types.ts'
import type { FeedEvent, FeedEventKind as EventKind, EventStatus, ReviewState, Verdict } from '../../shared/api/types.ts'
export type EventDetail = Record<string, unknown>

/** Offences kept on an open removal's card, and how much of each message. */
const KEPT_LATER_OFFENCES = 20
const LATER_TEXT_CHARS = 200

/** An event as stored: what the window sees (less the group's topic, looked up when shown) and the strike it recorded. */
export type GuardEvent = Omit<FeedEvent, 'groupTopic' | 'detail'> & { detail: EventDetail; strikeId: number | null }

export type NewEvent = Pick<GuardEvent, 'kind' | 'at'> &
  Partial<Omit<GuardEvent, 'id' | 'kind' | 'at' | 'overridden' | 'verdict'>>

export interface EventQuery {
  limit?: number
  /** Only events older than this id: for paging back through the log. */
  beforeId?: number
  groupId?: string
  memberKey?: string
  kind?: EventKind
  kinds?: readonly EventKind[]
  rule?: string
  /** Only these events. */
  ids?: readonly number[]
  /** Only events at or after / before these times (ms). */
  since?: number
  until?: number
}

export interface RulePrecision {
  rule: string
  confirmed: number
  falsePositive: number
  unjudged: number
  /** confirmed / (confirmed + falsePositive); null before any verdict. */
  precision: number | null
}

interface EventRow {
  id: number
  kind: EventKind
  at: number
  group_id: string | null
  member_key: string | null
  member_id: string | null
  member_name: string | null
  rule: string | null
  message_id: string | null
  text: string | null
  detail: string
  hit: number
  dry_run: number
  status: EventStatus | null
  strike_id: number | null
  overridden: number
  verdict: Verdict | null
  review: ReviewState | null
}

export interface EventsTable {
  add(event: NewEvent): number
  get(id: number): GuardEvent | null
  /** Newest first. */
  list(query?: EventQuery): GuardEvent[]
  /** Sets the effect's outcome, merging `detail` into the stored detail. */
  setStatus(id: number, status: EventStatus, detail?: EventDetail): void
  markOverridden(id: number): boolean
  /** Merges `detail` into the stored detail, leaving the status alone. */
  annotate(id: number, detail: EventDetail): void
  /** Only rule hits take verdicts; returns false for any other event. */
  setVerdict(id: number, verdict: Verdict | null): boolean
  /** Closes an open review; returns false when it was not open (already resolved, or never a review). */
  resolveReview(id: number, outcome: Exclude<ReviewState, 'open'>): boolean
  openReviews(): GuardEvent[]
  /** The event that recorded a strike. */
  forStrike(strikeId: number): GuardEvent | null
  /** The member's latest removal that really happened and was not undone, from any group: the bot's, or the rep's
   * done removal task. */
  lastRemovalOf(member: { memberKey: string; memberId: string }): GuardEvent | null
  /** The latest removal (any group, any login) of a member without a stable id seen with this name and avatar. */
  probableRemovalOf(look: { name: string; avatarHash: string }): GuardEvent | null
  /** The member's removal in the group that is under way: queued or running, or a task open for the rep. */
  openRemovalOf(groupId: string, memberKey: string): GuardEvent | null
  /** Records an offence on an open removal's card: detail.laterOffenceCount, and the latest few in laterOffences. */
  appendLaterOffence(id: number, offence: { rule: string; messageId: string | null; text: string | null; at: number }): void
  /** Merges `patch` into the event's detail without touching its status. */
  patchDetail(id: number, patch: EventDetail): void
  precisionByRule(): RulePrecision[]
  /** Every event of these kinds that is neither a dry run nor overridden: what may still need the rep. */
  listLive(kinds: readonly EventKind[]): GuardEvent[]
  /** Listens for committed new and changed events; returns the unsubscribe function. */
  subscribe: EventFeed['subscribe']
}

function toRecord(row: EventRow): GuardEvent {
  return {
    id: row.id,
    kind: row.kind,
    at: row.at,
    groupId: row.group_id,
    memberKey: row.member_key,
    memberId: row.member_id,
    memberName: row.member_name,
    rule: row.rule,
    messageId: row.message_id,
    text: row.text,
    detail: parseJson<EventDetail>(row.detail),
    hit: fromFlag(row.hit),
    dryRun: fromFlag(row.dry_run),
    status: row.status,
    strikeId: row.strike_id,
    overridden: fromFlag(row.overridden),
    verdict: row.verdict,
    review: row.review,
  }
}

export function createEventsTable(db: Database, feed: EventFeed): EventsTable {
  const insert = db.prepare<[Omit<EventRow, 'id' | 'overridden' | 'verdict'>]>(
    `INSERT INTO events (kind, at, group_id, member_key, member_id, member_name, rule, message_id, text, detail,
                         hit, dry_run, status, strike_id, review)
     VALUES (@kind, @at, @group_id, @member_key, @member_id, @member_name, @rule, @message_id, @text, @detail,
             @hit, @dry_run, @status, @strike_id, @review)`,
  )
  const selectOne = db.prepare<[number], EventRow>('SELECT * FROM events WHERE id = ?')
  const selectPage = db.prepare<
    [
      {
        limit: number
        beforeId: number | null
        groupId: string | null
        memberKey: string | null
        kinds: string | null
        rule: string | null
        ids: string | null
        since: number | null
        until: number | null
      },
    ],
    EventRow
  >(
    `SELECT * FROM events
     WHERE (@beforeId IS NULL OR id < @beforeId)
       AND (@groupId IS NULL OR group_id = @groupId)
       AND (@memberKey IS NULL OR member_key = @memberKey)
       AND (@kinds IS NULL OR kind IN (SELECT value FROM json_each(@kinds)))
       AND (@rule IS NULL OR rule = @rule)
       AND (@ids IS NULL OR id IN (SELECT value FROM json_each(@ids)))
       AND (@since IS NULL OR at >= @since)
       AND (@until IS NULL OR at < @until)
     ORDER BY id DESC LIMIT @limit`,
  )
  const updateStatus = db.prepare<[{ id: number; status: EventStatus; patch: string }]>(
    'UPDATE events SET status = @status, detail = json_patch(detail, @patch) WHERE id = @id',
  )
  const updateOverridden = db.prepare<[number]>('UPDATE events SET overridden = 1 WHERE id = ? AND overridden = 0')
  const updateVerdict = db.prepare<[Verdict | null, number]>('UPDATE events SET verdict = ? WHERE id = ? AND hit = 1')
  const closeReview = db.prepare<[string, number]>("UPDATE events SET review = ? WHERE id = ? AND review = 'open'")
  const selectOpenReviews = db.prepare<[], EventRow>("SELECT * FROM events WHERE review = 'open' ORDER BY id")
  const selectForStrike = db.prepare<[number], EventRow>('SELECT * FROM events WHERE strike_id = ? ORDER BY id LIMIT 1')
  const selectLastRemoval = db.prepare<[{ memberKey: string; memberId: string }], EventRow>(
    `SELECT * FROM events
     WHERE kind IN ('removal', 'removal_needed') AND status = 'done' AND overridden = 0 AND dry_run = 0
       AND (member_key = @memberKey OR member_id = @memberId)
     ORDER BY id DESC LIMIT 1`,
  )
  const selectProbableRemoval = db.prepare<[{ name: string; avatarHash: string }], EventRow>(
    `SELECT events.* FROM members JOIN events
       ON events.member_key = members.member_key AND events.group_id = members.group_id
     WHERE members.name = @name AND members.avatar_hash = @avatarHash
       AND events.kind IN ('removal', 'removal_needed') AND events.status = 'done' AND events.overridden = 0 AND events.dry_run = 0
     ORDER BY events.id DESC LIMIT 1`,
  )
  const selectOpenRemoval = db.prepare<[{ groupId: string; memberKey: string }], EventRow>(
    `SELECT * FROM events
     WHERE member_key = @memberKey AND kind IN ('removal', 'removal_needed') AND group_id = @groupId
       AND overridden = 0 AND dry_run = 0
       AND ((kind = 'removal' AND status = 'pending') OR (kind = 'removal_needed' AND status = 'needs_rep'))
     ORDER BY id DESC LIMIT 1`,
  )
  const updateDetail = db.prepare<[{ id: number; patch: string }]>('UPDATE events SET detail = json_patch(detail, @patch) WHERE id = @id')
  const selectPrecision = db.prepare<[], { rule: string; confirmed: number; falsePositive: number; unjudged: number }>(
    `SELECT rule,
            SUM(verdict IS 'confirmed') AS confirmed,
            SUM(verdict IS 'false_positive') AS falsePositive,
            SUM(verdict IS NULL) AS unjudged
     FROM events WHERE hit = 1 AND rule IS NOT NULL
     GROUP BY rule ORDER BY rule`,
  )

  const selectLive = db.prepare<[string], EventRow>(
    'SELECT * FROM events WHERE kind IN (SELECT value FROM json_each(?)) AND dry_run = 0 AND overridden = 0 ORDER BY id',
  )

  /** Runs an update and tells the feed when it changed the event. */
  function updated(id: number, changes: number): boolean {
    if (changes > 0) feed.changed('updated', id)
    return changes > 0
  }

  return {
    add(event) {
      const id = Number(
        insert.run({
          kind: event.kind,
          at: event.at,
          group_id: event.groupId ?? null,
          member_key: event.memberKey ?? null,
          member_id: event.memberId ?? null,
          member_name: event.memberName ?? null,
          rule: event.rule ?? null,
          message_id: event.messageId ?? null,
          text: event.text ?? null,
          detail: JSON.stringify(event.detail ?? {}),
          hit: toFlag(event.hit ?? false),
          dry_run: toFlag(event.dryRun ?? false),
          status: event.status ?? null,
          strike_id: event.strikeId ?? null,
          review: event.review ?? null,
        }).lastInsertRowid,
      )
      feed.changed('created', id)
      return id
    },
    get(id) {
      const row = selectOne.get(id)
      return row ? toRecord(row) : null
    },
    list: (query = {}) =>
      selectPage
        .all({
          limit: query.limit ?? 100,
          beforeId: query.beforeId ?? null,
          groupId: query.groupId ?? null,
          memberKey: query.memberKey ?? null,
          kinds: query.kinds ? JSON.stringify(query.kinds) : query.kind ? JSON.stringify([query.kind]) : null,
          rule: query.rule ?? null,
          ids: query.ids ? JSON.stringify(query.ids) : null,
          since: query.since ?? null,
          until: query.until ?? null,
        })
        .map(toRecord),
    setStatus: (id, status, detail = {}) =>
      void updated(id, updateStatus.run({ id, status, patch: JSON.stringify(detail) }).changes),
    annotate: (id, detail) => void updated(id, updateDetail.run({ id, patch: JSON.stringify(detail) }).changes),
    markOverridden: (id) => updated(id, updateOverridden.run(id).changes),
    setVerdict: (id, verdict) => updated(id, updateVerdict.run(verdict, id).changes),
    resolveReview: (id, outcome) => updated(id, closeReview.run(outcome, id).changes),
    openReviews: () => selectOpenReviews.all().map(toRecord),
    forStrike(strikeId) {
      const row = selectForStrike.get(strikeId)
      return row ? toRecord(row) : null
    },
    lastRemovalOf(member) {
      const row = selectLastRemoval.get(member)
      return row ? toRecord(row) : null
    },
    probableRemovalOf(look) {
      const row = selectProbableRemoval.get(look)
      return row ? toRecord(row) : null
    },
    openRemovalOf(groupId, memberKey) {
      const row = selectOpenRemoval.get({ groupId, memberKey })
      return row ? toRecord(row) : null
    },
    appendLaterOffence(id, offence) {
      const detail = selectOne.get(id)?.detail
      if (detail === undefined) return
      const { laterOffences, laterOffenceCount } = parseJson<EventDetail>(detail)
      // A spammer can post thousands of times while their removal waits: keep the count, and only the latest few.
      const kept = [...(Array.isArray(laterOffences) ? laterOffences : []), { ...offence, text: offence.text?.slice(0, LATER_TEXT_CHARS) ?? null }]
      const patch = { laterOffences: kept.slice(-KEPT_LATER_OFFENCES), laterOffenceCount: (Number(laterOffenceCount) || 0) + 1 }
      updated(id, updateDetail.run({ id, patch: JSON.stringify(patch) }).changes)
    },
    patchDetail: (id, patch) => void updated(id, updateDetail.run({ id, patch: JSON.stringify(patch) }).changes),
    precisionByRule: () =>
      selectPrecision.all().map((row) => {
        const judged = row.confirmed + row.falsePositive
        return { ...row, precision: judged === 0 ? null : row.confirmed / judged }
      }),
    listLive: (kinds) => selectLive.all(JSON.stringify(kinds)).map(toRecord),
    subscribe: feed.subscribe,
  }
}
