import { afterEach, describe, expect, it } from 'vitest'
import { createHarness, DAY, eventKinds, T0, type Harness } from './guard-harness.ts'
import { RuleSetError } from '../../shared/rules/index.ts'

let h: Harness
afterEach(() => h?.close())

describe('warn, warn, remove', () => {
  it('warns twice with an @-mention, then removes on the third offence and verifies it', async () => {
    h = await createHarness()
    await h.send('alice', '专业代购，需要的私聊')
    await h.guard.flush()
    expect(h.chat.said).toEqual([
      { groupId: 'g1', text: '请勿在群内发布广告相关内容，警告 1/2，超过将被移出群聊。', mentionIds: ['alice'] },
    ])

    await h.send('alice', '加微信领红包')
    await h.send('alice', '还是代购')
    await h.guard.flush()
    expect(h.chat.said.map((s) => s.text)).toEqual([
      '请勿在群内发布广告相关内容，警告 1/2，超过将被移出群聊。',
      '请勿在群内发布广告相关内容，警告 2/2，超过将被移出群聊。',
      '小王 多次发布广告相关内容，已被移出群聊。',
    ])
    expect(h.chat.calls).toEqual(['remove g1 alice'])
    expect(await h.chat.isMember('g1', 'alice')).toBe(false)

    const events = h.store.events.list().reverse()
    expect(events.map((e) => [e.kind, e.status, e.rule, e.memberKey])).toEqual([
      ['warning', 'done', '广告', 'stable:wx_alice'],
      ['warning', 'done', '广告', 'stable:wx_alice'],
      ['removal', 'done', '广告', 'stable:wx_alice'],
    ])
    expect(events[2]!.detail).toMatchObject({ sanction: { kind: 'remove', strikeNumber: 3 } })
    expect(h.store.strikes.forMember('g1', 'stable:wx_alice')).toHaveLength(3)
  })

  it('records where in the message the rule matched', async () => {
    h = await createHarness()
    const text = '本人专业代购'
    await h.send('alice', text)
    const [warning] = h.store.events.list()
    const hits = warning!.detail.hits as { start: number; end: number }[]
    expect(hits.map((hit) => text.slice(hit.start, hit.end))).toEqual(['代购'])
  })

  it("uses the rule's own reply when it has one", async () => {
    h = await createHarness({ rules: [{ name: '广告', match: '代购', reply: '{name}，本群禁止{rule}（{count}/{limit}）' }] })
    await h.send('alice', '代购')
    await h.guard.flush()
    expect(h.chat.said[0]!.text).toBe('小王，本群禁止广告（1/2）')
  })

  it("removes at once for a 'remove' rule", async () => {
    h = await createHarness()
    await h.send('carol', '线上赌博')
    await h.guard.flush()
    expect(h.chat.calls).toEqual(['remove g1 carol'])
    expect(eventKinds(h.store)).toEqual(['removal'])
  })

  it("only tells the rep for an 'alert' rule", async () => {
    h = await createHarness()
    await h.send('carol', '高额返利活动')
    await h.guard.flush()
    expect(h.chat.said).toEqual([])
    expect(h.chat.notes).toEqual(['【群卫提醒】群「福利一群」中 小李 触发规则「返利」：高额返利活动'])
    expect(h.store.events.list()[0]).toMatchObject({ kind: 'alert', status: 'done', hit: true })
    expect(h.store.strikes.forMember('g1', 'stable:wx_carol')).toEqual([])
  })

  it('sends no note to the rep when notifySelf is off', async () => {
    h = await createHarness({ settings: { notifySelf: false } })
    await h.send('carol', '返利')
    await h.guard.flush()
    expect(h.chat.notes).toEqual([])
    expect(h.store.events.list()[0]).toMatchObject({ kind: 'alert', status: null })
  })
})

describe('one offence per message', () => {
  it('takes the first matching rule in priority order', async () => {
    h = await createHarness()
    await h.send('alice', '代购赌博')
    await h.guard.flush()
    expect(eventKinds(h.store)).toEqual(['warning'])
    expect(h.chat.calls).toEqual([])
  })

  it("lets an earlier 'ignore' rule shield the message", async () => {
    h = await createHarness()
    await h.send('alice', '官方通知：代购活动说明')
    await h.guard.flush()
    expect(eventKinds(h.store)).toEqual([])
    expect(h.chat.said).toEqual([])
  })

  it('judges a message delivered twice only once', async () => {
    h = await createHarness()
    await h.send('alice', '代购', { id: 'same' })
    await h.send('alice', '代购', { id: 'same' })
    expect(eventKinds(h.store)).toEqual(['warning'])
  })
})

describe('strike expiry', () => {
  it('starts counting again once earlier strikes have expired', async () => {
    h = await createHarness({ settings: { strikeExpiryDays: 7 } })
    await h.send('alice', '代购')
    await h.send('alice', '代购')
    await h.guard.flush()
    h.advance(7 * DAY)
    await h.send('alice', '代购')
    await h.guard.flush()
    expect(h.chat.calls).toEqual([])
    expect(h.chat.said.map((s) => s.text.match(/\d\/\d/)![0])).toEqual(['1/2', '2/2', '1/2'])
  })
})

describe('who is never touched', () => {
  it('skips the owner, admins, the bot itself and allow-listed members', async () => {
    h = await createHarness()
    h.store.allowList.add({ memberKey: 'stable:wx_carol', groupId: null, name: '小李', note: '同事', addedAt: T0 })
    for (const sender of ['owner', 'admin', 'bot', 'carol']) await h.send(sender, '赌博')
    await h.guard.flush()
    expect(eventKinds(h.store)).toEqual([])
    expect(h.chat.calls).toEqual([])
  })

  it('ignores groups that are not monitored, and keeps no history of them', async () => {
    h = await createHarness()
    h.store.groups.setMonitored('g1', false)
    await h.send('alice', '赌博')
    expect(eventKinds(h.store)).toEqual([])
    expect(h.store.messages.recent('g1', 10)).toEqual([])
  })

  it('starts new groups monitored or not as newGroupsMonitored says', async () => {
    h = await createHarness({ settings: { newGroupsMonitored: false } })
    h.chat.addGroup({ id: 'g3', topic: '新群', ownerId: 'owner', adminIds: [], botCanRemove: true, rolesKnown: true }, ['bot', 'alice'])
    await h.send('alice', '赌博', { groupId: 'g3' })
    expect(h.store.groups.get('g3')?.monitored).toBe(false)
    expect(eventKinds(h.store)).toEqual([])
  })
})

describe('member identity', () => {
  it('keys a member without a stable id on group and name', async () => {
    h = await createHarness()
    await h.send('bob', '代购')
    expect(h.store.events.list()[0]!.memberKey).toBe('name:g1:Bob')
    expect(h.store.members.get('g1', 'bob')?.memberKey).toBe('name:g1:Bob')
  })

  it('keeps message history with the sender key', async () => {
    h = await createHarness()
    await h.send('carol', '大家好', { id: 'hello' })
    expect(h.store.messages.recent('g1', 1)).toEqual([
      { id: 'hello', groupId: 'g1', senderId: 'carol', senderKey: 'stable:wx_carol', kind: 'text', text: '大家好', at: T0 },
    ])
  })
})

describe('dry run', () => {
  it('records what would have happened, globally, and sends nothing', async () => {
    h = await createHarness({ settings: { dryRun: true } })
    for (let k = 0; k < 3; k++) await h.send('alice', '代购')
    await h.send('carol', '返利')
    await h.guard.flush()
    expect(h.chat.said).toEqual([])
    expect(h.chat.notes).toEqual([])
    expect(h.chat.calls).toEqual([])
    const events = h.store.events.list().reverse()
    expect(events.map((e) => [e.kind, e.dryRun, e.status])).toEqual([
      ['warning', true, null],
      ['warning', true, null],
      ['removal', true, null],
      ['alert', true, null],
    ])
  })

  it('per rule, without dry-run strikes counting toward real decisions', async () => {
    h = await createHarness({ rules: [{ name: '广告', match: '代购', dryRun: true }, { name: '赌博', match: '赌博' }] })
    await h.send('alice', '代购')
    await h.send('alice', '代购')
    await h.send('alice', '赌博')
    await h.guard.flush()
    expect(h.chat.said.map((s) => s.text)).toEqual(['请勿在群内发布赌博相关内容，警告 1/2，超过将被移出群聊。'])
  })
})

describe('rules', () => {
  it('rejects a bad rule list and keeps the old one', async () => {
    h = await createHarness()
    await expect(h.guard.updateRules([{ name: 'x', match: '(' }])).rejects.toThrow(RuleSetError)
    expect(h.store.rules.list().map((r) => r.name)).toEqual(['官方', '广告', '赌博', '返利'])
  })

  it('picks up rules changed through another connection to the file', async () => {
    h = await createHarness()
    const { openStore } = await import('../../electron/store/index.ts')
    const other = openStore(h.path)
    other.rules.replaceAll([{ name: '新词', match: '兼职', reply: null, action: 'warn', enabled: true, scope: 'all', dryRun: false }])
    other.close()
    // Compiled in the background: the message that noticed the change met the rules in use, the next the new ones.
    await h.send('alice', '招兼职')
    expect(h.store.events.list()).toEqual([])
    await h.guard.refreshRules()
    await h.send('bob', '招兼职')
    expect(h.store.events.list()[0]!.rule).toBe('新词')
  })

  it('records unreadable stored rules as an event and keeps judging with the last good set', async () => {
    h = await createHarness()
    await h.send('alice', '代购')
    h.store.rules.replaceAll([{ name: 'bad', match: '(', reply: null, action: 'warn', enabled: true, scope: 'all', dryRun: false }])
    await h.send('alice', '代购')
    await h.guard.refreshRules()
    await h.send('alice', '代购')
    expect(eventKinds(h.store)).toEqual(['warning', 'warning', 'rules_invalid', 'removal'])
  })
})

describe('the event feed', () => {
  it('reports new events and their outcomes after they are committed', async () => {
    h = await createHarness()
    const seen: string[] = []
    h.guard.subscribe(({ type, event }) => seen.push(`${type} ${event.kind} ${event.status}`))
    await h.send('alice', '代购')
    await h.guard.flush()
    expect(seen).toEqual(['created warning pending', 'updated warning done'])
  })
})
