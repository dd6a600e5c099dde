import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { DEFAULT_SETTINGS } from '../../shared/policy/index.ts'
import type { Rule } from '../../shared/rules/types.ts'
import { SCHEMA_VERSION, SettingError, openStore, type EventChange, type Store } from '../../electron/store/index.ts'
import type { ChatGroup } from '../../electron/wechat/chat-port.ts'

const T0 = Date.UTC(2026, 0, 15)
let dir: string
let path: string
let store: Store

const group = (overrides: Partial<ChatGroup> = {}): ChatGroup => ({
  id: 'g1@chatroom',
  topic: '福利群',
  ownerId: 'owner',
  adminIds: ['admin'],
  memberCount: 120,
  botCanRemove: true,
  ...overrides,
})

const rule = (name: string, overrides: Partial<Rule> = {}): Rule => ({
  name,
  match: name,
  reply: null,
  action: 'warn',
  enabled: true,
  scope: 'all',
  dryRun: false,
  ...overrides,
})

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'qunguard-store-'))
  path = join(dir, 'data', 'qunguard.sqlite')
  store = openStore(path)
})

afterEach(() => {
  store.close()
  rmSync(dir, { recursive: true, force: true })
})

describe('opening the file', () => {
  it('creates the folder, migrates, and runs in WAL mode with foreign keys on', () => {
    const raw = new Database(path, { readonly: true })
    expect(raw.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION)
    expect(raw.pragma('journal_mode', { simple: true })).toBe('wal')
    raw.close()
    store.groups.sync(group(), T0, true)
    expect(() =>
      store.strikes.add({ groupId: 'nowhere', memberKey: 'k', rule: 'r', messageId: null, at: T0, expiresAt: T0, dryRun: false }),
    ).toThrow(/FOREIGN KEY/)
  })

  it('keeps data across reopening without migrating again', () => {
    store.groups.sync(group(), T0, true)
    store.close()
    store = openStore(path)
    expect(store.groups.get('g1@chatroom')?.topic).toBe('福利群')
  })

  it('refuses a file from a newer version of the app', () => {
    store.close()
    const raw = new Database(path)
    raw.pragma(`user_version = ${SCHEMA_VERSION + 1}`)
    raw.close()
    expect(() => openStore(path)).toThrow(/newer/)
    store = openStore(join(dir, 'other.sqlite'))
  })
})

describe('settings', () => {
  it('reads defaults until changed, and writes typed values', () => {
    expect(store.settings.all()).toEqual(DEFAULT_SETTINGS)
    store.settings.update({ warningsBeforeRemoval: 3, knownOffenderAction: 'remove' })
    expect(store.settings.get('warningsBeforeRemoval')).toBe(3)
    expect(store.settings.all().knownOffenderAction).toBe('remove')
    store.settings.reset('warningsBeforeRemoval')
    expect(store.settings.get('warningsBeforeRemoval')).toBe(2)
  })

  it('writes nothing when any change is invalid', () => {
    expect(() => store.settings.update({ quietMode: true, rateLimitPerMinute: -1 })).toThrow(SettingError)
    expect(() => store.settings.update({ noSuchThing: 1 } as never)).toThrow(/no such setting/)
    expect(store.settings.get('quietMode')).toBe(false)
  })

  it('reads a damaged stored value as the default', () => {
    store.close()
    const raw = new Database(path)
    raw.prepare("INSERT INTO settings (key, value) VALUES ('retentionDays', '\"lots\"'), ('dryRun', '{oops')").run()
    raw.close()
    store = openStore(path)
    expect(store.settings.get('retentionDays')).toBe(30)
    expect(store.settings.get('dryRun')).toBe(false)
  })
})

describe('rules', () => {
  it('keeps the priority order and every field, and bumps the revision on each change', () => {
    const before = store.rules.revision()
    const rules = [rule('b', { scope: ['g1@chatroom'], dryRun: true, reply: '{name}' }), rule('a', { action: 'ignore', enabled: false })]
    store.rules.replaceAll(rules)
    expect(store.rules.list()).toEqual(rules)
    expect(store.rules.revision()).toBe(before + 1)
    store.rules.replaceAll([rules[1]!])
    expect(store.rules.list().map((r) => r.name)).toEqual(['a'])
  })

  it('shows the revision change to another connection', () => {
    const other = openStore(path)
    const seen = other.rules.revision()
    store.rules.replaceAll([rule('x')])
    expect(other.rules.revision()).toBe(seen + 1)
    other.close()
  })
})

describe('groups, members and the allow list', () => {
  it('keeps the rep’s switches when WeChat reports a group again', () => {
    expect(store.groups.sync(group(), T0, false).monitored).toBe(false)
    store.groups.setMonitored('g1@chatroom', true)
    store.groups.setQuiet('g1@chatroom', true)
    const again = store.groups.sync(group({ topic: '新名字', adminIds: [] }), T0 + 1, false)
    expect(again).toMatchObject({ topic: '新名字', monitored: true, quiet: true, adminIds: [], firstSeen: T0, updatedAt: T0 + 1 })
  })

  it('tracks members by group and id', () => {
    store.groups.sync(group(), T0, true)
    store.members.touch({ groupId: 'g1@chatroom', memberId: 'm1', memberKey: 'stable:w1', name: 'A', at: T0 })
    store.members.touch({ groupId: 'g1@chatroom', memberId: 'm1', memberKey: 'stable:w1', name: 'A2', at: T0 + 5 })
    expect(store.members.get('g1@chatroom', 'm1')).toEqual({
      groupId: 'g1@chatroom',
      memberId: 'm1',
      memberKey: 'stable:w1',
      name: 'A2',
      firstSeen: T0,
      lastSeen: T0 + 5,
    })
  })

  it('allows a member in one group or in every group', () => {
    store.allowList.add({ memberKey: 'k1', groupId: 'g1', name: 'A', note: null, addedAt: T0 })
    store.allowList.add({ memberKey: 'k2', groupId: null, name: 'B', note: '同事', addedAt: T0 })
    expect(store.allowList.covers('k1', 'g1')).toBe(true)
    expect(store.allowList.covers('k1', 'g2')).toBe(false)
    expect(store.allowList.covers('k2', 'g2')).toBe(true)
    expect(store.allowList.remove('k2', null)).toBe(true)
    expect(store.allowList.list().map((entry) => [entry.memberKey, entry.groupId])).toEqual([['k1', 'g1']])
  })
})

describe('strikes', () => {
  it('revokes one or all of a member’s strikes, once', () => {
    store.groups.sync(group(), T0, true)
    const strike = { groupId: 'g1@chatroom', memberKey: 'k', rule: 'r', messageId: 'msg', at: T0, expiresAt: T0 + 1000, dryRun: false }
    const first = store.strikes.add(strike)
    store.strikes.add({ ...strike, at: T0 + 1 })
    expect(store.strikes.revoke(first, T0 + 2)).toBe(true)
    expect(store.strikes.revoke(first, T0 + 3)).toBe(false)
    expect(store.strikes.revokeAllForMember('g1@chatroom', 'k', T0 + 4)).toBe(1)
    expect(store.strikes.forMember('g1@chatroom', 'k').map((s) => s.revokedAt)).toEqual([T0 + 2, T0 + 4])
  })
})

describe('events', () => {
  it('tells listeners only after the transaction commits, once per event, and nothing on rollback', () => {
    const changes: EventChange[] = []
    const unsubscribe = store.events.subscribe((change) => changes.push(change))
    store.transaction(() => {
      const id = store.events.add({ kind: 'warning', at: T0, status: 'pending' })
      store.events.setStatus(id, 'done')
      expect(changes).toEqual([])
    })
    expect(changes.map((c) => [c.type, c.event.kind, c.event.status])).toEqual([['created', 'warning', 'done']])
    expect(() =>
      store.transaction(() => {
        store.events.add({ kind: 'alert', at: T0 })
        throw new Error('rolled back')
      }),
    ).toThrow('rolled back')
    expect(changes).toHaveLength(1)
    store.events.add({ kind: 'login', at: T0 })
    expect(changes.map((c) => c.event.kind)).toEqual(['warning', 'login'])
    unsubscribe()
    store.events.add({ kind: 'logout', at: T0 })
    expect(changes).toHaveLength(2)
  })

  it('takes verdicts on rule hits only and reports precision per rule', () => {
    const hit = (rule: string) => store.events.add({ kind: 'warning', at: T0, rule, hit: true })
    const [a1, a2, a3] = [hit('a'), hit('a'), hit('a')]
    hit('b')
    const notHit = store.events.add({ kind: 'removal', at: T0, rule: 'a' })
    expect(store.events.setVerdict(a1, 'confirmed')).toBe(true)
    expect(store.events.setVerdict(a2, 'confirmed')).toBe(true)
    expect(store.events.setVerdict(a3, 'false_positive')).toBe(true)
    expect(store.events.setVerdict(notHit, 'confirmed')).toBe(false)
    expect(store.events.precisionByRule()).toEqual([
      { rule: 'a', confirmed: 2, falsePositive: 1, unjudged: 0, precision: 2 / 3 },
      { rule: 'b', confirmed: 0, falsePositive: 0, unjudged: 1, precision: null },
    ])
  })

  it('finds a member’s last real removal by key or by puppet id, across groups', () => {
    const removal = (overrides: object) =>
      store.events.add({ kind: 'removal', at: T0, memberKey: 'k', memberId: 'm', status: 'done', ...overrides })
    removal({ dryRun: true })
    removal({ status: 'failed' })
    const real = removal({ groupId: 'g2' })
    expect(store.events.lastRemovalOf({ memberKey: 'other', memberId: 'm' })?.id).toBe(real)
    expect(store.events.lastRemovalOf({ memberKey: 'k', memberId: 'other' })?.id).toBe(real)
    store.events.markOverridden(real)
    expect(store.events.lastRemovalOf({ memberKey: 'k', memberId: 'm' })).toBeNull()
  })

  it('closes a review once', () => {
    const id = store.events.add({ kind: 'alert', at: T0, review: 'open' })
    expect(store.events.openReviews().map((e) => e.id)).toEqual([id])
    expect(store.events.resolveReview(id, 'dismissed')).toBe(true)
    expect(store.events.resolveReview(id, 'warned')).toBe(false)
    expect(store.events.openReviews()).toEqual([])
  })

  it('pages back through the log, newest first, with filters', () => {
    for (let k = 0; k < 5; k++) store.events.add({ kind: k % 2 ? 'alert' : 'warning', at: T0 + k, groupId: 'g' })
    const page = store.events.list({ limit: 2 })
    expect(page.map((e) => e.at)).toEqual([T0 + 4, T0 + 3])
    expect(store.events.list({ beforeId: page[1]!.id, kind: 'warning' }).map((e) => e.at)).toEqual([T0 + 2, T0])
  })
})

describe('pending actions', () => {
  it('hands out due actions in order and requeues running ones after a crash, flagged', () => {
    const later = store.actions.enqueue({ kind: 'notify_self', payload: { text: 'later' }, eventId: null, createdAt: T0, notBefore: T0 + 10 })
    const first = store.actions.enqueue({ kind: 'say', payload: { groupId: 'g', text: 'hi', mentionIds: ['m'] }, eventId: null, createdAt: T0 })
    expect(store.actions.nextDue(T0)?.id).toBe(first)
    expect(store.actions.nextDueAt()).toBe(T0)
    store.actions.markRunning(first, T0)
    expect(store.actions.nextDue(T0)).toBeNull()
    expect(store.actions.startTimesSince(T0)).toEqual([T0])
    store.close()
    store = openStore(path)
    expect(store.actions.requeueInterrupted()).toBe(1)
    expect(store.actions.get(first)).toMatchObject({ status: 'queued', interrupted: true, attempts: 1 })
    expect(store.actions.nextDue(T0 + 10)?.id).toBe(first)
    store.actions.settle(first, 'done', T0 + 11)
    expect(store.actions.nextDue(T0 + 10)?.id).toBe(later)
  })

  it('starts only a queued action: one already running (another process, a second flush) is left alone', () => {
    const id = store.actions.enqueue({ kind: 'say', payload: { groupId: 'g', text: 'hi', mentionIds: [] }, eventId: null, createdAt: T0 })
    expect(store.actions.markRunning(id, T0)).toBe(true)
    expect(store.actions.markRunning(id, T0 + 1)).toBe(false)
    expect(store.actions.get(id)).toMatchObject({ status: 'running', attempts: 1, startedAt: T0 })
    store.actions.settle(id, 'done', T0 + 2)
    expect(store.actions.markRunning(id, T0 + 3)).toBe(false)
    expect(store.actions.get(id)).toMatchObject({ status: 'done', attempts: 1 })
  })

  it('cancels queued actions of an overridden event and purges settled ones', () => {
    const eventId = store.events.add({ kind: 'warning', at: T0 })
    const id = store.actions.enqueue({ kind: 'notify_self', payload: { text: 'x' }, eventId, createdAt: T0 })
    expect(store.actions.cancelQueuedForEvent(eventId, T0 + 1)).toBe(1)
    expect(store.actions.get(id)?.status).toBe('cancelled')
    expect(store.actions.purgeSettledBefore(T0 + 2)).toBe(1)
    expect(store.actions.list()).toEqual([])
  })
})

describe('message history', () => {
  it('records a message once and purges past the retention cut-off', () => {
    store.groups.sync(group(), T0, true)
    const message = { id: 'msg1', groupId: 'g1@chatroom', senderId: 'm', senderKey: 'k', kind: 'text' as const, text: 'hi', at: T0 }
    expect(store.messages.insert(message)).toBe(true)
    expect(store.messages.insert(message)).toBe(false)
    store.messages.insert({ ...message, id: 'msg2', at: T0 + 10 })
    expect(store.messages.purgeBefore(T0 + 5)).toBe(1)
    expect(store.messages.recent('g1@chatroom', 10).map((m) => m.id)).toEqual(['msg2'])
  })
})
