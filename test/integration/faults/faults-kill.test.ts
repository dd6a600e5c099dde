// SIGKILL in the middle of a burst, at several seeds and kill points, then a restart on the same folder: every
// message the guard had handled is stored, no message is judged twice, the queue resumes and finishes, and nothing
// the bot does in WeChat happens twice.
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import { describe, expect, it, onTestFinished } from 'vitest'
import { DATABASE_FILE } from '../../../electron/service/start.ts'
import type { Effect } from './guard-child.ts'
import { startGuardChild } from './child-process.ts'

const readLines = (path: string) => (existsSync(path) ? readFileSync(path, 'utf8').split('\n').filter(Boolean) : [])

function countBy<T>(items: T[], key: (item: T) => string): Map<string, number> {
  const counts = new Map<string, number>()
  for (const item of items) counts.set(key(item), (counts.get(key(item)) ?? 0) + 1)
  return counts
}

/** WeChat shows a mention as "@name " before the text; the queued action holds the text alone. */
const withoutMentions = (text: string) => text.replace(/^(@\S+\s)+/u, '')

async function untilAcked(dir: string, count: number): Promise<void> {
  const deadline = Date.now() + 60_000
  while (readLines(join(dir, 'acked.log')).length < count && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 5))
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
    await untilAcked(dir, killAfter)
    first.kill('SIGKILL')
    await first.exited

    const acked = readLines(join(dir, 'acked.log'))
    expect(acked.length).toBeGreaterThanOrEqual(killAfter)
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
