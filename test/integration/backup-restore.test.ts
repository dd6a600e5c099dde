// Backups on real SQLite files: taken while the guard's tables are being written, restored by the command line and
// by the window (at the next start), and refused (nothing changed) for files that are not QunGuard backups.
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync, copyFileSync } from 'node:fs'
import { spawn } from 'node:child_process'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import { afterEach, describe, expect, it } from 'vitest'
import { inspectBackup, listBackups, restoreBackup, restoreDatabase, takeBackup } from '../../electron/backup/index.ts'
import { DATABASE_FILE, openStore, SCHEMA_VERSION, type Store } from '../../electron/store/index.ts'
import { startService } from '../../electron/service/start.ts'
import { ApiError } from '../../shared/api/contract.ts'
import { cli } from './cli-harness.ts'

const DAY = 86_400_000
const T0 = Date.UTC(2026, 10, 20, 10)
const dirs: string[] = []
function scratch(): string {
  const dir = mkdtempSync(join(tmpdir(), 'qunguard-backup-'))
  dirs.push(dir)
  return dir
}
afterEach(() => dirs.splice(0).forEach((dir) => rmSync(dir, { recursive: true, force: true })))

const GROUP = { id: 'g1', topic: '福利一群', ownerId: 'bot', adminIds: [], memberCount: 3, botCanRemove: true, rolesKnown: true }

/** One warning: its strike and its event in one transaction, as the guard records a decision. */
function warn(store: Store, n: number): void {
  store.transaction(() => {
    const strikeId = store.strikes.add({ groupId: 'g1', memberKey: `m${n}`, rule: '广告', messageId: `w${n}`, at: T0 + n, expiresAt: T0 + n + 30 * DAY, dryRun: false })
    store.events.add({ kind: 'warning', at: T0 + n, groupId: 'g1', memberKey: `m${n}`, rule: '广告', strikeId, hit: true, status: 'done' })
  })
}

function seeded(dataDir: string, messages: number): Store {
  const store = openStore(join(dataDir, DATABASE_FILE))
  store.groups.sync(GROUP, T0, true)
  store.transaction(() => {
    for (let n = 0; n < messages; n++) {
      store.messages.insert({ id: `m-${n}`, groupId: 'g1', senderId: `u${n % 50}`, senderKey: `k${n % 50}`, kind: 'text', text: `第${n}条消息，宝宝用品咨询`.repeat(3), at: T0 + n })
    }
  })
  return store
}

function counts(file: string): { strikes: number; warnings: number; orphans: number; integrity: unknown } {
  const db = new Database(file, { readonly: true })
  try {
    const one = (sql: string) => db.prepare<[], number>(sql).pluck().get()!
    return {
      strikes: one('SELECT count(*) FROM strikes'),
      warnings: one("SELECT count(*) FROM events WHERE kind = 'warning'"),
      orphans: one("SELECT count(*) FROM events e WHERE kind = 'warning' AND NOT EXISTS (SELECT 1 FROM strikes s WHERE s.id = e.strike_id)"),
      integrity: db.pragma('integrity_check', { simple: true }),
    }
  } finally {
    db.close()
  }
}

describe('backups', () => {
  it('a backup taken during a burst of writes restores to a consistent state', async () => {
    const dataDir = scratch()
    const store = seeded(dataDir, 40_000)
    let written = 0
    let backingUp = true
    let duringBackup = 0
    const burst = (async () => {
      while (backingUp) {
        for (let i = 0; i < 20; i++) warn(store, written++)
        duringBackup++
        await new Promise((resolve) => setImmediate(resolve))
      }
    })()
    const entry = await takeBackup(store, dataDir, T0)
    backingUp = false
    await burst
    store.close()
    // The writes really ran between the backup's steps, or this test would prove nothing.
    expect(duringBackup).toBeGreaterThan(1)

    const backup = join(dataDir, 'backups', entry.name)
    const inBackup = counts(backup)
    expect(inBackup).toMatchObject({ integrity: 'ok', orphans: 0 })
    expect(inBackup.strikes).toBe(inBackup.warnings)
    expect(inBackup.strikes).toBeGreaterThan(0)

    // Restored into a fresh data folder, the store opens on it and sees the same warnings.
    const fresh = scratch()
    expect(restoreDatabase(fresh, backup, T0)).toEqual({ restored: backup, keptAside: null })
    const restored = openStore(join(fresh, DATABASE_FILE))
    try {
      expect(restored.events.list({ kind: 'warning', limit: 100_000 })).toHaveLength(inBackup.warnings)
      expect(restored.messages.history(100_000)).toHaveLength(40_000)
    } finally {
      restored.close()
    }
  })

  it('keeps one backup a day, replacing the same day’s, and prunes to 7 daily and 4 weekly', async () => {
    const dataDir = scratch()
    const store = seeded(dataDir, 10)
    try {
      for (let day = 0; day < 40; day++) await takeBackup(store, dataDir, T0 + day * DAY)
      await takeBackup(store, dataDir, T0 + 39 * DAY + 3_600_000)
      const names = listBackups(dataDir).map((backup) => backup.name)
      expect(names).toHaveLength(11)
      expect(new Set(names).size).toBe(11)
      expect(readdirSync(join(dataDir, 'backups')).filter((name) => !names.includes(name))).toEqual([])
    } finally {
      store.close()
    }
  })
})

describe('restore refuses what is not a QunGuard backup, and changes nothing', () => {
  async function withDatabase() {
    const dataDir = scratch()
    const store = seeded(dataDir, 5)
    warn(store, 1)
    store.close()
    const before = readdirSync(dataDir).sort()
    const bytes = readFileSync(join(dataDir, DATABASE_FILE))
    return {
      dataDir,
      unchanged() {
        expect(readdirSync(dataDir).sort()).toEqual(before)
        expect(readFileSync(join(dataDir, DATABASE_FILE)).equals(bytes)).toBe(true)
      },
    }
  }

  it.each([
    ['a text file', 'backup_not_sqlite', (file: string) => writeFileSync(file, 'hello, not a database\n')],
    ['an empty file', 'backup_not_sqlite', (file: string) => writeFileSync(file, '')],
    ['another program’s SQLite file', 'backup_not_qunguard', (file: string) => {
      const db = new Database(file)
      db.exec('CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT)')
      db.close()
    }],
  ])('%s', async (_, code, make) => {
    const { dataDir, unchanged } = await withDatabase()
    const file = join(scratch(), 'candidate.sqlite')
    make(file)
    expect(() => inspectBackup(file)).toThrow(expect.objectContaining({ code }))
    const result = await cli('restore', file, '--data', dataDir)
    expect(result.code).toBe(2)
    expect(result.stderr).toMatch(/not a QunGuard backup/)
    unchanged()
  })

  it('a backup from a newer QunGuard', async () => {
    const { dataDir, unchanged } = await withDatabase()
    const file = join(scratch(), 'newer.sqlite')
    copyFileSync(join(dataDir, DATABASE_FILE), file)
    const db = new Database(file)
    db.pragma(`user_version = ${SCHEMA_VERSION + 1}`)
    db.close()
    const result = await cli('restore', file, '--data', dataDir)
    expect(result).toMatchObject({ code: 2 })
    expect(result.stderr).toContain(`newer QunGuard (data version ${SCHEMA_VERSION + 1}, this one reads up to ${SCHEMA_VERSION})`)
    unchanged()
  })

  it('a file that does not exist, or any file while QunGuard runs on the folder', async () => {
    const { dataDir, unchanged } = await withDatabase()
    expect((await cli('restore', join(dataDir, 'nope.sqlite'), '--data', dataDir)).stderr).toMatch(/no such file/)
    unchanged()
    const backupDir = scratch()
    const store = openStore(join(backupDir, DATABASE_FILE))
    const { name } = await takeBackup(store, backupDir, T0)
    store.close()
    // Another live process holds the folder: the marker a running service leaves.
    const other = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 20000)'])
    try {
      writeFileSync(join(dataDir, 'service.pid'), String(other.pid))
      const result = await cli('restore', join(backupDir, 'backups', name), '--data', dataDir)
      expect(result.code).toBe(2)
      expect(result.stderr).toContain(`QunGuard is running on ${dataDir} (process ${other.pid}); quit it first`)
      expect(() => restoreBackup(dataDir, name)).toThrow(expect.objectContaining({ code: 'service_running' }))
    } finally {
      other.kill()
      rmSync(join(dataDir, 'service.pid'))
    }
    unchanged()
  })
})

describe('restoring', () => {
  it('from the command line: the backup replaces the database, which is kept aside', async () => {
    const dataDir = scratch()
    const store = seeded(dataDir, 5)
    warn(store, 1)
    const { name } = await takeBackup(store, dataDir, T0)
    warn(store, 2)
    warn(store, 3)
    store.close()
    const result = await cli('restore', join(dataDir, 'backups', name), '--data', dataDir)
    expect(result.code).toBe(0)
    const aside = /kept as (\S+)/.exec(result.stderr)?.[1]
    expect(aside).toMatch(/qunguard\.sqlite\.before-restore-\d{8}T\d{6}/)
    expect(counts(join(dataDir, DATABASE_FILE)).warnings).toBe(1)
    expect(counts(aside!).warnings).toBe(3)
    // A second restore never overwrites the first one's kept copy.
    const again = await cli('restore', join(dataDir, 'backups', name), '--data', dataDir)
    const secondAside = /kept as (\S+)/.exec(again.stderr)?.[1]
    expect(secondAside).not.toBe(aside)
    expect(existsSync(aside!)).toBe(true)
  })

  it('from the window: checked at once, carried out at the next start', async () => {
    const dataDir = scratch()
    const service = await startService({ dataDir, timers: false, puppet: 'wechaty-puppet-mock', mockPuppet: undefined })
    const events: string[] = []
    service.subscribe((event) => events.push(event.type))
    try {
      await service.dispatch('addToAllowList', { memberKey: 'colleague', name: '同事' })
      const [backup] = (await service.dispatch('backupNow', {})) as { name: string }[]
      expect(await service.dispatch('listBackups', {})).toEqual([expect.objectContaining({ name: backup!.name })])
      await service.dispatch('addToAllowList', { memberKey: 'later', name: '之后加的' })

      await expect(service.dispatch('restoreBackup', { name: '../qunguard.sqlite' })).rejects.toMatchObject({ code: 'bad_input', details: { code: 'backup_bad_name' } })
      await expect(service.dispatch('restoreBackup', { name: 'qunguard-1999-01-01.sqlite' })).rejects.toBeInstanceOf(ApiError)
      expect(events).not.toContain('restart')
      expect(await service.dispatch('restoreBackup', { name: backup!.name })).toEqual({ name: backup!.name, restartRequired: true })
      expect(events).toContain('restart')
      // Nothing changes until the service starts again.
      expect(await service.dispatch('listAllowList', {})).toHaveLength(2)
    } finally {
      await service.close()
    }
    const again = await startService({ dataDir, timers: false, puppet: 'wechaty-puppet-mock' })
    try {
      expect(await again.dispatch('listAllowList', {})).toEqual([expect.objectContaining({ memberKey: 'colleague' })])
      expect(readdirSync(dataDir).some((name) => name.startsWith(`${DATABASE_FILE}.before-restore-`))).toBe(true)
    } finally {
      await again.close()
    }
  })
})
