// A member the rep marked as a known offender from their story: screened at every join of a monitored group exactly
// like a member removed before (same setting, same rep note, same removal), until the rep takes the mark back.
import { afterEach, describe, expect, it } from 'vitest'
import { OverrideError } from '../../electron/guard/index.ts'
import { bobAndAnotherBobJoinAfterRelogin, createHarness, eventKinds, type Harness } from './guard-harness.ts'

let h: Harness
afterEach(() => h?.close())

const CAROL = 'stable:wx_carol'

/** Carol offends once in g1 (a warning: the guard knows her), then the rep marks her with a reason. */
async function markCarol(reason: string | null = '私下拉人去别的群'): Promise<number> {
  await h.send('carol', '代购')
  await h.guard.flush()
  return h.guard.markOffender({ memberKey: CAROL, reason }).id
}

describe('a member the rep marked as a known offender', () => {
  it('is reported when they join another monitored group, with the rep’s reason in the note and the feed', async () => {
    h = await createHarness()
    const markId = await markCarol()
    expect(h.store.events.get(markId)).toMatchObject({ kind: 'offender_marked', memberKey: CAROL, memberName: '小李', detail: { markReason: '私下拉人去别的群' } })
    await h.join('g2', 'carol')
    await h.guard.flush()

    expect(h.store.events.list({ kind: 'known_offender_joined' })[0]).toMatchObject({
      groupId: 'g2',
      memberKey: CAROL,
      rule: null,
      detail: { markedByRep: true, markReason: '私下拉人去别的群', markEventId: markId, action: 'alert' },
    })
    expect(h.chat.notes).toEqual(['【群卫提醒】小李 曾被你标记为违规成员（原因：私下拉人去别的群），现加入了群「福利二群」，请留意。'])
    expect(await h.chat.isMember('g2', 'carol')).toBe(true)
  })

  it('is removed when the setting says so, like a removed member, and that removal can be undone', async () => {
    h = await createHarness({ settings: { knownOffenderAction: 'remove' } })
    await markCarol(null)
    await h.join('g2', 'carol')
    await h.guard.flush()
    expect(h.chat.calls).toEqual(['remove g2 carol'])
    expect(h.chat.notes).toEqual(['【群卫提醒】小李 曾被你标记为违规成员，现加入了群「福利二群」，群卫将把其移出。'])
    const removal = h.store.events.list({ kind: 'removal', groupId: 'g2' })[0]!
    expect(removal).toMatchObject({ status: 'done', hit: false, detail: { knownOffender: true, markedByRep: true } })
    h.guard.undoRemoval(removal.id)
    await h.guard.flush()
    expect(await h.chat.isMember('g2', 'carol')).toBe(true)
  })

  it('leaves a dry run to record what would have happened, doing nothing', async () => {
    h = await createHarness({ settings: { knownOffenderAction: 'remove', dryRun: true } })
    await markCarol()
    await h.join('g2', 'carol')
    await h.guard.flush()
    expect(h.store.events.list({ kind: 'known_offender_joined' })[0]).toMatchObject({ dryRun: true, detail: { markedByRep: true } })
    expect(h.chat.calls).toEqual([])
    expect(h.chat.notes).toEqual([])
  })

  it('joins freely again once unmarked; the mark’s event shows it was taken back', async () => {
    h = await createHarness({ settings: { knownOffenderAction: 'remove' } })
    const markId = await markCarol()
    h.guard.unmarkOffender(CAROL)
    expect(h.store.events.get(markId)).toMatchObject({ overridden: true, detail: { unmarkedAt: h.now() } })
    expect(h.store.markedOffenders.get(CAROL)).toBeNull()
    await h.join('g2', 'carol')
    await h.guard.flush()
    expect(eventKinds(h.store)).not.toContain('known_offender_joined')
    expect(h.chat.calls).toEqual([])
  })

  it('refuses to mark twice, to mark a member it never saw, and to unmark one not marked, changing nothing', async () => {
    h = await createHarness()
    await markCarol('第一次')
    const before = h.store.events.list({ limit: 100 }).length
    expect(() => h.guard.markOffender({ memberKey: CAROL, reason: '第二次' })).toThrow(OverrideError)
    expect(() => h.guard.markOffender({ memberKey: 'stable:nobody' })).toThrow(/no event about member/u)
    expect(() => h.guard.unmarkOffender('stable:wx_alice')).toThrow(/not marked/u)
    expect(h.store.events.list({ limit: 100 })).toHaveLength(before)
    expect(h.store.markedOffenders.get(CAROL)?.reason).toBe('第一次')
    expect(h.store.markedOffenders.get('stable:nobody')).toBeNull()
  })
})

describe('a mark in team mode', () => {
  it('goes to the team’s known-offender list like a removal, and an unmark asks the lead to take them off it', async () => {
    h = await createHarness()
    h.store.team.join({ serverUrl: 'https://team.example.com', team: '一组', rep: '小周', role: 'rep', joinedAt: h.now() })
    await markCarol('冒充客服')
    expect(h.store.team.outbox(10)).toEqual([
      expect.objectContaining({
        kind: 'offender_added',
        body: { memberKey: CAROL, memberId: null, memberName: '小李', rule: null, reason: '冒充客服', groupTopic: null, at: h.now() },
      }),
    ])
    // An import that keeps the mark as it is tells the team nothing new.
    h.store.markedOffenders.replaceAll(h.store.markedOffenders.list())
    expect(h.store.team.outbox(10)).toHaveLength(1)
    h.guard.unmarkOffender(CAROL)
    // The unsent addition is withdrawn; the lead is asked to take back what may have reached the team already.
    expect(h.store.team.outbox(10)).toEqual([
      expect.objectContaining({ kind: 'undo_proposed', body: expect.objectContaining({ memberKey: CAROL, memberName: '小李', note: null }) }),
    ])
  })
})

describe('a marked member without a stable id', () => {
  it('is matched after a re-login by name and avatar only as "probable": an alert with the rep’s reason, never a removal', async () => {
    h = await createHarness({ settings: { knownOffenderAction: 'remove' } })
    h.chat.avatars.set('bob', 'avatar-1')
    await h.send('bob', '代购')
    await h.guard.flush()
    h.guard.markOffender({ memberKey: 'name:g1:Bob', reason: '拉人去别的群' })

    await bobAndAnotherBobJoinAfterRelogin(h)

    const joined = h.store.events.list({ kind: 'known_offender_joined' })
    expect(joined).toHaveLength(1)
    expect(joined[0]).toMatchObject({ memberId: 'bob-again', detail: { probable: true, action: 'alert', markedByRep: true, markReason: '拉人去别的群' } })
    expect(h.chat.calls.filter((call) => call.startsWith('remove'))).toEqual([])
  })
})
