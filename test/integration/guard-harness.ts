// A small in-memory WeChat behind the ChatPort seam, and a guard on a real SQLite file with a virtual clock.
// Only for the guard's own tests: end-to-end tests run on the Wechaty mock puppet through the simulator.
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createGuard, type Guard } from '../../electron/guard/index.ts'
import { openStore, type Store } from '../../electron/store/index.ts'
import { ChatRefusedError, type ChatGroup, type ChatMember, type ChatPort } from '../../electron/wechat/chat-port.ts'
import { capabilitiesOf, type PuppetCapabilities } from '../../shared/capabilities/index.ts'
import type { Settings } from '../../shared/policy/index.ts'
import type { MessageKind, RuleInput } from '../../shared/rules/types.ts'

export const T0 = Date.UTC(2026, 0, 15, 2, 0, 0)
export const MINUTE = 60_000
export const DAY = 24 * 60 * MINUTE

export const RULES: RuleInput[] = [
  { name: '官方', match: '官方通知', action: 'ignore' },
  { name: '广告', match: '代购 | 加微信' },
  { name: '赌博', match: '赌博', action: 'remove' },
  { name: '返利', match: '返利', action: 'alert' },
]

type Operation = 'say' | 'remove' | 'add'

export class FakeChat implements ChatPort {
  self: string | null = 'bot'
  /** What the puppet behind this fake can do: the simulated WeChat's abilities unless a test says otherwise. */
  abilities: PuppetCapabilities = capabilitiesOf('wechaty-puppet-mock')
  readonly groups = new Map<string, { group: ChatGroup; members: Set<string> }>()
  readonly contacts = new Map<string, ChatMember>()
  /** Avatar hashes by contact id; a contact without one has no avatar. */
  readonly avatars = new Map<string, string>()
  readonly said: { groupId: string; text: string; mentionIds: readonly string[] }[] = []
  readonly notes: string[] = []
  /** Every remove and add asked for, as "remove g1 alice". */
  readonly calls: string[] = []
  /** WeChat refuses these operations with the given reason. */
  refuse: Partial<Record<Operation, string>> = {}
  /** remove() reports success but the member stays: WeChat sometimes does this. */
  removalsDoNothing = false
  /** The next this-many say/remove/add calls fail like a dropped connection. */
  transientFailures = 0
  /** The next this-many say/remove/add calls happen in WeChat, then time out: the caller cannot tell they did. */
  timeoutsAfterEffect = 0
  /** The operation happens in WeChat, then the call never returns: the app dies mid-action. */
  hangAfter: Operation | null = null

  addContact(id: string, name: string, stableId: string | null = `wx_${id}`): void {
    this.contacts.set(id, { id, name, stableId })
  }

  addGroup(group: Omit<ChatGroup, 'memberCount'>, memberIds: string[]): ChatGroup {
    const full = { ...group, memberCount: memberIds.length }
    this.groups.set(group.id, { group: full, members: new Set(memberIds) })
    return full
  }

  capabilities(): PuppetCapabilities {
    return this.abilities
  }

  selfId(): string | null {
    return this.self
  }

  async group(groupId: string): Promise<ChatGroup | null> {
    return this.groups.get(groupId)?.group ?? null
  }

  async member(groupId: string, memberId: string): Promise<ChatMember | null> {
    return this.groups.get(groupId)?.members.has(memberId) ? (this.contacts.get(memberId) ?? null) : null
  }

  async isMember(groupId: string, memberId: string): Promise<boolean> {
    return this.groups.get(groupId)?.members.has(memberId) ?? false
  }

  async avatarHash(contactId: string): Promise<string | null> {
    return this.avatars.get(contactId) ?? null
  }

  async say(groupId: string, text: string, mentionIds: readonly string[]): Promise<void> {
    this.gate('say')
    this.said.push({ groupId, text, mentionIds })
    this.maybeTimeOut()
    await this.maybeHang('say')
  }

  async sayToSelf(text: string): Promise<void> {
    this.notes.push(text)
  }

  async remove(groupId: string, memberId: string): Promise<void> {
    this.calls.push(`remove ${groupId} ${memberId}`)
    this.gate('remove')
    if (!this.removalsDoNothing) this.groups.get(groupId)?.members.delete(memberId)
    this.maybeTimeOut()
    await this.maybeHang('remove')
  }

  async add(groupId: string, memberId: string): Promise<void> {
    this.calls.push(`add ${groupId} ${memberId}`)
    this.gate('add')
    this.groups.get(groupId)?.members.add(memberId)
    await this.maybeHang('add')
  }

  private gate(operation: Operation): void {
    if (this.transientFailures > 0) {
      this.transientFailures--
      throw new Error('connection reset')
    }
    const reason = this.refuse[operation]
    if (reason) throw new ChatRefusedError(operation, reason)
  }

  private maybeTimeOut(): void {
    if (this.timeoutsAfterEffect > 0) {
      this.timeoutsAfterEffect--
      throw new Error('request timed out after 30000ms')
    }
  }

  private maybeHang(operation: Operation): Promise<void> {
    return this.hangAfter === operation ? new Promise<void>(() => {}) : Promise.resolve()
  }
}

/** Two groups: g1 (owner, admin, alice, bob, carol) and g2 (owner2, dave); the bot is in both. */
export function standardWorld(): FakeChat {
  const chat = new FakeChat()
  chat.addContact('bot', '群卫小助手')
  chat.addContact('owner', '群主')
  chat.addContact('admin', '管理员')
  chat.addContact('alice', '小王')
  chat.addContact('bob', 'Bob', null)
  chat.addContact('carol', '小李')
  chat.addContact('owner2', '二群群主')
  chat.addContact('dave', '老张')
  chat.addGroup(
    { id: 'g1', topic: '福利一群', ownerId: 'owner', adminIds: ['admin'], botCanRemove: true, rolesKnown: true },
    ['bot', 'owner', 'admin', 'alice', 'bob', 'carol'],
  )
  chat.addGroup({ id: 'g2', topic: '福利二群', ownerId: 'owner2', adminIds: [], botCanRemove: true, rolesKnown: true }, ['bot', 'owner2', 'dave'])
  return chat
}

export interface Harness {
  readonly dir: string
  readonly path: string
  store: Store
  guard: Guard
  chat: FakeChat
  now(): number
  advance(ms: number): void
  /** Delivers a message from `senderId` and waits for the guard to record its decision. */
  send(senderId: string, text: string, options?: { groupId?: string; kind?: MessageKind; id?: string }): Promise<string>
  /** Delivers a join of `memberId` to `groupId`, adding them to the group first. */
  join(groupId: string, memberId: string): Promise<void>
  /** Simulates the app dying: the store is closed without the guard finishing; a new store and guard start. */
  restart(chat?: FakeChat): void
  close(): void
}

export async function createHarness(
  options: {
    settings?: Partial<Settings>
    rules?: RuleInput[]
    chat?: FakeChat
    /** Replaces the virtual clock (advance() then does nothing): for timer-mode tests on fake timers. */
    clock?: () => number
  } = {},
): Promise<Harness> {
  const dir = mkdtempSync(join(tmpdir(), 'qunguard-guard-'))
  const path = join(dir, 'qunguard.sqlite')
  let time = T0
  let messageCount = 0
  const clock = options.clock ?? (() => time)

  const harness: Harness = {
    dir,
    path,
    store: openStore(path),
    chat: options.chat ?? standardWorld(),
    guard: undefined as unknown as Guard,
    now: clock,
    advance(ms) {
      time += ms
    },
    async send(senderId, text, sendOptions = {}) {
      const id = sendOptions.id ?? `msg-${++messageCount}`
      await harness.guard.onMessage({
        id,
        groupId: sendOptions.groupId ?? 'g1',
        senderId,
        kind: sendOptions.kind ?? 'text',
        text,
        time,
      })
      return id
    },
    async join(groupId, memberId) {
      harness.chat.groups.get(groupId)!.members.add(memberId)
      await harness.guard.onJoin({ groupId, memberIds: [memberId], inviterId: null, time })
    },
    restart(chat = harness.chat) {
      harness.store.close()
      harness.store = openStore(path)
      harness.chat = chat
      harness.guard = createGuard({ store: harness.store, chat, clock })
    },
    close() {
      harness.store.close()
      rmSync(dir, { recursive: true, force: true })
    },
  }
  harness.guard = createGuard({ store: harness.store, chat: harness.chat, clock })
  if (options.settings) harness.store.settings.update(options.settings)
  await harness.guard.updateRules(options.rules ?? RULES)
  await harness.guard.onGroupsChanged([...harness.chat.groups.values()].map((entry) => entry.group))
  return harness
}

/**
 * After a re-login web WeChat gives everyone new ids: Bob (avatar-1, no stable id) comes back to g2 as another contact,
 * and so does someone else called Bob with another avatar.
 */
export async function bobAndAnotherBobJoinAfterRelogin(h: Harness): Promise<void> {
  h.chat.addContact('bob-again', 'Bob', null)
  h.chat.avatars.set('bob-again', 'avatar-1')
  h.chat.addContact('other-bob', 'Bob', null)
  h.chat.avatars.set('other-bob', 'avatar-2')
  await h.join('g2', 'bob-again')
  await h.join('g2', 'other-bob')
  await h.guard.flush()
}

export function eventKinds(store: Store): string[] {
  return store.events
    .list({ limit: 1000 })
    .reverse()
    .map((event) => event.kind)
}
