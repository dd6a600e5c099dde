// A puppet that throws from inside its own internals (as wechaty-token did with a bad token: from a timer, where
// nothing can catch it) used to kill the process. Now the bot stops with a clear 'failed' state, the token never
// shows, the service keeps answering, and logging in again brings moderation back.
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import { describe, expect, it, onTestFinished } from 'vitest'
import { DATABASE_FILE } from '../../../electron/service/start.ts'
import type { LoginState } from '../../../shared/api/types.ts'
import { startGuardChild } from './child-process.ts'

const TOKEN = 'puppet_service_7c1f0a9e-secret'

describe('a puppet throwing from its internals', { timeout: 180_000 }, () => {
  it('fails the bot, not the process; the token is redacted; a new login resumes moderation', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'qunguard-puppet-'))
    onTestFinished(() => rmSync(dataDir, { recursive: true, force: true }))
    const child = await startGuardChild(dataDir)
    const from = child.lines.length
    child.send(`puppet-throws ${TOKEN}`)
    const line = await child.waitFor((text) => text.startsWith('login ') && text.includes('"failed"'), 'the failed login state', from)
    const state = JSON.parse(line.slice('login '.length)) as LoginState
    expect(state.error).toContain('this.listener.onError is not a function')
    expect(state.error).toContain('***')

    // Still alive and answering.
    child.send('health')
    await child.health((health) => health.status === 'running', 'the health answer', from)
    child.send('login')
    await child.waitFor((text) => text === 'logged-in-again', 'the new login', from)
    child.send('say shop m1 代购奶粉')
    child.send('drain')
    await child.waitFor((text) => text === 'drained', 'drained', from)
    child.send('exit')
    expect(await child.exited).toBe(0)
    expect(child.lines.join('\n') + child.stderr).not.toContain(TOKEN)
    const db = new Database(join(dataDir, DATABASE_FILE), { readonly: true })
    expect(db.prepare("SELECT rule FROM events WHERE kind = 'warning'").pluck().all()).toEqual(['广告'])
    db.close()
  })
})
