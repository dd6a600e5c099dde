// The data folder is the rep's alone (0700, files 0600, the WAL included), and only one service may use it at once.
import { chmodSync, existsSync, mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { FolderInUseError, lockDataFolder } from '../../electron/instance/folder-lock.ts'
import { DATABASE_FILE, startService, type RunningService } from '../../electron/service/start.ts'
import { SimulatedWorld } from '../../electron/sim/simulated-world.ts'

const mode = (path: string) => statSync(path).mode & 0o777
let root: string
let dir: string
let service: RunningService | null = null
afterEach(async () => {
  await service?.close()
  service = null
  rmSync(root, { recursive: true, force: true })
})

const start = () =>
  startService({ dataDir: dir, puppet: 'wechaty-puppet-mock', mockPuppet: () => new SimulatedWorld(Date.now).puppet, timers: false, log: () => {} })

describe.skipIf(process.platform === 'win32')('the data folder', () => {
  it('is made private, files from older versions included, and so are the database and its WAL', async () => {
    root = mkdtempSync(join(tmpdir(), 'qunguard-folder-'))
    dir = join(root, 'data')
    mkdirSync(dir, { mode: 0o755 })
    chmodSync(dir, 0o755)
    writeFileSync(join(dir, 'wechat-session.memory-card.json'), '{}', { mode: 0o644 })
    service = await start()
    await service.dispatch('saveRules', { rules: [{ name: 'a', match: '微信' }] })
    expect(mode(dir)).toBe(0o700)
    expect(mode(join(dir, 'wechat-session.memory-card.json'))).toBe(0o600)
    expect(mode(join(dir, DATABASE_FILE))).toBe(0o600)
    expect(existsSync(join(dir, `${DATABASE_FILE}-wal`))).toBe(true)
    expect(mode(join(dir, `${DATABASE_FILE}-wal`))).toBe(0o600)
  })

  it('is refused to a second service in the same process while the first runs, and free once it closed', async () => {
    root = dir = mkdtempSync(join(tmpdir(), 'qunguard-folder-'))
    service = await start()
    await expect(start()).rejects.toBeInstanceOf(FolderInUseError)
    expect(() => lockDataFolder(dir)).toThrow(/already using the data folder/)
    await service.close()
    service = null
    lockDataFolder(dir).release()
  })
})
