// Team mode at a team's size, on a throwaway PostgreSQL, the real team server and real rep stores (SQLite) following
// it with the real sync client, all in this process. Three measurements:
// - propagation: a removal recorded by one rep (its outbox, the server, NOTIFY, the fan-out) until every other rep
//   has it in SQLite; p50/p95/p99 over every rep and change, against a bare LISTEN/NOTIFY round trip;
// - bootstrap: a new rep reading a 1,000,000-entry offender list; time and memory, against reading the same rows
//   straight from PostgreSQL;
// - concurrent writers: reps and forced-late transactions writing at once; changes lost (must be 0) on every rep.
// BENCH_TEAM_REPS (200), BENCH_TEAM_CHANGES (30), BENCH_TEAM_BOOTSTRAP (1000000), BENCH_TEAM_WRITERS (20) shrink it.
import { randomUUID } from 'node:crypto'
import { existsSync, mkdtempSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import pg from 'pg'
import { appendChanges, readChanges } from '../electron/team/change-log.ts'
import { openTeamDatabase, type TeamDatabase, type TeamMember } from '../electron/team/team-db.ts'
import { startTeamServer, type TeamServer } from '../electron/team/team-server.ts'
import { startThrowawayCluster } from '../electron/team/throwaway-cluster.ts'
import { startTeamSync, type TeamSync } from '../electron/team-sync/team-sync.ts'
import { openStore, type Store } from '../electron/store/index.ts'
import { FIRST_CURSOR } from '../shared/team/changes.ts'
import { percentile } from './measure.ts'

const numberFrom = (name: string, fallback: number) => {
  const value = Number(process.env[name])
  return Number.isInteger(value) && value > 0 ? value : fallback
}

interface BenchRep {
  store: Store
  sync: TeamSync
  /** Called after every applied page. */
  onApplied: () => void
}

interface Team {
  server: TeamServer
  db: TeamDatabase
  name: string
  lead: TeamMember
  dir: string
}

async function addRep(team: Team, index: number): Promise<BenchRep> {
  const { token } = await team.db.issueToken(team.name, `rep-${index}`, 'rep')
  const store = openStore(join(team.dir, `rep-${index}.sqlite`))
  store.team.join({ serverUrl: team.server.url, team: team.name, rep: `rep-${index}`, role: 'rep', joinedAt: Date.now() })
  const rep: BenchRep = { store, sync: undefined as unknown as TeamSync, onApplied: () => {} }
  rep.sync = startTeamSync({ store, token, onApplied: () => rep.onApplied() })
  return rep
}

async function until(check: () => boolean, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs
  while (!check()) {
    if (Date.now() > deadline) return false
    await new Promise((resolve) => setTimeout(resolve, 5))
  }
  return true
}

/** A removal the rep's guard recorded and WeChat carried out: the store's trigger puts it in the outbox. */
function recordRemoval(store: Store, memberKey: string): void {
  const id = store.events.add({ kind: 'removal', at: Date.now(), memberKey, memberId: memberKey, memberName: '营销号', rule: '广告', status: 'pending' })
  store.events.setStatus(id, 'done')
}

async function notifyRoundTrip(url: string, samples: number): Promise<number[]> {
  const listener = new pg.Client(url)
  const sender = new pg.Client(url)
  await Promise.all([listener.connect(), sender.connect()])
  await listener.query('LISTEN bench_round_trip')
  const times: number[] = []
  for (let k = 0; k < samples; k++) {
    const started = process.hrtime.bigint()
    const heard = new Promise<void>((resolve) => listener.once('notification', () => resolve()))
    await sender.query("SELECT pg_notify('bench_round_trip', 'x')")
    await heard
    times.push(Number(process.hrtime.bigint() - started) / 1e6)
  }
  await Promise.all([listener.end(), sender.end()])
  return times.sort((a, b) => a - b)
}

async function propagation(reps: BenchRep[], changes: number, log: (line: string) => void) {
  const latencies: number[] = []
  let late = 0
  for (let k = 0; k < changes; k++) {
    const key = `bench:prop:${k}`
    const writer = reps[k % reps.length]!
    const others = reps.filter((rep) => rep !== writer)
    const arrived = new Map<BenchRep, number>()
    let started = 0n
    for (const rep of others) {
      rep.onApplied = () => {
        if (!arrived.has(rep) && rep.store.team.listedOffender(key)) arrived.set(rep, Number(process.hrtime.bigint() - started) / 1e6)
      }
    }
    started = process.hrtime.bigint()
    recordRemoval(writer.store, key)
    if (!(await until(() => arrived.size === others.length, 10_000))) late += others.length - arrived.size
    latencies.push(...arrived.values())
  }
  latencies.sort((a, b) => a - b)
  const figures = { samples: latencies.length, p50Ms: percentile(latencies, 0.5), p95Ms: percentile(latencies, 0.95), p99Ms: percentile(latencies, 0.99), late }
  log(`  propagation to ${reps.length - 1} reps x ${changes} changes: p50 ${figures.p50Ms.toFixed(1)} ms, p95 ${figures.p95Ms.toFixed(1)} ms, p99 ${figures.p99Ms.toFixed(1)} ms${late ? `, ${late} over 10 s` : ''} (target p95 < 100 ms)`)
  return figures
}

async function concurrentWriters(team: Team, reps: BenchRep[], url: string, writers: number, log: (line: string) => void) {
  const perWriter = 25
  const lateTransactions = 10
  const expected = new Set<string>()
  const writing = reps.slice(0, writers).map(async (rep, w) => {
    for (let k = 0; k < perWriter; k++) {
      const key = `bench:conc:${w}:${k}`
      expected.add(key)
      recordRemoval(rep.store, key)
      await new Promise((resolve) => setTimeout(resolve, Math.random() * 10))
    }
  })
  // Transactions that append, then wait before committing, so rows with lower ids become visible after higher ones.
  const holding = Array.from({ length: lateTransactions }, async (_, k) => {
    const key = `bench:conc:late:${k}`
    expected.add(key)
    const client = new pg.Client(url)
    await client.connect()
    await client.query('BEGIN')
    const body = { memberKey: key, memberId: null, memberName: null, rule: '广告', reason: null, groupTopic: null, at: Date.now() }
    await appendChanges(client, team.lead.teamId, team.lead.id, [{ id: randomUUID(), kind: 'offender_added', body }])
    await new Promise((resolve) => setTimeout(resolve, 50 + Math.random() * 400))
    await client.query('COMMIT')
    await client.end()
  })
  await Promise.all([...writing, ...holding])
  const count = (rep: BenchRep) => [...expected].filter((key) => rep.store.team.listedOffender(key)).length
  await until(() => reps.every((rep) => count(rep) === expected.size), 30_000)
  const lost = reps.reduce((sum, rep) => sum + (expected.size - count(rep)), 0)
  log(`  concurrent writers: ${writers} reps x ${perWriter} removals + ${lateTransactions} late commits = ${expected.size} changes; lost on ${reps.length} reps: ${lost}`)
  return { writers, changes: expected.size, reps: reps.length, lost }
}

async function bootstrap(team: Team, url: string, entries: number, log: (line: string) => void) {
  const seeded = process.hrtime.bigint()
  const client = new pg.Client(url)
  await client.connect()
  await client.query(
    `INSERT INTO team_changes (team_id, id, author_id, kind, body)
     SELECT $1, gen_random_uuid(), $2, 'offender_added',
            jsonb_build_object('memberKey', 'stable:wxid_boot' || n, 'memberId', 'wxid_boot' || n, 'memberName', '营销号' || n,
                               'rule', '广告', 'reason', '加微信领取优惠 ' || n, 'groupTopic', '母婴福利群', 'at', 1767225600000 + n)
     FROM generate_series(1, $3) AS n`,
    [team.lead.teamId, team.lead.id, entries],
  )
  log(`  bootstrap: ${entries.toLocaleString('en')} entries written in ${(Number(process.hrtime.bigint() - seeded) / 1e9).toFixed(1)} s`)

  // Baseline: the same pages read straight from PostgreSQL with the same query, without HTTP, JSON or SQLite.
  let baselineRows = 0
  const baselineStarted = process.hrtime.bigint()
  for (let cursor = FIRST_CURSOR, more = true; more; ) {
    const page = await readChanges(client, team.lead.teamId, cursor, 5000)
    baselineRows += page.changes.length
    cursor = page.to
    more = page.more
  }
  const baselineSeconds = Number(process.hrtime.bigint() - baselineStarted) / 1e9
  await client.end()

  const { token } = await team.db.issueToken(team.name, 'newcomer', 'rep')
  const path = join(team.dir, 'newcomer.sqlite')
  const store = openStore(path)
  store.team.join({ serverUrl: team.server.url, team: team.name, rep: 'newcomer', role: 'rep', joinedAt: Date.now() })
  global.gc?.()
  const before = process.memoryUsage()
  let peakRss = before.rss
  let peakHeap = before.heapUsed
  const sampler = setInterval(() => {
    const now = process.memoryUsage()
    peakRss = Math.max(peakRss, now.rss)
    peakHeap = Math.max(peakHeap, now.heapUsed)
  }, 20)
  const started = process.hrtime.bigint()
  const sync = startTeamSync({ store, token })
  await sync.pull()
  const seconds = Number(process.hrtime.bigint() - started) / 1e9
  clearInterval(sampler)
  const listed = store.team.offenderCount()
  await sync.stop()
  const fileMb = statSync(path).size / 2 ** 20
  store.close()
  const figures = {
    entries,
    listed,
    seconds,
    entriesPerSecond: entries / seconds,
    peakRssGrowthMb: (peakRss - before.rss) / 2 ** 20,
    peakHeapGrowthMb: (peakHeap - before.heapUsed) / 2 ** 20,
    sqliteMb: fileMb,
    baselineSeconds,
    ratioToBaseline: seconds / baselineSeconds,
  }
  log(
    `  bootstrap: a new rep read ${listed.toLocaleString('en')} of ${baselineRows.toLocaleString('en')} entries in ${seconds.toFixed(1)} s ` +
      `(${Math.round(figures.entriesPerSecond).toLocaleString('en')}/s; straight from PostgreSQL ${baselineSeconds.toFixed(1)} s, x${figures.ratioToBaseline.toFixed(1)}); ` +
      `peak RSS +${figures.peakRssGrowthMb.toFixed(0)} MB, heap +${figures.peakHeapGrowthMb.toFixed(0)} MB; SQLite ${fileMb.toFixed(0)} MB`,
  )
  return figures
}

export async function runTeamBench(log: (line: string) => void): Promise<Record<string, unknown>> {
  const repCount = numberFrom('BENCH_TEAM_REPS', 200)
  const changes = numberFrom('BENCH_TEAM_CHANGES', 30)
  const entries = numberFrom('BENCH_TEAM_BOOTSTRAP', 1_000_000)
  const writers = Math.min(numberFrom('BENCH_TEAM_WRITERS', 20), repCount)
  log(`team: ${repCount} reps, ${changes} changes, ${entries.toLocaleString('en')}-entry bootstrap, ${writers} concurrent writers`)

  const cluster = await startThrowawayCluster()
  // The reps' SQLite files on tmpfs where there is one: 200 reps in one process would otherwise queue behind each
  // other's fsyncs, which on their own machines they pay once each, side by side.
  const dir = mkdtempSync(join(existsSync('/dev/shm') ? '/dev/shm' : tmpdir(), 'qunguard-bench-team-'))
  const db = await openTeamDatabase(cluster.url, { maxConnections: 30 })
  const server = await startTeamServer({ db })
  const reps: BenchRep[] = []
  try {
    const name = 'bench'
    const lead = (await db.authenticate((await db.createTeam(name, 'lead')).token))!
    const team: Team = { server, db, name, lead, dir }
    for (let k = 0; k < repCount; k++) reps.push(await addRep(team, k))
    await until(() => reps.every((rep) => rep.sync.connected()), 60_000)

    const notify = await notifyRoundTrip(cluster.url, 200)
    const baseline = { p50Ms: percentile(notify, 0.5), p95Ms: percentile(notify, 0.95) }
    log(`  baseline: a bare LISTEN/NOTIFY round trip p50 ${baseline.p50Ms.toFixed(2)} ms, p95 ${baseline.p95Ms.toFixed(2)} ms`)
    const spread = await propagation(reps, changes, log)
    const concurrent = await concurrentWriters(team, reps, cluster.url, writers, log)
    await Promise.all(reps.map((rep) => rep.sync.stop()))
    const boot = await bootstrap(team, cluster.url, entries, log)
    return {
      reps: repCount,
      propagation: { ...spread, ratioP95ToNotify: spread.p95Ms / baseline.p95Ms },
      notifyBaseline: baseline,
      concurrent,
      bootstrap: boot,
    }
  } finally {
    await Promise.all(reps.map((rep) => rep.sync.stop()))
    reps.forEach((rep) => rep.store.close())
    await server.close()
    await db.close()
    await cluster.stop()
    rmSync(dir, { recursive: true, force: true })
  }
}
