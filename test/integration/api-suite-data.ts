// The contract suite, part three: the rep's data as files: backups (listed, taken, a restore staged) and the export
// file, which imported into a fresh install gives the same window.
import { describe, expect, it } from 'vitest'
import type { QunGuardApi } from '../../shared/api/contract.ts'
import { startEnv, type ApiEnv, type Transport } from './api-harness.ts'
import { refusal, snapshot } from './api-suite-config.ts'

/** Everything the window shows, but the login (a fresh install is not logged in). */
async function windowView(api: QunGuardApi) {
  const { secrets: _secrets, ...settings } = await api.getSettings({})
  return {
    settings,
    rules: await api.listRules({}),
    groups: await api.listGroups({}),
    allowList: await api.listAllowList({}),
    feed: await api.listFeed({ limit: 500, kinds: ['warning', 'removal', 'alert', 'pardon'] }),
    reviews: await api.listReviews({}),
    stats: await api.getStats({ days: 30 }),
    history: await api.listHistory({}),
  }
}

export function dataTests(env: () => ApiEnv, transport: Transport, called: Set<string>): void {
  describe('backups', () => {
    it('takes today’s backup, lists it, and stages a restore of it; refuses a name that is not a backup', async () => {
      const { api, events } = env()
      // The service takes one at start when today has none; taking one now replaces it.
      const [backup, ...rest] = await api.backupNow({})
      expect(rest).toEqual([])
      expect(backup).toMatchObject({ name: expect.stringMatching(/^qunguard-\d{4}-\d{2}-\d{2}\.sqlite$/), bytes: expect.any(Number) })
      expect(await api.listBackups({})).toEqual([backup])

      const before = await snapshot(env())
      for (const name of ['../secrets.json', 'qunguard.sqlite', 'qunguard-2000-01-01.sqlite']) {
        expect(await refusal(api.restoreBackup({ name }))).toMatchObject({ code: expect.stringMatching(/^(bad_input|not_found)$/) })
      }
      expect(await snapshot(env())).toEqual(before)
      const from = events.mark()
      expect(await api.restoreBackup({ name: backup!.name })).toEqual({ name: backup!.name, restartRequired: true })
      await events.waitFor((event) => event.type === 'restart', from, 'the restart notice')
    })
  })

  describe('export and import', () => {
    it('an export imported into a fresh install gives the same window, without secrets', async () => {
      const { api, say } = env()
      await api.setSecret({ name: 'puppetToken', value: 'puppet-token-SECRET-export' })
      await api.updateSettings({ warningsBeforeRemoval: 1, removalNoticeTemplate: '已移出 {name}' })
      await api.addToAllowList({ memberKey: 'stable:colleague', name: '同事', note: '店里的' })
      await api.setGroupsQuiet({ groupIds: [env().groupId('big')], quiet: true })
      await say('shop', '小王', '代购奶粉')
      await say('shop', '小李', '今天有优惠吗')
      await say('shop', '小王', '加微信')
      const wang = (await api.listFeed({ kinds: ['warning'] })).items[0]!.memberKey!
      const { mark } = await api.setKnownOffender({ memberKey: wang, marked: true, reason: '私下加人' })
      // WeChat may still be filling in member counts after the login: export once the window has stopped changing.
      let original = await windowView(api)
      let file = await api.exportData({})
      for (let settled = await windowView(api); JSON.stringify(settled) !== JSON.stringify(original); settled = await windowView(api)) {
        original = settled
        file = await api.exportData({})
      }
      expect(JSON.stringify(file)).not.toContain('SECRET')
      expect(original.feed.items.length).toBeGreaterThan(0)

      const fresh = await startEnv(transport, called, { logIn: false })
      try {
        const result = await fresh.api.importData({ file: JSON.parse(JSON.stringify(file)) })
        expect(result.imported).toMatchObject({ rules: original.rules.length, allow_list: 1 })
        expect(await windowView(fresh.api)).toEqual(original)
        expect(result.imported).toMatchObject({ marked_offenders: 1 })
        expect((await fresh.api.getMember({ memberKey: wang })).mark).toEqual(mark)

        // A file made before members could be marked has no marks: importing it leaves none.
        const older = structuredClone(file) as { schemaVersion: number; tables: Record<string, unknown> }
        delete older.tables.marked_offenders
        older.schemaVersion = 5
        await fresh.api.importData({ file: older })
        expect((await fresh.api.getMember({ memberKey: wang })).mark).toBeNull()
        await fresh.api.importData({ file: JSON.parse(JSON.stringify(file)) })

        // A file that is not an export, or whose rows SQLite refuses, changes nothing.
        const before = await windowView(fresh.api)
        const broken = structuredClone(file)
        const events = broken.tables.events!
        events.push({ ...events[0]!, kind: null })
        for (const bad of [{}, 'export', { ...file, format: 'other' }, { ...file, schemaVersion: 999 }, broken]) {
          expect(await refusal(fresh.api.importData({ file: bad }))).toMatchObject({ code: 'bad_input' })
        }
        expect(await windowView(fresh.api)).toEqual(before)
      } finally {
        await fresh.close()
      }
    })
  })
}
