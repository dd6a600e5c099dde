import { afterEach, describe, expect, it } from 'vitest'
import { capabilitiesOf } from '../../shared/capabilities/index.ts'
import { createHarness, eventKinds, type Harness } from './guard-harness.ts'

let h: Harness
afterEach(() => h?.close())

describe('on a puppet that cannot remove (web WeChat)', () => {
  it('warns without promising a removal, then opens one task that later offences add to', async () => {
    h = await createHarness()
    h.chat.abilities = capabilitiesOf('wechaty-puppet-wechat4u')
    for (let k = 0; k < 5; k++) await h.send('alice', '代购')
    await h.guard.flush()

    expect(eventKinds(h.store)).toEqual(['warning', 'warning', 'removal_needed'])
    expect(h.chat.calls).toEqual([])
    expect(h.chat.said.map((message) => message.text)).toEqual([
      '请勿在群内发布广告相关内容（提醒 1/2）。',
      '请勿在群内发布广告相关内容（提醒 2/2）。',
    ])
    const task = h.store.events.list({ kind: 'removal_needed' })[0]!
    expect(task).toMatchObject({ status: 'needs_rep', hit: true, detail: { reasonCode: 'puppet_cannot' } })
    expect(task.detail.laterOffences).toMatchObject([{ rule: '广告', text: '代购' }, { rule: '广告', text: '代购' }])
    // One note for the task, none for the offences after it.
    expect(h.chat.notes).toHaveLength(1)
    // Three strikes: the two warnings and the one that opened the task; the later offences add none.
    expect(h.store.strikes.forMember('g1', 'stable:wx_alice')).toHaveLength(3)
  })

  it('records the rep\'s "done" as a removal the known-offender check finds in every group', async () => {
    h = await createHarness({ settings: { warningsBeforeRemoval: 0 } })
    h.chat.abilities = capabilitiesOf('wechaty-puppet-wechat4u')
    await h.send('carol', '代购')
    const task = h.store.events.list({ kind: 'removal_needed' })[0]!
    expect(h.store.events.lastRemovalOf({ memberKey: 'stable:wx_carol', memberId: 'carol' })).toBeNull()

    h.guard.resolveTask(task.id, 'done')
    expect(h.store.events.get(task.id)).toMatchObject({ status: 'done', detail: { removedBy: 'rep' } })
    expect(h.store.events.lastRemovalOf({ memberKey: 'stable:wx_carol', memberId: 'carol' })?.id).toBe(task.id)
    // Closed: the next offence (had she stayed) starts a new case.
    expect(h.store.events.openRemovalOf('g1', 'stable:wx_carol')).toBeNull()
  })
})

describe('a removal under way', () => {
  it('takes a member\'s further offences in that group on its card, and queues nothing more', async () => {
    h = await createHarness()
    h.chat.self = null // logged out: the removal waits in the queue
    await h.send('carol', '赌博')
    await h.send('carol', '代购')
    await h.send('carol', '赌博')
    // Another group is another case.
    h.chat.groups.get('g2')!.members.add('carol')
    await h.send('carol', '赌博', { groupId: 'g2' })
    expect(h.store.actions.list().filter((action) => action.kind === 'remove')).toHaveLength(2)
    const removal = h.store.events.list({ kind: 'removal', groupId: 'g1' })[0]!
    expect(removal.detail.laterOffences).toMatchObject([{ rule: '广告' }, { rule: '赌博' }])

    h.chat.self = 'bot'
    await h.guard.flush()
    expect(h.chat.calls).toEqual(['remove g1 carol', 'remove g2 carol'])
    expect(eventKinds(h.store)).toEqual(['removal', 'removal'])
  })
})
