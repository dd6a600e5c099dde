// The guard under load, through the real pipeline: Wechaty on the simulated world's mock puppet, the guard, the
// starter rules and a real SQLite file. Two measurements:
// - latency: from a member posting to the guard having recorded its decision (history, strike, event, queued action),
//   one message at a time, p50 and p99;
// - sustained load: 1,000 messages a second across 300 groups of 300 members for 60 seconds (BENCH_SECONDS to
//   shorten), counting messages handled, events written, messages lost, the backlog and peak memory.
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { STARTER_RULES } from '../shared/rules/starter-rules.ts'
import { createGuard, type Guard } from '../electron/guard/index.ts'
import { openStore, type Store } from '../electron/store/index.ts'
import { createSimulatedBot, startAndLogIn } from '../electron/sim/simulated-bot.ts'
import { SimulatedWorld } from '../electron/sim/simulated-world.ts'
import type { BotHost } from '../electron/wechat/bot-host.ts'
import { silenceWechatyLog } from '../electron/wechat/bot-host.ts'
import { percentile } from './measure.ts'

export const CUSTOMER_LINES = [
  '请问这款纸尿裤有L码吗？',
  '宝宝三个月了，奶粉一次喝多少合适呀',
  '昨天买的婴儿车到了，质量不错👍',
  '团购什么时候开始呀？',
  '有没有妈妈用过这个吸奶器，好用吗',
  '孕32周了，脚肿得厉害怎么办😭',
]
export const OFFENCES = ['有需要的加我薇 信 abc8866', '百 家 樂 首充送88', '大牌包包原單 一比一', '宝妈兼职 日赚300']


interface Rig {
  dir: string
  world: SimulatedWorld
  store: Store
  guard: Guard
  host: BotHost
  rooms: string[]
  /** When each message was posted, by id, until the guard has handled it. */
  posted: Map<string, bigint>
  latencies: number[]
  handled: number
}

async function rig(groups: number, membersPerGroup: number): Promise<Rig> {
  silenceWechatyLog()
  const dir = mkdtempSync(join(tmpdir(), 'qunguard-bench-'))
  const world = new SimulatedWorld(Date.now)
  const rooms: string[] = []
  for (let g = 0; g < groups; g++) {
    const name = `g${g}`
    world.createRoom({ name, topic: `孕妈交流群${g}`, owner: 'bot', members: [], otherMembers: membersPerGroup - 1 })
    rooms.push(name)
  }
  const store = openStore(join(dir, 'qunguard.sqlite'))
  const host = await createSimulatedBot(world, { dataDir: dir, now: Date.now })
  // The guard acts through the bot's ChatPort; its decisions are what is timed, not WeChat's replies.
  const guard = createGuard({ store, chat: host.chat })
  await guard.updateRules(STARTER_RULES)
  const state: Rig = { dir, world, store, guard, host, rooms, posted: new Map(), latencies: [], handled: 0 }
  host.attach({
    onMessage: async (message) => {
      await state.guard.onMessage(message)
      const start = state.posted.get(message.id)
      if (start !== undefined) {
        state.latencies.push(Number(process.hrtime.bigint() - start) / 1e6)
        state.posted.delete(message.id)
      }
      state.handled++
    },
    onJoin: (join) => state.guard.onJoin(join),
    onGroupsChanged: (changed) => state.guard.onGroupsChanged(changed),
  })
  await startAndLogIn(host, world)
  state.guard.start()
  return state
}

function post(state: Rig, index: number, membersPerGroup: number): void {
  const room = state.rooms[index % state.rooms.length]!
  const member = `${room}-member-${1 + ((index * 7919) % (membersPerGroup - 1))}`
  const text = index % 20 === 0 ? OFFENCES[(index / 20) % OFFENCES.length]! : CUSTOMER_LINES[index % CUSTOMER_LINES.length]!
  const id = state.world.say(room, member, text)
  state.posted.set(id, process.hrtime.bigint())
}

async function teardown(state: Rig): Promise<void> {
  await state.guard.stop()
  await state.host.stop()
  state.store.close()
  rmSync(state.dir, { recursive: true, force: true })
}

async function latency(log: (line: string) => void): Promise<Record<string, number>> {
  const count = 2000
  const state = await rig(20, 50)
  for (let k = 0; k < count; k++) {
    post(state, k, 50)
    await state.world.echoes.settled()
  }
  const sorted = [...state.latencies].sort((a, b) => a - b)
  const figures = { messages: sorted.length, p50Ms: percentile(sorted, 0.5), p99Ms: percentile(sorted, 0.99) }
  log(`message-to-decision latency, one at a time (${count} messages, Wechaty mock + SQLite): p50 ${figures.p50Ms.toFixed(2)} ms, p99 ${figures.p99Ms.toFixed(2)} ms`)
  await teardown(state)
  return figures
}

async function sustained(log: (line: string) => void): Promise<Record<string, number>> {
  const groups = 300
  const members = 300
  const seconds = Number(process.env.BENCH_SECONDS ?? 60)
  const rate = 1000
  log(`sustained load: ${rate} messages/s across ${groups} groups of ${members} members for ${seconds} s ...`)
  const state = await rig(groups, members)
  let sent = 0
  let peakRss = process.memoryUsage().rss
  let maxBacklog = 0
  const started = process.hrtime.bigint()
  // Every 10 ms, post what the schedule says should have been posted by now.
  await new Promise<void>((resolve) => {
    const timer = setInterval(() => {
      const elapsed = Number(process.hrtime.bigint() - started) / 1e9
      const due = Math.min(Math.floor(elapsed * rate), seconds * rate)
      while (sent < due) post(state, sent++, members)
      peakRss = Math.max(peakRss, process.memoryUsage().rss)
      maxBacklog = Math.max(maxBacklog, sent - state.handled)
      if (sent >= seconds * rate) {
        clearInterval(timer)
        resolve()
      }
    }, 10)
  })
  const postedFor = Number(process.hrtime.bigint() - started) / 1e9
  await state.world.echoes.settled().catch(() => undefined)
  const drainedAfter = Number(process.hrtime.bigint() - started) / 1e9 - postedFor
  const stored = state.store.messages.history(10_000_000).length
  const events = state.store.events.list({ limit: 10_000_000 }).length
  const sorted = [...state.latencies].sort((a, b) => a - b)
  const figures = {
    sent,
    handled: state.handled,
    stored,
    lost: sent - stored,
    events,
    handledPerSecond: Math.round(state.handled / (postedFor + drainedAfter)),
    drainSeconds: Number(drainedAfter.toFixed(2)),
    maxBacklog,
    p50Ms: percentile(sorted, 0.5),
    p99Ms: percentile(sorted, 0.99),
    peakRssMb: Math.round(peakRss / 2 ** 20),
  }
  log(
    `  sent ${sent}, handled ${figures.handled}, stored ${stored}, lost ${figures.lost}, events ${events}; ` +
      `${figures.handledPerSecond} handled/s, drained ${figures.drainSeconds} s after the last post, ` +
      `max backlog ${maxBacklog}; latency under load p50 ${figures.p50Ms.toFixed(1)} ms, p99 ${figures.p99Ms.toFixed(1)} ms; peak RSS ${figures.peakRssMb} MB`,
  )
  await teardown(state)
  return figures
}

export async function runGuardBench(log: (line: string) => void): Promise<Record<string, unknown>> {
  return { latency: await latency(log), sustained: await sustained(log) }
}
