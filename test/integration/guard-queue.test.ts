import { afterEach, describe, expect, it, vi } from 'vitest'
import { createHarness, MINUTE, type Harness } from './guard-harness.ts'

let h: Harness
afterEach(() => {
  vi.useRealTimers()
  h?.close()
})

async function offend(count: number): Promise<void> {
  for (let k = 0; k < count; k++) {
    h.chat.addContact(`spammer${k}`, `广告号${k}`)
    h.chat.groups.get('g1')!.members.add(`spammer${k}`)
    await h.send(`spammer${k}`, '代购')
  }
}

describe('the rate limit', () => {
  it('runs at most rateLimitPerMinute actions in any minute and says when the next may run', async () => {
    h = await createHarness()
    await offend(25)
    const first = await h.guard.flush()
    expect(first).toMatchObject({ ran: 20, throttled: true, nextDueAt: h.now() + MINUTE })
    expect(h.chat.said).toHaveLength(20)

    h.advance(MINUTE - 1)
    expect(await h.guard.flush()).toMatchObject({ ran: 0, throttled: true })
    h.advance(1)
    expect(await h.guard.flush()).toMatchObject({ ran: 5, throttled: false, nextDueAt: null })
    expect(h.chat.said).toHaveLength(25)
  })

  it('follows the setting, and counts actions that ran in the previous app session', async () => {
    h = await createHarness({ settings: { rateLimitPerMinute: 3 } })
    await offend(5)
    expect((await h.guard.flush()).ran).toBe(3)
    h.restart()
    expect((await h.guard.flush()).ran).toBe(0)
    h.advance(MINUTE)
    expect((await h.guard.flush()).ran).toBe(2)
  })

  it('lets concurrent flushes run one after the other, never the same action twice', async () => {
    h = await createHarness()
    await offend(3)
    const reports = await Promise.all([h.guard.flush(), h.guard.flush()])
    expect(reports.map((r) => r.ran)).toEqual([3, 0])
    expect(h.chat.said).toHaveLength(3)
  })
})

describe('timer mode', () => {
  it('runs new actions by itself and waits out the rate limit', async () => {
    vi.useFakeTimers({ now: Date.UTC(2026, 0, 15) })
    // The guard reads the wall clock the fake timers control, as in the app.
    h = await createHarness({ settings: { rateLimitPerMinute: 2 }, clock: () => Date.now() })
    h.guard.start()
    await offend(3)
    await vi.advanceTimersByTimeAsync(0)
    expect(h.chat.said).toHaveLength(2)
    await vi.advanceTimersByTimeAsync(MINUTE)
    expect(h.chat.said).toHaveLength(3)

    await h.guard.stop()
    await h.send('spammer0', '代购')
    await vi.advanceTimersByTimeAsync(2 * MINUTE)
    expect(h.chat.said).toHaveLength(3)
  })
})
