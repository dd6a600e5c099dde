import { afterEach, describe, expect, it } from 'vitest'
import { bobAndAnotherBobJoinAfterRelogin, createHarness, eventKinds, type Harness } from './guard-harness.ts'

let h: Harness
afterEach(() => h?.close())

async function removeCarolFromG1(): Promise<number> {
  await h.send('carol', '赌博')
  await h.guard.flush()
  return h.store.events.list({ kind: 'removal' })[0]!.id
}

describe('a removed member joining a monitored group', () => {
  it('is reported to the rep by default', async () => {
    h = await createHarness()
    const removalId = await removeCarolFromG1()
    await h.join('g2', 'carol')
    await h.guard.flush()

    const joined = h.store.events.list()[0]!
    expect(joined).toMatchObject({
      kind: 'known_offender_joined',
      groupId: 'g2',
      memberName: '小李',
      rule: '赌博',
      status: 'done',
      detail: { previousRemovalId: removalId, previousGroupId: 'g1', action: 'alert' },
    })
    expect(h.chat.notes).toEqual(['【群卫提醒】小李 曾因「赌博」被移出群「福利一群」，现加入了群「福利二群」，请留意。'])
    expect(await h.chat.isMember('g2', 'carol')).toBe(true)
  })

  it('is removed when the setting says so, and that removal can be undone', async () => {
    h = await createHarness({ settings: { knownOffenderAction: 'remove' } })
    await removeCarolFromG1()
    await h.join('g2', 'carol')
    await h.guard.flush()
    expect(h.chat.calls).toEqual(['remove g1 carol', 'remove g2 carol'])
    const removal = h.store.events.list({ kind: 'removal', groupId: 'g2' })[0]!
    expect(removal).toMatchObject({ status: 'done', hit: false, detail: { knownOffender: true } })
    expect(h.store.strikes.forMember('g2', 'stable:wx_carol')).toEqual([])

    h.guard.undoRemoval(removal.id)
    await h.guard.flush()
    expect(await h.chat.isMember('g2', 'carol')).toBe(true)
  })

  it('is only reported in a quiet group', async () => {
    h = await createHarness({ settings: { knownOffenderAction: 'remove' } })
    await removeCarolFromG1()
    h.store.groups.setQuiet('g2', true)
    await h.join('g2', 'carol')
    await h.guard.flush()
    expect(h.chat.calls).toEqual(['remove g1 carol'])
    expect(h.store.events.list()[0]).toMatchObject({ kind: 'known_offender_joined', detail: { action: 'alert', divertedToRep: true } })
  })

  it('is recognised by puppet id even without a stable id', async () => {
    h = await createHarness()
    await h.send('bob', '赌博')
    await h.guard.flush()
    await h.join('g2', 'bob')
    expect(eventKinds(h.store)).toEqual(['removal', 'known_offender_joined'])
  })

  it('is not reported once the removal was undone, nor for failed removals', async () => {
    h = await createHarness()
    const removalId = await removeCarolFromG1()
    h.guard.undoRemoval(removalId)
    await h.guard.flush()
    await h.join('g2', 'carol')

    h.chat.refuse.remove = '无权限'
    await h.send('alice', '赌博')
    await h.guard.flush()
    await h.join('g2', 'alice')
    expect(eventKinds(h.store)).not.toContain('known_offender_joined')
  })

  it('is ignored for new members with a clean record and for unmonitored groups', async () => {
    h = await createHarness()
    await removeCarolFromG1()
    h.store.groups.setMonitored('g2', false)
    await h.join('g2', 'carol')
    h.chat.addContact('erin', '新人')
    await h.join('g1', 'erin')
    expect(eventKinds(h.store)).toEqual(['removal'])
  })
})

describe('a member without a stable id', () => {
  it('is matched after a re-login by name and avatar only as "probable": an alert, never a removal', async () => {
    h = await createHarness({ settings: { knownOffenderAction: 'remove' } })
    h.chat.avatars.set('bob', 'avatar-1')
    await h.send('bob', '赌博')
    await h.guard.flush()
    expect(h.store.events.list({ kind: 'removal' })[0]).toMatchObject({ status: 'done', memberId: 'bob' })

    await bobAndAnotherBobJoinAfterRelogin(h)

    const joined = h.store.events.list({ kind: 'known_offender_joined' })
    expect(joined).toHaveLength(1)
    expect(joined[0]).toMatchObject({ memberId: 'bob-again', detail: { probable: true, action: 'alert' } })
    expect(h.chat.calls).toEqual(['remove g1 bob'])
  })
})
