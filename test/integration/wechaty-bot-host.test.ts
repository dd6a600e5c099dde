// The bot host on real Wechaty with the mock puppet, in the simulated WeChat world.
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { types } from 'wechaty'
import type { ChatGroup, ChatInbox, IncomingMessage, MemberJoin } from '../../electron/wechat/chat-port.ts'
import { ChatRefusedError } from '../../electron/wechat/chat-port.ts'
import type { BotHost } from '../../electron/wechat/bot-host.ts'
import type { LoginStatus } from '../../electron/wechat/login-state.ts'
import { FILE_HELPER_ID } from '../../electron/wechat/wechaty-chat-port.ts'
import { createSimulatedBot, startAndLogIn } from '../../electron/sim/simulated-bot.ts'
import { DIRECT_ADD_LIMIT, LOGIN_QR_URL, SimulatedWorld } from '../../electron/sim/simulated-world.ts'
import { VirtualClock } from '../../electron/sim/virtual-clock.ts'

class RecordingInbox implements ChatInbox {
  readonly messages: IncomingMessage[] = []
  readonly joins: MemberJoin[] = []
  groups: ChatGroup[] = []

  async onMessage(message: IncomingMessage): Promise<void> {
    this.messages.push(message)
  }

  async onJoin(join: MemberJoin): Promise<void> {
    this.joins.push(join)
  }

  async onGroupsChanged(groups: ChatGroup[]): Promise<void> {
    this.groups = groups
  }
}

let dataDir: string
let clock: VirtualClock
let world: SimulatedWorld
let host: BotHost
let inbox: RecordingInbox

beforeEach(async () => {
  dataDir = await mkdtemp(path.join(tmpdir(), 'qunguard-wechaty-'))
  clock = new VirtualClock()
  world = new SimulatedWorld(clock.now)
  host = await createSimulatedBot(world, { dataDir, now: clock.now })
  inbox = new RecordingInbox()
  host.attach(inbox)
})

afterEach(async () => {
  await host.stop()
  await rm(dataDir, { recursive: true, force: true })
})

function groupNamed(name: string): ChatGroup | undefined {
  return inbox.groups.find((group) => group.id === world.roomId(name))
}

describe('login', () => {
  it('turns the scan flow into login states the window can show', async () => {
    const seen: { status: LoginStatus; qrUrl: string | null; account: string | null }[] = []
    host.onLoginState((state) => seen.push({ status: state.status, qrUrl: state.qrUrl, account: state.account?.name ?? null }))

    expect(host.loginState().status).toBe('stopped')
    await startAndLogIn(host, world)

    expect(seen).toEqual([
      { status: 'starting', qrUrl: null, account: null },
      { status: 'waiting', qrUrl: LOGIN_QR_URL, account: null },
      { status: 'scanned', qrUrl: null, account: null },
      { status: 'confirmed', qrUrl: null, account: null },
      { status: 'logged-in', qrUrl: null, account: 'bot' },
    ])
    expect(host.loginState().account).toEqual({ id: world.selfId, name: 'bot' })
    expect(host.chat.selfId()).toBe(world.selfId)
  })

  it('shows an expired QR code without the code', async () => {
    await host.start()
    world.showLoginQr()
    world.mocker.scan(LOGIN_QR_URL, types.ScanStatus.Timeout)
    expect(host.loginState()).toMatchObject({ status: 'timeout', qrUrl: null, account: null })
  })

  it('reports a logout on the phone, forgets the groups, and logs in again', async () => {
    world.createRoom({ name: 'r1', topic: 'T', owner: 'bot', members: ['alice'] })
    await startAndLogIn(host, world)
    expect(inbox.groups).toHaveLength(1)

    await world.logOut()
    await world.echoes.settled()
    expect(host.loginState().status).toBe('logged-out')
    expect(host.chat.selfId()).toBeNull()
    expect(inbox.groups).toEqual([])

    await host.login()
    world.logIn()
    await world.echoes.settled()
    expect(host.loginState().status).toBe('logged-in')
    expect(inbox.groups.map((group) => group.topic)).toEqual(['T'])
  })

  it('logs out from the app', async () => {
    await startAndLogIn(host, world)
    const loggedOut = new Promise<void>((resolve) => host.onLoginState((state) => state.status === 'logged-out' && resolve()))
    await host.logout()
    await loggedOut
    expect(host.loginState().account).toBeNull()
  })

  it('keeps running through errors from Wechaty and records them', async () => {
    await startAndLogIn(host, world)
    world.puppet.emit('error', { data: 'something odd in the puppet' })
    await new Promise((resolve) => setImmediate(resolve))
    expect(host.errors().map((error) => error.message)).toContain('something odd in the puppet')
    expect(host.loginState().status).toBe('logged-in')
  })
})

describe('groups', () => {
  it('lists groups on login with member counts and whether the bot may remove members', async () => {
    world.createRoom({ name: 'owned', topic: '孕妈交流群', owner: 'bot', members: ['alice', 'bob'] })
    world.createRoom({ name: 'admin', topic: '宝妈福利群', owner: 'carol', admins: ['bot'], members: ['alice'] })
    world.createRoom({ name: 'plain', topic: '闲聊', owner: 'carol', members: ['dave'] })
    await startAndLogIn(host, world)

    expect(groupNamed('owned')).toEqual({
      id: world.roomId('owned'),
      topic: '孕妈交流群',
      ownerId: world.selfId,
      adminIds: [],
      memberCount: 3,
      botCanRemove: true,
      rolesKnown: true,
    })
    expect(groupNamed('admin')).toMatchObject({ ownerId: world.contactId('carol'), botCanRemove: true, memberCount: 3 })
    expect(groupNamed('plain')).toMatchObject({ botCanRemove: false, memberCount: 3 })
    expect(host.groups()).toEqual(inbox.groups)
  })

  it('follows a group’s new topic', async () => {
    world.createRoom({ name: 'r1', topic: '孕妈交流群', owner: 'carol', members: ['alice'] })
    await startAndLogIn(host, world)
    world.renameRoom('r1', '孕妈交流群（2群）', 'carol')
    await world.echoes.settled()
    expect(groupNamed('r1')?.topic).toBe('孕妈交流群（2群）')
  })

  it('learns about a group the bot is invited into after login', async () => {
    await startAndLogIn(host, world)
    world.createRoom({ name: 'late', topic: '新群', owner: 'carol', members: ['alice'] })
    await world.echoes.settled()
    expect(groupNamed('late')).toMatchObject({ topic: '新群', botCanRemove: false })
    expect(inbox.joins).toEqual([])
  })
})

describe('events to the inbox', () => {
  beforeEach(async () => {
    world.createRoom({ name: 'r1', topic: 'T', owner: 'bot', members: ['alice', 'bob'] })
    await startAndLogIn(host, world)
  })

  it('delivers group messages with their kind and time, but not the bot’s own', async () => {
    const id = world.say('r1', 'alice', '加我微信看福利')
    clock.advance(60_000)
    world.say('r1', 'bob', 'https://example.com', 'link')
    world.say('r1', 'bob', '[语音]', 'voice')
    await host.chat.say(world.roomId('r1'), '请勿发广告', [])
    await world.echoes.settled()

    expect(inbox.messages).toEqual([
      {
        id,
        groupId: world.roomId('r1'),
        senderId: world.contactId('alice'),
        kind: 'text',
        text: '加我微信看福利',
        time: clock.now() - 60_000,
      },
      expect.objectContaining({ senderId: world.contactId('bob'), kind: 'link', time: clock.now() }),
      expect.objectContaining({ senderId: world.contactId('bob'), kind: 'voice' }),
    ])
  })

  it('delivers joins with the inviter, after updating the group', async () => {
    world.join('r1', ['carol', 'dave'], 'bob')
    await world.echoes.settled()
    expect(inbox.joins).toEqual([
      {
        groupId: world.roomId('r1'),
        memberIds: [world.contactId('carol'), world.contactId('dave')],
        inviterId: world.contactId('bob'),
        time: clock.now(),
      },
    ])
    expect(groupNamed('r1')?.memberCount).toBe(5)
  })
})

describe('ChatPort over Wechaty', () => {
  beforeEach(async () => {
    world.createRoom({ name: 'owned', topic: 'O', owner: 'bot', members: ['alice', 'bob'] })
    world.createRoom({ name: 'admin', topic: 'A', owner: 'carol', admins: ['bot', 'erin'], members: ['alice'] })
    world.createRoom({ name: 'plain', topic: 'P', owner: 'carol', members: ['alice'] })
    world.createRoom({ name: 'big', topic: 'B', owner: 'bot', members: ['alice', 'bob'], otherMembers: DIRECT_ADD_LIMIT })
    await startAndLogIn(host, world)
  })

  it('says text with a real @-mention', async () => {
    await host.chat.say(world.roomId('owned'), '请勿发广告', [world.contactId('alice')])
    const [said] = world.sent()
    expect(said).toMatchObject({ roomId: world.roomId('owned'), mentionIds: [world.contactId('alice')] })
    expect(said?.text).toMatch(/^@alice\s+请勿发广告$/u)
  })

  it('describes members, with the weixin id as stable id', async () => {
    const groupId = world.roomId('owned')
    expect(await host.chat.member(groupId, world.contactId('alice'))).toEqual({
      id: world.contactId('alice'),
      name: 'alice',
      stableId: 'wx_alice',
    })
    expect(await host.chat.isMember(groupId, world.contactId('alice'))).toBe(true)
    expect(await host.chat.isMember(groupId, world.contactId('carol'))).toBe(false)
    expect(await host.chat.member(groupId, world.contactId('carol'))).toBeNull()
    expect(await host.chat.group(groupId)).toMatchObject({ topic: 'O', botCanRemove: true })
  })

  it('falls back to the rep’s remark name as stable id, and to none; reports unknown roles where the puppet hides them', async () => {
    const bob = world.mocker.contactPayload(world.contactId('bob'))
    bob.weixin = undefined
    bob.alias = '老客户鲍勃'
    const dave = world.contactId('dave')
    world.mocker.contactPayload(dave).weixin = undefined
    world.createRoom({ name: 'hidden', topic: 'H', owner: 'carol', admins: ['bot'], members: ['bob', 'dave'], rolesHidden: true })
    await world.echoes.settled()
    const groupId = world.roomId('hidden')
    expect(await host.chat.member(groupId, world.contactId('bob'))).toMatchObject({ stableId: 'remark:老客户鲍勃' })
    expect(await host.chat.member(groupId, dave)).toMatchObject({ stableId: null })
    expect(await host.chat.group(groupId)).toMatchObject({ ownerId: null, adminIds: [], botCanRemove: false, rolesKnown: false })
    // Not refused on the puppet's silence: WeChat itself lets the admin remove.
    await host.chat.remove(groupId, dave)
    await world.echoes.settled()
    expect(world.memberNames('hidden')).not.toContain('dave')
  })

  it('removes members where the bot is owner or admin, and WeChat really removes them', async () => {
    await host.chat.remove(world.roomId('owned'), world.contactId('alice'))
    await host.chat.remove(world.roomId('admin'), world.contactId('alice'))
    await world.echoes.settled()

    expect(world.memberNames('owned')).toEqual(['bot', 'bob'])
    expect(world.memberNames('admin')).not.toContain('alice')
    expect(await host.chat.isMember(world.roomId('owned'), world.contactId('alice'))).toBe(false)
    expect(groupNamed('owned')?.memberCount).toBe(2)
  })

  it('refuses removal where the bot is a plain member, and where WeChat says no', async () => {
    const plain = host.chat.remove(world.roomId('plain'), world.contactId('alice'))
    await expect(plain).rejects.toBeInstanceOf(ChatRefusedError)
    await expect(plain).rejects.toMatchObject({ operation: 'remove' })

    // The bot is an admin here, but WeChat does not let an admin remove another admin.
    const admin = host.chat.remove(world.roomId('admin'), world.contactId('erin'))
    await expect(admin).rejects.toMatchObject({ operation: 'remove', reason: { code: 'target_is_admin' } })

    expect(world.memberNames('plain')).toContain('alice')
    expect(world.memberNames('admin')).toContain('erin')
  })

  it('adds members back in small groups, and for friends in big ones', async () => {
    await host.chat.remove(world.roomId('owned'), world.contactId('alice'))
    await host.chat.add(world.roomId('owned'), world.contactId('alice'))
    await world.echoes.settled()
    expect(world.memberNames('owned')).toContain('alice')
    expect(inbox.joins.at(-1)).toMatchObject({ memberIds: [world.contactId('alice')], inviterId: world.selfId })

    await host.chat.remove(world.roomId('big'), world.contactId('alice'))
    await host.chat.remove(world.roomId('big'), world.contactId('bob'))
    await world.echoes.settled()
    world.befriend('bob')
    await expect(host.chat.add(world.roomId('big'), world.contactId('alice'))).rejects.toMatchObject({ operation: 'add' })
    await host.chat.add(world.roomId('big'), world.contactId('bob'))
    await world.echoes.settled()
    expect(world.memberNames('big')).toContain('bob')
    expect(world.memberNames('big')).not.toContain('alice')
  })

  it('writes notes to the account’s own File Transfer chat', async () => {
    await host.chat.sayToSelf('alice 被移出了群 O')
    expect(world.sent()).toEqual([
      expect.objectContaining({ conversationId: FILE_HELPER_ID, roomId: null, text: 'alice 被移出了群 O', mentionIds: [] }),
    ])
  })
})
