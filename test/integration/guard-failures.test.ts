import { afterEach, describe, expect, it } from 'vitest'
import { createHarness, eventKinds, MINUTE, type Harness } from './guard-harness.ts'

let h: Harness
afterEach(() => h?.close())

describe('a removal WeChat refuses', () => {
  it('is recorded as removal_failed with the reason, and the rep is told; nothing pretends it worked', async () => {
    h = await createHarness()
    h.chat.refuse.remove = '群主或管理员才能移出成员'
    await h.send('carol', '赌博')
    const report = await h.guard.flush()
    expect(report.ran).toBe(2)

    expect(await h.chat.isMember('g1', 'carol')).toBe(true)
    expect(h.chat.said).toEqual([])
    const [removal, failure] = h.store.events.list().reverse()
    expect(removal).toMatchObject({ kind: 'removal', status: 'failed', detail: { reason: '群主或管理员才能移出成员' } })
    expect(failure).toMatchObject({
      kind: 'removal_failed',
      status: 'done',
      memberName: '小李',
      rule: '赌博',
      detail: { reason: '群主或管理员才能移出成员', removalEventId: removal!.id },
    })
    expect(h.chat.notes).toEqual(['【群卫】未能将 小李 移出群「福利一群」：群主或管理员才能移出成员。请手动处理。'])
    expect(h.store.events.lastRemovalOf({ memberKey: 'stable:wx_carol', memberId: 'carol' })).toBeNull()
  })

  it('fails when the member is still in the group after WeChat reported success', async () => {
    h = await createHarness()
    h.chat.removalsDoNothing = true
    await h.send('carol', '赌博')
    await h.guard.flush()
    expect(eventKinds(h.store)).toEqual(['removal', 'removal_failed'])
    expect(h.store.events.list()[0]!.detail.reason).toBe('移出后对方仍在群内')
    expect(h.chat.said).toEqual([])
  })
})

describe('transient errors', () => {
  it('are retried later with backoff, and fail for good after three attempts', async () => {
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
    await h.send('alice', '代购')
    for (let k = 0; k < 3; k++) {
      report = await h.guard.flush()
      h.advance(2 * MINUTE)
    }
    expect(h.store.events.list({ kind: 'warning' })[0]!.status).toBe('failed')
    expect(h.store.events.list({ kind: 'action_failed' })[0]!.detail).toMatchObject({ reason: 'connection reset' })
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
