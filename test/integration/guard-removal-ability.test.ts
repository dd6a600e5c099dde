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

describe('where the puppet cannot tell whether the bot may remove', () => {
  async function unknownGroup(settings: Parameters<typeof createHarness>[0] = {}): Promise<void> {
    h = await createHarness(settings)
    const g3 = h.chat.addGroup({ id: 'g3', topic: '看不到群主的群', ownerId: null, adminIds: [], botCanRemove: false, rolesKnown: false }, ['bot', 'carol'])
    await h.guard.onGroupsChanged([g3])
  }

  it('asks the rep by default, and tries once the rep says the account is an admin there', async () => {
    await unknownGroup()
    await h.send('carol', '赌博', { groupId: 'g3' })
    expect(h.store.events.list({ kind: 'removal_needed' })[0]).toMatchObject({ groupId: 'g3', detail: { reasonCode: 'roles_unknown' } })
    h.guard.resolveTask(h.store.events.list({ kind: 'removal_needed' })[0]!.id, 'pardon')

    h.store.groups.setRepIsAdmin('g3', true)
    await h.send('carol', '赌博', { groupId: 'g3' })
    await h.guard.flush()
    expect(h.chat.calls).toEqual(['remove g3 carol'])
  })

  it('tries anyway when set to, and a refusal then becomes the rep\'s task', async () => {
    await unknownGroup({ settings: { removalWhenUnknown: 'attempt' } })
    h.chat.refuse.remove = 'no permission'
    await h.send('carol', '赌博', { groupId: 'g3' })
    await h.guard.flush()
    expect(h.chat.calls).toEqual(['remove g3 carol'])
    expect(eventKinds(h.store)).toEqual(['removal', 'removal_needed'])
  })
})

describe('a member invited by an outsider', () => {
  it('is only reported in a quiet group, even when the setting says remove', async () => {
    h = await createHarness({ settings: { outsiderInviteAction: 'remove' } })
    h.store.groups.setQuiet('g1', true)
    h.chat.addContact('mallory', '小马')
    h.chat.groups.get('g1')!.members.add('mallory')
    await h.guard.onJoin({ groupId: 'g1', memberIds: ['mallory'], inviterId: 'alice', time: h.now() })
    await h.guard.flush()
    expect(h.store.events.list()[0]).toMatchObject({ kind: 'outsider_invite', detail: { action: 'alert', inviterName: '小王' } })
    expect(h.chat.calls).toEqual([])
    expect(h.chat.notes).toEqual([expect.stringContaining('小王 把 小马 拉进了群「福利一群」')])
  })

  it('is welcome when the owner, an admin or the account invited them', async () => {
    h = await createHarness({ settings: { outsiderInviteAction: 'remove', welcomeTemplate: '欢迎！' } })
    h.chat.addContact('amy', '小艾')
    h.chat.groups.get('g1')!.members.add('amy')
    await h.guard.onJoin({ groupId: 'g1', memberIds: ['amy'], inviterId: 'admin', time: h.now() })
    await h.guard.flush()
    expect(eventKinds(h.store)).toEqual([])
    expect(h.chat.said).toEqual([{ groupId: 'g1', text: '欢迎！', mentionIds: ['amy'] }])
  })
})
