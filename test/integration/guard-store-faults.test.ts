// The guard when the data file fails under it: a write lock held by another connection (as another program would),
// surfacing as SQLITE_BUSY after the short busy timeout. Nothing is lost, nothing runs twice, and moderation
// resumes by itself once the store takes writes again.
import Database from 'better-sqlite3'
import { afterEach, describe, expect, it } from 'vitest'
import { createBacklog } from '../../electron/health/backlog.ts'
import { createModerationHealth } from '../../electron/health/moderation-health.ts'
import { createHarness, FakeChat, standardWorld, type Harness } from './guard-harness.ts'

let h: Harness
let other: Database.Database | null = null
afterEach(() => {
  other?.close()
  other = null
  h?.close()
})

function holdWriteLock(path: string): () => void {
  other = new Database(path)
  other.exec('BEGIN IMMEDIATE')
  return () => {
    other?.exec('COMMIT')
    other?.close()
    other = null
  }
}

async function until(condition: () => boolean, what: string): Promise<void> {
  for (let k = 0; k < 200 && !condition(); k++) await new Promise((resolve) => setTimeout(resolve, 25))
  if (!condition()) throw new Error(`timed out waiting for ${what}`)
}

describe('a write lock held elsewhere', () => {
  it('keeps a message said meanwhile and judges it once when the lock is gone', async () => {
    h = await createHarness()
    const release = holdWriteLock(h.path)
    const id = await h.send('alice', '代购奶粉')
    expect(h.guard.health.view()).toMatchObject({ status: 'paused', fault: 'locked', waiting: 1 })
    expect(h.store.strikes.forMember('g1', 'stable:wx_alice')).toEqual([])

    release()
    await h.guard.retryWaiting()
    expect(h.guard.health.view()).toMatchObject({ status: 'running', fault: null, waiting: 0 })
    expect(h.store.strikes.forMember('g1', 'stable:wx_alice')).toHaveLength(1)
    // The same message delivered again (WeChat redelivers) is not a second offence.
    await h.send('alice', '代购奶粉', { id })
    expect(h.store.strikes.forMember('g1', 'stable:wx_alice')).toHaveLength(1)
  })

  it('judges waiting messages in the order they were said, new ones queuing behind them', async () => {
    h = await createHarness()
    const release = holdWriteLock(h.path)
    await h.send('alice', '代购')
    release()
    // The lock is gone, but an earlier message waits: this one must not overtake it.
    await h.send('alice', '代购')
    expect(h.guard.health.view().waiting).toBe(2)
    await h.guard.retryWaiting()
    const strikes = h.store.strikes.forMember('g1', 'stable:wx_alice')
    expect(strikes.map((strike) => strike.messageId)).toEqual(['msg-1', 'msg-2'])
  })

  it('settles an effect that happened during the lock before anything else, so it never stays running or runs twice', async () => {
    class LockingChat extends FakeChat {
      lockOnSay: (() => void) | null = null
      override async say(groupId: string, text: string, mentionIds: readonly string[]): Promise<void> {
        await super.say(groupId, text, mentionIds)
        this.lockOnSay?.()
        this.lockOnSay = null
      }
    }
    const chat = Object.assign(new LockingChat(), standardWorld())
    h = await createHarness({ chat })
    await h.send('alice', '代购')
    let release = () => {}
    chat.lockOnSay = () => (release = holdWriteLock(h.path))
    await expect(h.guard.flush()).rejects.toMatchObject({ code: 'SQLITE_BUSY' })
    expect(chat.said).toHaveLength(1)

    release()
    await h.guard.flush()
    expect(chat.said).toHaveLength(1)
    expect(h.store.actions.list('running')).toEqual([])
    expect(h.store.events.list({ kind: 'warning' })[0]!.status).toBe('done')
  })

  it('the queue timer looks again after a store error and carries on by itself', async () => {
    h = await createHarness()
    await h.send('alice', '代购')
    const release = holdWriteLock(h.path)
    h.guard.start()
    await until(() => h.guard.health.view().fault === 'locked', 'the queue to report the lock')
    expect(h.chat.said).toEqual([])
    release()
    await until(() => h.chat.said.length === 1, 'the warning after the lock')
    await until(() => h.guard.health.view().status === 'running', 'moderation to resume')
    await h.guard.stop()
  })
})

describe('the queue and the login', () => {
  it('runs held-back actions as soon as the account logs in, not a minute later', async () => {
    h = await createHarness()
    h.chat.self = null
    h.guard.start()
    await h.send('alice', '代购')
    expect((await h.guard.flush()).loggedOut).toBe(true)
    h.chat.self = 'bot'
    h.guard.wakeQueue()
    await until(() => h.chat.said.length === 1, 'the warning after the login')
    await h.guard.stop()
  })
})

describe('the backlog bound', () => {
  it('keeps at most its limit and counts, and reports, what it could not keep', async () => {
    const lines: string[] = []
    const health = createModerationHealth({ clock: () => 0, log: (line) => lines.push(line) })
    const backlog = createBacklog({ health, limit: 2, timers: false })
    const busy = Object.assign(new Error('database is locked'), { code: 'SQLITE_BUSY' })
    let storeWorks = false
    const ran: number[] = []
    for (const n of [1, 2, 3, 4]) {
      await backlog.run(async () => {
        if (!storeWorks) throw busy
        ran.push(n)
      })
    }
    expect(health.view()).toMatchObject({ status: 'paused', fault: 'locked', waiting: 2, dropped: 2 })
    expect(lines.some((line) => line.includes('2 message(s) could not be kept'))).toBe(true)
    storeWorks = true
    await backlog.drain()
    expect(ran).toEqual([1, 2])
    expect(health.view()).toMatchObject({ status: 'running', waiting: 0, dropped: 2 })
    expect(lines.at(-1)).toBe('moderation resumed')
  })

  it('lets errors that are not the store\'s through to the caller', async () => {
    const backlog = createBacklog({ health: createModerationHealth({ clock: () => 0, log: () => {} }), timers: false })
    await expect(backlog.run(async () => Promise.reject(new Error('a bug')))).rejects.toThrow('a bug')
    expect(backlog.size()).toBe(0)
  })
})
