// Wakes the reps of a team when its log grows. PostgreSQL's LISTEN/NOTIFY (or, for a commit this process made, the
// database layer right after it) only says "team T has news"; what is news
// is read from the log itself with the commit-order-safe cursor, once per team, and pushed to every open socket as a
// page that says where it starts. A rep whose cursor is elsewhere (it just connected, or missed a frame) asks for the
// page itself: a lost or early notification can delay a change, never lose it. A slow poll covers a row held back
// behind the horizon by a transaction that ended without notifying.
import type pg from 'pg'
import type { ChangePage } from '../../shared/team/changes.ts'
import { CHANGES_CHANNEL, headCursor, readChanges } from './change-log.ts'

const PAGE = 1000
const POLL_MS = 2000

export interface Fanout {
  /** Reads the team's log now (a commit this process made, or a NOTIFY). */
  wake(teamId: string): void
  /** Starts following the team (if not already); resolves once its head is known. */
  follow(teamId: string, push: (page: ChangePage) => void): Promise<() => void>
  close(): Promise<void>
}

interface Followed {
  tail: string
  listeners: Set<(page: ChangePage) => void>
  reading: Promise<void> | null
  again: boolean
}

export async function startFanout(pool: pg.Pool): Promise<Fanout> {
  const teams = new Map<string, Followed>()
  const listener = await pool.connect()
  let closed = false

  async function drain(teamId: string, team: Followed): Promise<void> {
    do {
      team.again = false
      for (;;) {
        const page = await readChanges(pool, teamId, team.tail, PAGE)
        if (page.changes.length === 0) break
        team.tail = page.to
        for (const push of team.listeners) push(page)
        if (!page.more) break
      }
    } while (team.again && !closed)
  }

  function wake(teamId: string): void {
    const team = teams.get(teamId)
    if (!team || closed) return
    if (team.reading) {
      team.again = true
      return
    }
    team.reading = drain(teamId, team)
      .catch(() => {
        // The database is away: the next notification or poll tries again; reps keep their own cursors.
      })
      .finally(() => {
        team.reading = null
      })
  }

  listener.on('notification', (message) => {
    if (message.channel === CHANGES_CHANNEL && message.payload) wake(message.payload)
  })
  listener.on('error', () => {})
  await listener.query(`LISTEN ${CHANGES_CHANNEL}`)
  const poll = setInterval(() => teams.forEach((_, teamId) => wake(teamId)), POLL_MS)
  poll.unref()

  return {
    wake,
    async follow(teamId, push) {
      let team = teams.get(teamId)
      if (!team) {
        team = { tail: await headCursor(pool, teamId), listeners: new Set(), reading: null, again: false }
        // Another socket of the team may have started following while the head was read.
        team = teams.get(teamId) ?? (teams.set(teamId, team), team)
      }
      const followed = team
      followed.listeners.add(push)
      return () => {
        followed.listeners.delete(push)
        if (followed.listeners.size === 0 && teams.get(teamId) === followed) teams.delete(teamId)
      }
    },
    async close() {
      closed = true
      clearInterval(poll)
      await Promise.all([...teams.values()].map((team) => team.reading))
      await listener.query(`UNLISTEN ${CHANGES_CHANNEL}`).catch(() => {})
      listener.release()
    },
  }
}
