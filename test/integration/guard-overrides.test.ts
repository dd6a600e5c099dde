import { afterEach, describe, expect, it } from 'vitest'
import { OverrideError } from '../../electron/guard/index.ts'
import { createHarness, eventKinds, type Harness } from './guard-harness.ts'

let h: Harness
afterEach(() => h?.close())

const alice = { groupId: 'g1', memberKey: 'stable:wx_alice' }

async function removeAlice(): Promise<number> {
  for (let k = 0; k < 3; k++) await h.send('alice', '代购')
  await h.guard.flush()
  return h.store.events.list({ kind: 'removal' })[0]!.id
}

describe('pardon', () => {
  it('revokes the latest strike and marks its event overridden, so the count goes down', async () => {
    h = await createHarness()
    await h.send('alice', '代购')
    await h.send('alice', '代购')
    await h.guard.flush()
    const [second] = h.store.events.list({ kind: 'warning' })

    const pardon = h.guard.pardon(alice, '误判')
    expect(pardon).toMatchObject({ kind: 'pardon', memberName: '小王', rule: '广告', detail: { eventId: second!.id, note: '误判' } })
    expect(h.store.events.get(second!.id)?.overridden).toBe(true)

    await h.send('alice', '代购')
    await h.guard.flush()
    expect(h.chat.calls).toEqual([])
    expect(h.chat.said.at(-1)!.text).toContain('警告 2/2')
  })

  it('cancels a warning that has not gone out yet', async () => {
    h = await createHarness()
    await h.send('alice', '代购')
    h.guard.pardon(alice)
    await h.guard.flush()
    expect(h.chat.said).toEqual([])
    expect(h.store.events.list({ kind: 'warning' })[0]).toMatchObject({ status: 'cancelled', overridden: true })
  })

  it('returns null when there is nothing to pardon', async () => {
    h = await createHarness()
    expect(h.guard.pardon(alice)).toBeNull()
    expect(eventKinds(h.store)).toEqual([])
  })
})

describe('undo removal', () => {
  it('revokes the group strikes and adds the member back', async () => {
    h = await createHarness()
    const removalId = await removeAlice()
    const undo = h.guard.undoRemoval(removalId)
    expect(undo).toMatchObject({ kind: 'undo', status: 'pending', detail: { removalEventId: removalId, revokedStrikes: 3 } })
    await h.guard.flush()

    expect(await h.chat.isMember('g1', 'alice')).toBe(true)
    expect(h.store.events.get(undo.id)?.status).toBe('done')
    expect(h.store.events.get(removalId)?.overridden).toBe(true)
    expect(() => h.guard.undoRemoval(removalId)).toThrow(OverrideError)

    await h.send('alice', '代购')
    await h.guard.flush()
    expect(h.chat.said.at(-1)!.text).toContain('警告 1/2')
  })

  it('leaves a to-do for the rep when WeChat refuses to add the member back', async () => {
    h = await createHarness()
    const removalId = await removeAlice()
    h.chat.refuse.add = '群成员超过40人，需发送邀请'
    const undo = h.guard.undoRemoval(removalId)
    await h.guard.flush()
    const after = h.store.events.get(undo.id)!
    expect(after.status).toBe('needs_rep')
    expect(after.detail.repTodo).toBe('无法直接将 小王 拉回群「福利一群」（群成员超过40人，需发送邀请），请向其发送群邀请。')
    expect(h.chat.notes.at(-1)).toBe(`【群卫】${after.detail.repTodo}`)
    // The removal stays undone: the member is not a known offender any more.
    expect(h.store.events.lastRemovalOf({ memberKey: 'stable:wx_alice', memberId: 'alice' })).toBeNull()
  })

  it('can put the member on the group allow list', async () => {
    h = await createHarness()
    const removalId = await removeAlice()
    h.guard.undoRemoval(removalId, { allowList: true, note: '老客户' })
    await h.guard.flush()
    expect(h.store.allowList.covers('stable:wx_alice', 'g1')).toBe(true)
    expect(h.store.allowList.covers('stable:wx_alice', 'g2')).toBe(false)
    await h.send('alice', '赌博')
    expect(h.store.events.list()[0]!.kind).toBe('undo')
  })

  it('refuses events that are not completed removals', async () => {
    h = await createHarness()
    await h.send('alice', '代购')
    const warning = h.store.events.list()[0]!
    expect(() => h.guard.undoRemoval(warning.id)).toThrow(OverrideError)
    expect(() => h.guard.undoRemoval(9999)).toThrow(OverrideError)
  })
})

describe('verdicts', () => {
  it('are kept per rule hit and give each rule a precision', async () => {
    h = await createHarness()
    await h.send('alice', '代购')
    await h.send('carol', '代购')
    await h.send('bob', '返利')
    const [bobAlert, carolWarning, aliceWarning] = h.store.events.list()
    expect(h.guard.setVerdict(aliceWarning!.id, 'confirmed')).toBe(true)
    expect(h.guard.setVerdict(carolWarning!.id, 'false_positive')).toBe(true)
    expect(h.guard.setVerdict(bobAlert!.id, 'confirmed')).toBe(true)
    expect(h.guard.rulePrecision()).toEqual([
      { rule: '广告', confirmed: 1, falsePositive: 1, unjudged: 0, precision: 0.5 },
      { rule: '返利', confirmed: 1, falsePositive: 0, unjudged: 0, precision: 1 },
    ])
    const pardon = h.guard.pardon({ groupId: 'g1', memberKey: 'stable:wx_carol' })!
    expect(h.guard.setVerdict(pardon.id, 'confirmed')).toBe(false)
  })
})
