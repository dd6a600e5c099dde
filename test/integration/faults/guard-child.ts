// A real QunGuard service in a process of its own, on a simulated WeChat account, for the fault-injection suite to
// kill, starve and lock. What it does that must survive a SIGKILL is written synchronously to files in the data folder:
//   acked.log    one message id per line, once the guard has handled the message (so it must be stored);
//   effects.log  one JSON line per thing the bot did in WeChat (a group message, a removal).
// A restarted child rebuilds the same world (same ids) with the removals of effects.log applied, as WeChat would be.
// The logs go to the folder given as second argument when the data folder itself may fill up.
// Commands on stdin, one per line: `say ROOM FROM TEXT`, `burst SEED COUNT`, `drain`, `health`, `exit`,
// `puppet-throws TOKEN` (saves TOKEN as the puppet token, then code inside a puppet package throws from a timer, as
// wechaty-token does) and `login` (the rep logs in again: the same simulated account scans again).
// It prints `ready`, `health <json>` on every health change and for `health`, `login <json>` on every login state,
// `said`, `drained` and `exit-ok`. It acts 600 times a minute, or GUARD_CHILD_RATE_PER_MINUTE times when that is set.
import { appendFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import { createInterface } from 'node:readline'
import Database from 'better-sqlite3'
import { startService } from '../../../electron/service/start.ts'
import { SimulatedWorld, type RoomSpec } from '../../../electron/sim/simulated-world.ts'
import { silenceWechatyLog } from '../../../electron/wechat/bot-host.ts'
import { DATABASE_FILE } from '../../../electron/service/start.ts'

export const CHILD_ROOMS: RoomSpec[] = [
  { name: 'shop', topic: '福利一群', owner: 'bot', members: ['m0', 'm1', 'm2', 'm3', 'm4', 'm5'] },
  { name: 'fair', topic: '母婴展群', owner: 'bot', members: ['m0', 'm6', 'm7', 'm8', 'm9'] },
]
export const CHILD_RULES = [
  { name: '广告', match: '代购 | 加微信' },
  { name: '赌博', match: '赌博', action: 'remove' as const },
]
const TEXTS = ['代购奶粉', '加微信领红包', '赌博网站', '宝宝几个月了', '谢谢分享', '™™' + 'a'.repeat(254), '请问有L码吗']

export interface Effect {
  op: 'say' | 'remove'
  room: string | null
  text?: string
  mentionIds?: string[]
  memberId?: string
}

/** A deterministic burst: the same seed gives the same messages, from members of the room they speak in. */
export function burstMessages(seed: number, count: number): { room: string; from: string; text: string }[] {
  let state = seed >>> 0 || 1
  const next = (n: number) => {
    state ^= state << 13
    state ^= state >>> 17
    state ^= state << 5
    return (state >>> 0) % n
  }
  return Array.from({ length: count }, () => {
    const room = CHILD_ROOMS[next(CHILD_ROOMS.length)]!
    return { room: room.name, from: room.members[next(room.members.length)]!, text: TEXTS[next(TEXTS.length)]! }
  })
}

function buildWorld(logDir: string): SimulatedWorld {
  const world = new SimulatedWorld(Date.now)
  for (const room of CHILD_ROOMS) world.createRoom(room)
  const effectsPath = join(logDir, 'effects.log')
  if (existsSync(effectsPath)) {
    for (const line of readFileSync(effectsPath, 'utf8').split('\n').filter(Boolean)) {
      const effect = JSON.parse(line) as Effect
      if (effect.op !== 'remove') continue
      const room = world.mocker.cacheRoomPayload.get(effect.room!)!
      room.memberIdList = room.memberIdList.filter((id) => id !== effect.memberId)
    }
  }
  const record = (effect: Effect) => appendFileSync(effectsPath, `${JSON.stringify(effect)}\n`)
  const botSends = world.botSends.bind(world)
  world.botSends = (conversationId, text, mentionIds) => {
    botSends(conversationId, text, mentionIds)
    record({ op: 'say', room: conversationId, text, mentionIds: [...mentionIds] })
  }
  const removeMember = world.removeMember.bind(world)
  world.removeMember = (roomId, contactId) => {
    removeMember(roomId, contactId)
    record({ op: 'remove', room: roomId, memberId: contactId })
  }
  return world
}

async function main(): Promise<void> {
  const dataDir = process.argv[2]!
  const logDir = process.argv[3] ?? dataDir
  silenceWechatyLog()
  let world = buildWorld(logDir)
  let worldsMade = 0
  const ackedPath = join(logDir, 'acked.log')
  // Only what members said is acknowledged; the bot's own messages come back as events too, and are not moderated.
  const fromMembers = new Set<string>()
  const service = await startService({
    dataDir,
    puppet: 'wechaty-puppet-mock',
    // A simulated puppet serves one bot: logging in again after a failure gets the same account in a fresh world.
    mockPuppet: () => {
      if (worldsMade++ > 0) world = buildWorld(logDir)
      return world.puppet
    },
    onHandled(handled) {
      world.echoes.handled(handled)
      if (handled.event === 'message' && fromMembers.has(handled.messageId)) appendFileSync(ackedPath, `${handled.messageId}\n`)
    },
    log: (line) => process.stdout.write(`log ${line}\n`),
  })
  service.subscribe((event) => {
    if (event.type === 'health') process.stdout.write(`health ${JSON.stringify(event.health)}\n`)
    if (event.type === 'login') process.stdout.write(`login ${JSON.stringify(event.state)}\n`)
  })
  if ((await service.api.listRules({})).map((rule) => rule.name).join() !== CHILD_RULES.map((rule) => rule.name).join()) {
    await service.api.saveRules({ rules: CHILD_RULES })
  }
  // Fast enough that a burst is acted on at once, unless the test asks for another rate (the real default).
  await service.api.updateSettings({ rateLimitPerMinute: Number(process.env.GUARD_CHILD_RATE_PER_MINUTE ?? 600) })
  world.logIn()
  await world.echoes.settled()
  process.stdout.write('ready\n')

  const unfinished = () => {
    const db = new Database(join(dataDir, DATABASE_FILE), { readonly: true })
    try {
      return db.prepare("SELECT count(*) FROM pending_actions WHERE status IN ('queued', 'running')").pluck().get() as number
    } finally {
      db.close()
    }
  }
  for await (const line of createInterface({ input: process.stdin })) {
    const [command, ...rest] = line.split(' ')
    if (command === 'say') {
      const [room, from, ...words] = rest
      fromMembers.add(world.say(room!, from!, words.join(' ')))
      await world.echoes.settled()
      process.stdout.write('said\n')
    } else if (command === 'burst') {
      // Fast, as a busy group is: each message is posted as soon as the previous one is handed over.
      let posted = 0
      for (const message of burstMessages(Number(rest[0]), Number(rest[1]))) {
        try {
          fromMembers.add(world.say(message.room, message.from, message.text))
          posted++
        } catch {
          // A member the bot removed earlier in the burst cannot speak in that group any more (how many that is
          // depends on how fast the bot acted, so the burst says how many it posted).
        }
        await new Promise((resolve) => setImmediate(resolve))
      }
      await world.echoes.settled()
      process.stdout.write(`posted ${posted}\n`)
      process.stdout.write('burst-done\n')
    } else if (command === 'drain') {
      for (;;) {
        const view = await service.api.getHealth({})
        if (view.status === 'running' && unfinished() === 0) break
        await new Promise((resolve) => setTimeout(resolve, 50))
      }
      process.stdout.write('drained\n')
    } else if (command === 'puppet-throws') {
      await service.api.setSecret({ name: 'puppetToken', value: rest[0]! })
      const internals = join(logDir, 'node_modules', 'wechaty-puppet-faulty', 'internals.cjs')
      mkdirSync(dirname(internals), { recursive: true })
      writeFileSync(
        internals,
        `exports.resolve = (token) => setTimeout(function updateResolution() {\n` +
          `  throw new TypeError('this.listener.onError is not a function (resolving ' + token + ')')\n})\n`,
      )
      ;(createRequire(import.meta.url)(internals) as { resolve(token: string): void }).resolve(rest[0]!)
    } else if (command === 'login') {
      // The rep picks the account's puppet again in the login screen (this also saves it as the choice).
      await service.api.choosePuppet({ puppet: 'wechaty-puppet-mock' })
      world.logIn()
      await world.echoes.settled()
      process.stdout.write('logged-in-again\n')
    } else if (command === 'health') {
      process.stdout.write(`health ${JSON.stringify(await service.api.getHealth({}))}\n`)
    } else if (command === 'exit') {
      await service.close()
      process.stdout.write('exit-ok\n')
      process.exit(0)
    }
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`child: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`)
  process.exit(error instanceof Error && error.name === 'FolderInUseError' ? 3 : 1)
})
