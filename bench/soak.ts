// `npm run bench -- soak` (not in CI): the whole service (startService: the guard, the API, the event stream, the
// daily backup, the outbound queue on its timers) on a simulated WeChat of 300 groups of 300 members, under 1,000
// messages a second for 10 minutes (BENCH_SECONDS shortens it), voice and image messages mixed in. A window is
// attached: it hears every event and reads the feed every 5 s. Every minute (or every sixth of a shorter run) RSS,
// heap and backlog are printed, until the backlog has drained; at the end: memory after warm-up against the end,
// messages lost, latency under load.
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import { startService } from '../electron/service/start.ts'
import { DATABASE_FILE } from '../electron/store/index.ts'
import { SimulatedWorld } from '../electron/sim/simulated-world.ts'
import { silenceWechatyLog } from '../electron/wechat/bot-host.ts'
import type { MessageKind } from '../shared/rules/types.ts'
import { CUSTOMER_LINES, OFFENCES } from './guard.ts'
import { percentile } from './measure.ts'

const GROUPS = 300
const MEMBERS = 300
const RATE = 1000
/** p99 message-to-decision latency the soak is expected to stay under. */
const P99_BOUND_MS = 2000
const MB = 2 ** 20

interface Sample {
  atSeconds: number
  rssMb: number
  heapMb: number
  backlog: number
  handledPerSecond: number
}

/** Waits for the backlog to clear; gives up (the figures then show what was left) after a minute without progress. */
async function drained(done: () => boolean, progress: () => number): Promise<void> {
  let last = progress()
  let stalledSince = Date.now()
  while (!done() && Date.now() - stalledSince < 60_000) {
    await new Promise((resolve) => setTimeout(resolve, 200))
    if (progress() !== last) {
      last = progress()
      stalledSince = Date.now()
    }
  }
}

function message(index: number): { text: string; kind: MessageKind } {
  if (index % 50 === 7) return { text: '[语音]', kind: 'voice' }
  if (index % 50 === 31) return { text: '[图片]', kind: 'image' }
  if (index % 20 === 0) return { text: OFFENCES[(index / 20) % OFFENCES.length]!, kind: 'text' }
  return { text: CUSTOMER_LINES[index % CUSTOMER_LINES.length]!, kind: 'text' }
}

export async function runSoakBench(log: (line: string) => void): Promise<Record<string, unknown>> {
  silenceWechatyLog()
  const seconds = Number(process.env.BENCH_SECONDS ?? 600)
  const sampleEvery = Math.min(60, Math.max(5, Math.round(seconds / 6)))
  const dataDir = mkdtempSync(join(tmpdir(), 'qunguard-soak-'))
  const world = new SimulatedWorld(Date.now)
  const rooms = Array.from({ length: GROUPS }, (_, g) => {
    world.createRoom({ name: `g${g}`, topic: `孕妈交流群${g}`, owner: 'bot', members: [], otherMembers: MEMBERS - 1 })
    return `g${g}`
  })
  const posted = new Map<string, bigint>()
  const latencies: number[] = []
  let handled = 0
  const service = await startService({
    dataDir,
    puppet: 'wechaty-puppet-mock',
    mockPuppet: () => world.puppet,
    onHandled(event) {
      world.echoes.handled(event)
      if (event.event !== 'message') return
      const start = posted.get(event.messageId)
      if (start === undefined) return
      posted.delete(event.messageId)
      latencies.push(Number(process.hrtime.bigint() - start) / 1e6)
      handled++
    },
  })
  let heard = 0
  service.subscribe(() => heard++)
  world.logIn()
  await world.echoes.settled()

  log(`soak: the service under ${RATE} messages/s across ${GROUPS} groups of ${MEMBERS} members for ${seconds} s (voice and image 1 in 25) ...`)
  const samples: Sample[] = []
  let sent = 0
  let handledAtLastSample = 0
  const started = process.hrtime.bigint()
  const elapsed = () => Number(process.hrtime.bigint() - started) / 1e9
  const reader = setInterval(() => void service.api.listFeed({ limit: 50 }), 5000)
  const sampler = setInterval(() => {
    const memory = process.memoryUsage()
    const sample = {
      atSeconds: Math.round(elapsed()),
      rssMb: Math.round(memory.rss / MB),
      heapMb: Math.round(memory.heapUsed / MB),
      backlog: sent - handled,
      handledPerSecond: Math.round((handled - handledAtLastSample) / sampleEvery),
    }
    handledAtLastSample = handled
    samples.push(sample)
    log(`  ${String(sample.atSeconds).padStart(4)} s  RSS ${sample.rssMb} MB  heap ${sample.heapMb} MB  backlog ${sample.backlog}  ${sample.handledPerSecond} handled/s`)
  }, sampleEvery * 1000)
  await new Promise<void>((resolve) => {
    const timer = setInterval(() => {
      const due = Math.min(Math.floor(elapsed() * RATE), seconds * RATE)
      while (sent < due) {
        const { text, kind } = message(sent)
        const room = rooms[sent % GROUPS]!
        const id = world.say(room, `${room}-member-${1 + ((sent * 7919) % (MEMBERS - 1))}`, text, kind)
        posted.set(id, process.hrtime.bigint())
        sent++
      }
      if (sent >= seconds * RATE) {
        clearInterval(timer)
        resolve()
      }
    }, 10)
  })
  const postedFor = elapsed()
  await drained(() => handled >= sent, () => handled)
  const drainSeconds = elapsed() - postedFor
  clearInterval(reader)
  clearInterval(sampler)
  await service.close()

  const db = new Database(join(dataDir, DATABASE_FILE), { readonly: true })
  const stored = db.prepare<[], number>('SELECT count(*) FROM messages').pluck().get()!
  const events = db.prepare<[], number>('SELECT count(*) FROM events').pluck().get()!
  db.close()
  rmSync(dataDir, { recursive: true, force: true })

  // Memory after warm-up (the first quarter) against the end of the run.
  const warm = samples.find((sample) => sample.atSeconds >= seconds / 4) ?? samples[0]
  const last = samples.at(-1)
  const minutes = warm && last && last.atSeconds > warm.atSeconds ? (last.atSeconds - warm.atSeconds) / 60 : 0
  const sorted = latencies.sort((a, b) => a - b)
  const figures = {
    seconds,
    sent,
    handled,
    stored,
    lost: sent - stored,
    events,
    eventsHeard: heard,
    drainSeconds: Number(drainSeconds.toFixed(2)),
    p50Ms: Number(percentile(sorted, 0.5).toFixed(1)),
    p99Ms: Number(percentile(sorted, 0.99).toFixed(1)),
    p99WithinBound: percentile(sorted, 0.99) < P99_BOUND_MS,
    heapGrowthMbPerMinute: minutes ? Number(((last!.heapMb - warm!.heapMb) / minutes).toFixed(2)) : null,
    rssGrowthMbPerMinute: minutes ? Number(((last!.rssMb - warm!.rssMb) / minutes).toFixed(2)) : null,
    samples,
  }
  log(
    `  sent ${sent}, handled ${handled}, stored ${stored}, lost ${figures.lost}, events ${events} (window heard ${heard}); ` +
      `drained ${figures.drainSeconds} s after the last post; latency p50 ${figures.p50Ms} ms, p99 ${figures.p99Ms} ms ` +
      `(${figures.p99WithinBound ? 'within' : 'OVER'} the ${P99_BOUND_MS} ms bound); after warm-up heap ${figures.heapGrowthMbPerMinute} MB/min, RSS ${figures.rssGrowthMbPerMinute} MB/min`,
  )
  return figures
}
