// The contract suite, part four: moderation health. Another program holding the data file's write lock pauses
// moderation, visibly; the message said meanwhile waits in memory and is judged once the lock is gone.
import { join } from 'node:path'
import Database from 'better-sqlite3'
import { describe, expect, it } from 'vitest'
import type { ApiEvent } from '../../shared/api/contract.ts'
import { DATABASE_FILE } from '../../electron/service/start.ts'
import type { ApiEnv } from './api-harness.ts'

const health = (status: 'running' | 'paused', waiting = 0) => (event: ApiEvent) =>
  event.type === 'health' && event.health.status === status && event.health.waiting === waiting

export function healthTests(env: () => ApiEnv): void {
  describe('moderation health', () => {
    it('runs, pauses while another program holds the write lock, and resumes by itself', async () => {
      const { api, events } = env()
      expect(await api.getHealth({})).toMatchObject({ status: 'running', fault: null, waiting: 0, dropped: 0, damagedFile: null })

      const other = new Database(join(env().dataDir, DATABASE_FILE))
      let paused: ApiEvent
      let messageId: string
      try {
        other.exec('BEGIN IMMEDIATE')
        const from = events.mark()
        messageId = await env().say('shop', '小王', '代购奶粉')
        paused = await events.waitFor(health('paused', 1), from, 'the pause')
        expect(paused).toMatchObject({ health: { fault: 'locked' } })
        expect(await api.getHealth({})).toMatchObject({ status: 'paused', fault: 'locked', waiting: 1 })
        expect((await api.listFeed({ kinds: ['warning'] })).items).toEqual([])
      } finally {
        other.close()
      }
      await events.waitFor(health('running'), events.events.indexOf(paused), 'the resumption')
      const warnings = (await api.listFeed({ kinds: ['warning'] })).items
      expect(warnings).toMatchObject([{ messageId, rule: '广告' }])
      expect(await api.getHealth({})).toMatchObject({ status: 'running', waiting: 0, dropped: 0 })
    })
  })
}
