// SIGKILL in the middle of a burst, at several seeds and kill points, then a restart on the same folder: every
// message the guard had handled is stored, no message is judged twice, the queue resumes and finishes, and nothing
// the bot does in WeChat happens twice.
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import { describe, expect, it, onTestFinished } from 'vitest'
import { DATABASE_FILE } from '../../../electron/service/start.ts'
import { DEFAULT_SETTINGS } from '../../../shared/policy/settings.ts'
import type { Effect } from './guard-child.ts'
import { startGuardChild, type Child } from './child-process.ts'

const readLines = (path: string) => (existsSync(path) ? readFileSync(path, 'utf8').split('\n').filter(Boolean) : [])

function countBy<T>(items: T[], key: (item: T) => string): Map<string, number> {
  const counts = new Map<string, number>()
  for (const item of items) counts.set(key(item), (counts.get(key(item)) ?? 0) + 1)
  return counts
}

/** WeChat shows a mention as "@name " before the text; the queued action holds the text alone. */
const withoutMentions = (text: string) => text.replace(/^(@\S+\s)+/u, '')

/**
 * Waits until the guard has handled `count` messages, or the whole burst when it posted fewer (members the bot removed
 * cannot speak again, and how many those are depends on how fast it acted); returns how many it must have handled.
 */
async function untilAcked(dir: string, child: Child, count: number): Promise<number> {
  const deadline = Date.now() + 60_000
  for (;;) {
    const posted = child.lines.find((line) => line.startsWith('posted '))
    const expected = posted === undefined ? count : Math.min(count, Number(posted.slice('posted '.length)))
    if (readLines(join(dir, 'acked.log')).length >= expected || Date.now() > deadline) return expected
    await new Promise((resolve) => setTimeout(resolve, 5))
  }
}

// Kill points: early in the burst, in the middle, and near its end (where most actions are running or queued).
const CASES = [
  { seed: 7, killAfter: 3 },
  { seed: 42, killAfter: 17 },
  { seed: 2026, killAfter: 33 },
]

describe('SIGKILL during a burst', { timeout: 180_000 }, () => {
  it.each(CASES)('seed $seed, killed after $killAfter handled messages: nothing lost, nothing twice', async ({ seed, killAfter }) => {
    const dir = mkdtempSync(join(tmpdir(), 'qunguard-kill-'))
    onTestFinished(() => rmSync(dir, { recursive: true, force: true }))
    const first = await startGuardChild(dir)
    first.send(`burst ${seed} 40`)
    const handled = await untilAcked(dir, first, killAfter)
    first.kill('SIGKILL')
    await first.exited

    const acked = readLines(join(dir, 'acked.log'))
    expect(acked.length).toBeGreaterThanOrEqual(handled)
    const db = new Database(join(dir, DATABASE_FILE), { readonly: true })
    const stored = new Set(db.prepare('SELECT id FROM messages').pluck().all() as string[])
    db.close()
    expect(acked.filter((id) => !stored.has(id))).toEqual([])

    // The restart takes the lock the dead process held, resumes the queue and finishes it.
    const second = await startGuardChild(dir)
    second.send('drain')
    await second.waitFor((line) => line === 'drained', 'drained')
    second.send('exit')
    await second.waitFor((line) => line === 'exit-ok', 'exit-ok')

    const check = new Database(join(dir, DATABASE_FILE), { readonly: true })
    const decisions = check.prepare('SELECT message_id AS id, count(*) AS n FROM events WHERE hit = 1 GROUP BY message_id HAVING n > 1').all()
    expect(decisions).toEqual([])
    expect(check.prepare("SELECT count(*) FROM pending_actions WHERE status IN ('queued', 'running')").pluck().get()).toBe(0)
    const sayActions = (check.prepare("SELECT payload FROM pending_actions WHERE kind = 'say'").pluck().all() as string[]).map(
      (payload) => JSON.parse(payload) as { groupId: string; text: string; mentionIds: string[] },
    )
    check.close()

    const effects = readLines(join(dir, 'effects.log')).map((line) => JSON.parse(line) as Effect)
    const removals = countBy(effects.filter((effect) => effect.op === 'remove'), (effect) => `${effect.room} ${effect.memberId}`)
    expect([...removals].filter(([, n]) => n > 1)).toEqual([])
    // Every group message the bot sent is one queued action: none went out twice.
    const allowed = countBy(sayActions, (action) => `${action.groupId} ${action.text} ${action.mentionIds.join()}`)
    const sent = countBy(effects.filter((effect) => effect.op === 'say' && effect.room?.endsWith('@chatroom')), (effect) => `${effect.room} ${withoutMentions(effect.text!)} ${effect.mentionIds!.join()}`)
    expect([...sent].filter(([key, n]) => n > (allowed.get(key) ?? 0))).toEqual([])
  })
})

/** When each action started, and how many wait, read from the data file (a killed child's too). */
function actionsIn(dir: string): { starts: number[]; waiting: number } {
  const db = new Database(join(dir, DATABASE_FILE), { readonly: true })
  try {
    const starts = db.prepare('SELECT started_at FROM pending_actions WHERE started_at IS NOT NULL ORDER BY started_at').pluck().all() as number[]
    const waiting = db.prepare("SELECT count(*) FROM pending_actions WHERE status = 'queued'").pluck().get() as number
    return { starts, waiting }
  } finally {
    db.close()
  }
}

/** The most actions that started within any one minute. */
function busiestMinute(starts: readonly number[]): number {
  let most = 0
  for (let from = 0, to = 0; from < starts.length; from++) {
    while (to < starts.length && starts[to]! < starts[from]! + 60_000) to++
    most = Math.max(most, to - from)
  }
  return most
}

describe('SIGKILL while the rate limit holds actions back', { timeout: 180_000 }, () => {
  const limit = DEFAULT_SETTINGS.rateLimitPerMinute

  it(`at the default ${limit} actions a minute, the restarted guard starts none beyond the limit within the minute`, async () => {
    const dir = mkdtempSync(join(tmpdir(), 'qunguard-kill-rate-'))
    onTestFinished(() => rmSync(dir, { recursive: true, force: true }))
    const first = await startGuardChild(dir, undefined, { ratePerMinute: limit })
    first.send('burst 7 80')
    const deadline = Date.now() + 60_000
    for (let seen = actionsIn(dir); !(seen.starts.length >= limit && seen.waiting > 0) && Date.now() < deadline; seen = actionsIn(dir)) {
      await new Promise((resolve) => setTimeout(resolve, 20))
    }
    first.kill('SIGKILL')
    await first.exited
    const before = actionsIn(dir)
    expect(before.starts).toHaveLength(limit)
    expect(before.waiting).toBeGreaterThan(0)

    // The restarted guard looks at its queue as the account logs in (before `ready`): by the answer to a command
    // after that, whatever it started is in the file. The minute's starts were there already.
    const second = await startGuardChild(dir, undefined, { ratePerMinute: limit })
    const asked = second.lines.length
    second.send('health')
    await second.waitFor((line) => line.startsWith('health '), 'health', asked)
    const after = actionsIn(dir)
    expect(busiestMinute(after.starts)).toBeLessThanOrEqual(limit)
    // Held back, not lost: the burst's actions wait for the minute to pass.
    expect(after.waiting).toBe(before.waiting)
    second.send('exit')
    await second.waitFor((line) => line === 'exit-ok', 'exit-ok')
  })
})
