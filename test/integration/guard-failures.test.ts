import { afterEach, describe, expect, it } from 'vitest'
import { createHarness, eventKinds, MINUTE, type Harness } from './guard-harness.ts'

let h: Harness
afterEach(() => h?.close())

describe('a removal WeChat refuses', () => {
  it('is final: the removal fails with the reason and becomes one task for the rep, who is told', async () => {
    h = await createHarness()
    h.chat.refuse.remove = '群主或管理员才能移出成员'
    await h.send('carol', '赌博')
    const report = await h.guard.flush()
    expect(report.ran).toBe(2)

    expect(await h.chat.isMember('g1', 'carol')).toBe(true)
    expect(h.chat.calls).toEqual(['remove g1 carol'])
    expect(h.chat.said).toEqual([])
    const [removal, task] = h.store.events.list().reverse()
    expect(removal).toMatchObject({
      kind: 'removal',
      status: 'failed',
      detail: { reason: '群主或管理员才能移出成员', reasonCode: 'wechat_refused' },
    })
    expect(task).toMatchObject({
      kind: 'removal_needed',
      status: 'needs_rep',
      memberName: '小李',
      rule: '赌博',
      detail: { reasonCode: 'wechat_refused', reasonParams: { message: '群主或管理员才能移出成员' }, removalEventId: removal!.id },
    })
    expect(h.chat.notes).toEqual([
      '【群卫待办】请把 小李 移出群「福利一群」（规则「赌博」）：群主或管理员才能移出成员。移出后在群卫中点“已移出”。',
    ])
    expect(h.store.events.lastRemovalOf({ memberKey: 'stable:wx_carol', memberId: 'carol' })).toBeNull()
  })

  it('fails when the member is still in the group after WeChat reported success', async () => {
    h = await createHarness()
    h.chat.removalsDoNothing = true
    await h.send('carol', '赌博')
    await h.guard.flush()
    expect(eventKinds(h.store)).toEqual(['removal', 'removal_needed'])
    expect(h.store.events.list()[0]!.detail).toMatchObject({ reasonCode: 'still_in_group', reason: '移出后对方仍在群内' })
    expect(h.chat.said).toEqual([])
  })
})

describe('transient errors', () => {
  it('retry a removal with backoff, checking membership first, and end in a task for the rep after three attempts', async () => {
    h = await createHarness()
    h.chat.transientFailures = 1
    await h.send('carol', '赌博')
    let report = await h.guard.flush()
    expect(report).toMatchObject({ ran: 1, nextDueAt: h.now() + 30_000 })
    expect(h.store.events.list()[0]!.status).toBe('pending')
    h.advance(30_000)
    await h.guard.flush()
    expect(h.chat.calls).toEqual(['remove g1 carol', 'remove g1 carol'])
    expect(h.store.events.list({ kind: 'removal' })[0]!.status).toBe('done')

    h.chat.transientFailures = 3
    await h.send('dave', '赌博', { groupId: 'g2' })
    for (let k = 0; k < 3; k++) {
      report = await h.guard.flush()
      h.advance(2 * MINUTE)
    }
    expect(h.chat.calls.filter((call) => call === 'remove g2 dave')).toHaveLength(3)
    const task = h.store.events.list({ kind: 'removal_needed' })[0]!
    expect(task).toMatchObject({ status: 'needs_rep', groupId: 'g2', detail: { reasonCode: 'disconnected', reasonParams: { attempts: '3' } } })
  })

  it('a removal that timed out after it happened is verified by membership: one removal, no task', async () => {
    h = await createHarness()
    h.chat.timeoutsAfterEffect = 1
    await h.send('carol', '赌博')
    await h.guard.flush()
    h.advance(30_000)
    await h.guard.flush()
    expect(h.chat.calls).toEqual(['remove g1 carol'])
    expect(eventKinds(h.store)).toEqual(['removal'])
    expect(h.store.events.list({ kind: 'removal' })[0]!.status).toBe('done')
  })

  it('never re-send a warning whose send timed out: at most once, and the rep reads it may not have arrived', async () => {
    h = await createHarness()
    h.chat.timeoutsAfterEffect = 1
    await h.send('alice', '代购')
    for (let k = 0; k < 3; k++) {
      await h.guard.flush()
      h.advance(2 * MINUTE)
    }
    expect(h.chat.said).toHaveLength(1)
    expect(h.store.events.list({ kind: 'warning' })[0]!).toMatchObject({ status: 'failed', detail: { reasonCode: 'delivery_unknown' } })
    const failure = h.store.events.list({ kind: 'action_failed' })[0]!
    expect(failure.detail).toMatchObject({ reasonCode: 'delivery_unknown', actionKind: 'say' })
    expect(h.chat.notes).toEqual([expect.stringContaining('消息可能未送达')])
  })

  it('never re-send a warning after any error that is not WeChat being unreachable before the send', async () => {
    h = await createHarness()
    h.chat.transientFailures = 1
    await h.send('alice', '代购')
    await h.guard.flush()
    h.advance(2 * MINUTE)
    await h.guard.flush()
    expect(h.store.events.list({ kind: 'warning' })[0]!.status).toBe('failed')
    expect(h.store.actions.list().filter((action) => action.kind === 'say')).toMatchObject([{ attempts: 1, status: 'failed' }])
  })
})

describe('a warning WeChat refuses', () => {
  it('fails its event, records action_failed and tells the rep', async () => {
    h = await createHarness()
    h.chat.refuse.say = '你已被禁言'
    await h.send('alice', '代购')
    await h.guard.flush()
    expect(eventKinds(h.store)).toEqual(['warning', 'action_failed'])
    expect(h.store.events.list({ kind: 'warning' })[0]!.status).toBe('failed')
    expect(h.chat.notes).toEqual(['【群卫】在群「福利一群」发送消息失败：你已被禁言。'])
  })
})

describe('logged out', () => {
  it('holds actions until the account is back', async () => {
    h = await createHarness()
    await h.send('alice', '代购')
    h.chat.self = null
    expect(await h.guard.flush()).toMatchObject({ ran: 0, loggedOut: true })
    h.chat.self = 'bot'
    expect(await h.guard.flush()).toMatchObject({ ran: 1, loggedOut: false })
    expect(h.chat.said).toHaveLength(1)
  })
})
