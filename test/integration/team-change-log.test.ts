// The team log's cursor against concurrent writers on a real PostgreSQL: a row committed late, behind rows with
// higher ids that committed first, must still reach a reader that read in between. A plain serial cursor loses it.
import { randomUUID } from 'node:crypto'
import pg from 'pg'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { appendChanges, readChanges } from '../../electron/team/change-log.ts'
import { openTeamDatabase, type TeamDatabase, type TeamMember } from '../../electron/team/team-db.ts'
import { startThrowawayCluster, type ThrowawayCluster } from '../../electron/team/throwaway-cluster.ts'
import { FIRST_CURSOR } from '../../shared/team/changes.ts'

let cluster: ThrowawayCluster
let db: TeamDatabase
let lead: TeamMember

beforeAll(async () => {
  cluster = await startThrowawayCluster()
  db = await openTeamDatabase(cluster.url)
  lead = (await db.authenticate((await db.createTeam('gap', 'lead')).token))!
}, 60_000)
afterAll(async () => {
  await db?.close()
  await cluster?.stop()
})

const change = (n: number) => ({ id: randomUUID(), kind: 'undo_proposed' as const, body: { n } })

/** Opens a transaction that appends one change and holds it open until `commit` is called. */
async function heldWriter(n: number): Promise<{ commit(): Promise<void> }> {
  const client = new pg.Client(cluster.url)
  await client.connect()
  await client.query('BEGIN')
  await appendChanges(client, lead.teamId, lead.id, [change(n)])
  return {
    async commit() {
      await client.query('COMMIT')
      await client.end()
    },
  }
}

async function writeNow(n: number): Promise<void> {
  const held = await heldWriter(n)
  await held.commit()
}

/** The naive reader: the serial `seq` as the cursor. */
async function readBySerial(after: number): Promise<{ numbers: number[]; cursor: number }> {
  const { rows } = await db.pool.query<{ seq: string; body: { n: number } }>(
    'SELECT seq::text, body FROM team_changes WHERE team_id = $1 AND seq > $2 ORDER BY seq',
    [lead.teamId, after],
  )
  return { numbers: rows.map((row) => row.body.n), cursor: rows.length ? Number(rows.at(-1)!.seq) : after }
}

async function readByHorizon(after: string): Promise<{ numbers: number[]; cursor: string }> {
  const page = await readChanges(db.pool, lead.teamId, after, 1000)
  return { numbers: page.changes.map((c) => (c.body as unknown as { n: number }).n), cursor: page.to }
}

describe('the change log cursor', () => {
  it('a plain serial cursor skips a row committed late; the transaction-id horizon does not', async () => {
    const serialStart = (await readBySerial(0)).cursor
    const horizonStart = (await readByHorizon(FIRST_CURSOR)).cursor

    const late = await heldWriter(1) // takes the lower seq and the older transaction id, commits last
    await writeNow(2)

    const serialFirst = await readBySerial(serialStart)
    const horizonFirst = await readByHorizon(horizonStart)
    await late.commit()
    const serialSecond = await readBySerial(serialFirst.cursor)
    const horizonSecond = await readByHorizon(horizonFirst.cursor)

    // The serial reader saw 2, moved past 1's id, and never sees 1.
    expect([...serialFirst.numbers, ...serialSecond.numbers]).toEqual([2])
    // The horizon reader held 2 back while 1 could still commit, then read both.
    expect(horizonFirst.numbers).toEqual([])
    expect(horizonSecond.numbers).toEqual([1, 2])
  })

  it('loses nothing under many concurrent writers with random late commits while a reader follows', async () => {
    let cursor = (await readByHorizon(FIRST_CURSOR)).cursor
    const seen: number[] = []
    let writing = true
    const reader = (async () => {
      while (writing) {
        const page = await readByHorizon(cursor)
        seen.push(...page.numbers)
        cursor = page.cursor
      }
    })()
    const total = 200
    await Promise.all(
      Array.from({ length: 20 }, async (_, writer) => {
        for (let k = 0; k < total / 20; k++) {
          const held = await heldWriter(1000 + writer * 100 + k)
          await new Promise((resolve) => setTimeout(resolve, Math.random() * 15))
          await held.commit()
        }
      }),
    )
    writing = false
    await reader
    seen.push(...(await readByHorizon(cursor)).numbers)
    expect(seen.length).toBe(total)
    expect(new Set(seen).size).toBe(total)
  }, 60_000)

  it('refuses to rewrite history: the log is append-only', async () => {
    await writeNow(3)
    await expect(db.pool.query('UPDATE team_changes SET body = $1 WHERE team_id = $2', ['{}', lead.teamId])).rejects.toThrow(/append-only/)
    await expect(db.pool.query('DELETE FROM team_changes WHERE team_id = $1', [lead.teamId])).rejects.toThrow(/append-only/)
  })

  it('a cursor the server never gave out is refused plainly', async () => {
    await expect(readChanges(db.pool, lead.teamId, "1; DROP TABLE teams", 10)).rejects.toThrow(/not one this server gave out/)
  })
})
