import { afterEach, describe, expect, it } from 'vitest'
import { createHarness, MINUTE, type Harness } from './guard-harness.ts'

let h: Harness
afterEach(() => h?.close())

/** Lets a flush that will never finish (the app "dies" inside an effect) get as far as it can. */
const settle = () => new Promise((resolve) => setImmediate(resolve))

describe('restart between decision and action', () => {
  it('keeps the strike and carries out the queued removal once after the restart', async () => {
    h = await createHarness()
    await h.send('alice', '代购')
    await h.send('alice', '代购')
    await h.guard.flush()
    await h.send('alice', '代购')
    h.restart()

    expect(h.store.strikes.forMember('g1', 'stable:wx_alice')).toHaveLength(3)
    await h.guard.flush()
    await h.guard.flush()
    expect(h.chat.calls).toEqual(['remove g1 alice'])
    expect(h.store.events.list({ kind: 'removal' })[0]!.status).toBe('done')
  })

  it('does not remove twice when the app died during the removal', async () => {
    h = await createHarness()
    h.chat.hangAfter = 'remove'
    await h.send('carol', '赌博')
    void h.guard.flush()
    await settle()
    expect(h.chat.calls).toEqual(['remove g1 carol'])
    expect(h.store.actions.list('running')).toHaveLength(1)

    h.chat.hangAfter = null
    h.restart()
    await h.guard.flush()
    expect(h.chat.calls).toEqual(['remove g1 carol'])
    const removal = h.store.events.list({ kind: 'removal' })[0]!
    expect(removal).toMatchObject({ status: 'done', detail: { verifiedAfterRestart: true } })
    expect(h.chat.said.map((s) => s.text)).toEqual(['小李 多次发布赌博相关内容，已被移出群聊。'])
  })

  it('retries a removal that had not happened when the app died', async () => {
    h = await createHarness()
    h.chat.hangAfter = 'remove'
    h.chat.removalsDoNothing = true
    await h.send('carol', '赌博')
    void h.guard.flush()
    await settle()

    h.chat.hangAfter = null
    h.chat.removalsDoNothing = false
    h.restart()
    await h.guard.flush()
    expect(h.chat.calls).toEqual(['remove g1 carol', 'remove g1 carol'])
    expect(await h.chat.isMember('g1', 'carol')).toBe(false)
    expect(h.store.events.list({ kind: 'removal' })[0]!.status).toBe('done')
  })

  it('never resends a warning that may have gone out, and says so', async () => {
    h = await createHarness()
    h.chat.hangAfter = 'say'
    await h.send('alice', '代购')
    void h.guard.flush()
    await settle()

    h.chat.hangAfter = null
    h.restart()
    await h.guard.flush()
    expect(h.chat.said).toHaveLength(1)
    expect(h.store.events.list({ kind: 'warning' })[0]!.status).toBe('failed')
    expect(h.store.events.list({ kind: 'action_failed' })[0]!.detail.reason).toBe('发送时程序中断，无法确定是否已送达')
  })

  it('drops warnings that are an hour late but still carries out removals', async () => {
    h = await createHarness()
    await h.send('alice', '代购')
    await h.send('carol', '赌博')
    h.restart()
    h.advance(61 * MINUTE)
    const report = await h.guard.flush()
    expect(report).toMatchObject({ expired: 1 })
    expect(h.chat.calls).toEqual(['remove g1 carol'])
    expect(h.chat.said.map((s) => s.mentionIds)).toEqual([[]])
    expect(h.store.events.list({ kind: 'warning' })[0]!.status).toBe('expired')
  })
})
