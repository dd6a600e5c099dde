// The app dying between a decision and its action, on real Wechaty (mock puppet) and a real SQLite file: the
// WeChat session survives (as the session file lets it), the store and the guard start again on the same file.
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { createGuard, memberKey, type Guard } from '../../electron/guard/index.ts'
import { createSimulatedBot, startAndLogIn } from '../../electron/sim/simulated-bot.ts'
import { SimulatedWorld } from '../../electron/sim/simulated-world.ts'
import { VirtualClock } from '../../electron/sim/virtual-clock.ts'
import { openStore, type Store } from '../../electron/store/index.ts'
import type { BotHost } from '../../electron/wechat/bot-host.ts'
import type { ChatPort } from '../../electron/wechat/chat-port.ts'

const RULES = [
  { name: '加微信', match: '加微信', reply: '请勿拉人加好友 {count}/{limit}' },
  { name: '赌博', match: '赌博', action: 'remove' as const },
]

let dataDir: string
let databasePath: string
let clock: VirtualClock
let world: SimulatedWorld
let host: BotHost
let store: Store
let guard: Guard

/** Starts the guard on the database file, as the app does at start-up, and hands it WeChat's events. */
function startGuard(chat: ChatPort = host.chat): void {
  store = openStore(databasePath)
  guard = createGuard({ store, chat, clock: clock.now })
  host.attach(guard)
}

/** The app dies: nothing is flushed or closed in order; the next start finds the file as it was left. */
function crash(): void {
  store.close()
}

async function say(from: string, text: string): Promise<void> {
  world.say('room', from, text)
  await world.echoes.settled()
}

const aliceKey = () => memberKey(world.roomId('room'), { stableId: 'wx_alice', name: 'alice' })

/** The bot's own ChatPort, with some operations replaced. */
function chatWith(overrides: Partial<ChatPort>): ChatPort {
  const chat = host.chat
  return {
    capabilities: () => chat.capabilities(),
    selfId: () => chat.selfId(),
    group: (groupId) => chat.group(groupId),
    member: (groupId, memberId) => chat.member(groupId, memberId),
    isMember: (groupId, memberId) => chat.isMember(groupId, memberId),
    avatarHash: (contactId) => chat.avatarHash(contactId),
    say: (groupId, text, mentionIds) => chat.say(groupId, text, mentionIds),
    remove: (groupId, memberId) => chat.remove(groupId, memberId),
    add: (groupId, memberId) => chat.add(groupId, memberId),
    sayToSelf: (text) => chat.sayToSelf(text),
    ...overrides,
  }
}

beforeEach(async () => {
  dataDir = await mkdtemp(path.join(tmpdir(), 'qunguard-restart-'))
  databasePath = path.join(dataDir, 'qunguard.sqlite')
  clock = new VirtualClock()
  world = new SimulatedWorld(clock.now)
  world.createRoom({ name: 'room', topic: '孕妈交流群', owner: 'bot', members: ['alice', 'bob'] })
  host = await createSimulatedBot(world, { dataDir, now: clock.now })
  startGuard()
  await guard.updateRules(RULES)
  await startAndLogIn(host, world)
})

afterEach(async () => {
  await host.stop()
  store.close()
  await rm(dataDir, { recursive: true, force: true })
})

describe('a restart between decision and action', () => {
  it('sends the decided warning once after the restart and keeps counting strikes', async () => {
    await say('alice', '想要资料的加微信')
    expect(world.sent()).toEqual([])
    crash()

    startGuard()
    await guard.flush()
    expect(world.sent().map((sent) => sent.text)).toEqual(['@alice 请勿拉人加好友 1/2'])
    await guard.flush()
    expect(world.sent()).toHaveLength(1)

    await say('alice', '加微信领资料')
    await guard.flush()
    expect(world.sent().map((sent) => sent.text).at(-1)).toBe('@alice 请勿拉人加好友 2/2')
    expect(store.strikes.forMember(world.roomId('room'), aliceKey())).toHaveLength(2)
  })

  it('does not remove twice when the app died right after WeChat removed the member', async () => {
    let removals = 0
    const removeCounted = async (groupId: string, memberId: string) => {
      removals++
      await host.chat.remove(groupId, memberId)
    }
    crash()
    // The first run: WeChat carries the removal out, then the app dies before it hears back.
    startGuard(chatWith({ remove: (groupId, memberId) => removeCounted(groupId, memberId).then(() => new Promise<void>(() => {})) }))
    await say('alice', '赌博网站注册送钱')
    void guard.flush()
    await vi.waitFor(() => expect(removals).toBe(1))
    await world.echoes.settled()
    expect(world.memberNames('room')).not.toContain('alice')
    crash()

    startGuard(chatWith({ remove: removeCounted }))
    await guard.flush()
    expect(removals).toBe(1)
    const [removal] = store.events.list({ kinds: ['removal'] })
    expect(removal).toMatchObject({ memberName: 'alice', status: 'done', rule: '赌博' })
    expect(store.strikes.forMember(world.roomId('room'), aliceKey())).toHaveLength(1)
  })
})
