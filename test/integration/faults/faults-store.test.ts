// The data folder and file going wrong under a running guard, each in real processes: another instance on the same
// folder, another program holding the write lock, a full disk, a read-only folder, a corrupted page. Each ends in a
// clear state (an exit saying why, or moderation paused with the reason), and moderation resumes by itself when the
// fault clears.
import { execFileSync } from 'node:child_process'
import { closeSync, mkdtempSync, openSync, readdirSync, readFileSync, rmSync, writeSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import { describe, expect, it, onTestFinished } from 'vitest'
import { DATABASE_FILE } from '../../../electron/service/start.ts'
import { Child, startGuardChild } from './child-process.ts'

const SERVER = 'electron/server/main.ts'
// The server on the demo's simulated WeChat: a real account's puppet would try to reach WeChat.
const serve = (dataDir: string) => new Child(SERVER, ['--demo', '--data', dataDir, '--port', '0'])
const isRoot = process.getuid?.() === 0

function scratch(prefix: string): string {
  const dir = mkdtempSync(join(tmpdir(), prefix))
  onTestFinished(() => rmSync(dir, { recursive: true, force: true }))
  return dir
}

/** A tmpfs of `size` at a fresh folder, unmounted when the test ends (root only). */
function smallDisk(size: string): string {
  const dir = scratch('qunguard-disk-')
  execFileSync('mount', ['-t', 'tmpfs', '-o', `size=${size}`, 'tmpfs', dir])
  onTestFinished(() => {
    execFileSync('umount', ['-l', dir])
  })
  return dir
}

function storedWarnings(dataDir: string): string[] {
  const db = new Database(join(dataDir, DATABASE_FILE), { readonly: true })
  try {
    return db.prepare("SELECT message_id FROM events WHERE kind IN ('warning', 'removal') ORDER BY id").pluck().all() as string[]
  } finally {
    db.close()
  }
}

const acked = (logDir: string) => readFileSync(join(logDir, 'acked.log'), 'utf8').split('\n').filter(Boolean)

async function stopChild(child: Child): Promise<void> {
  child.send('exit')
  await child.waitFor((line) => line === 'exit-ok', 'exit-ok')
  await child.exited
}

describe('a second instance on the same data folder', { timeout: 180_000 }, () => {
  it('refuses to start, touching nothing; a killed holder does not block the next start', async () => {
    const dataDir = scratch('qunguard-two-')
    const first = serve(dataDir)
    await first.waitFor((line) => line.startsWith('open http://127.0.0.1:'), 'the URL')

    const second = serve(dataDir)
    expect(await second.exited).toBe(3)
    expect(second.stderr).toContain(`is already using the data folder ${dataDir}`)
    expect(second.stderr).toContain(`process ${first.pid}`)
    expect(second.lines.some((line) => line.startsWith('open '))).toBe(false)

    first.kill('SIGKILL')
    await first.exited
    const third = serve(dataDir)
    await third.waitFor((line) => line.startsWith('open http://127.0.0.1:'), 'the URL after the restart')
    third.kill('SIGTERM')
    expect(await third.exited).toBe(0)
  })
})

describe('another program holding the write lock', { timeout: 180_000 }, () => {
  it('pauses moderation saying so, keeps the messages, and judges them when the lock goes', async () => {
    const dataDir = scratch('qunguard-lock-')
    const child = await startGuardChild(dataDir)
    const holder = new Child('test/integration/faults/lock-holder.ts', [join(dataDir, DATABASE_FILE)])
    await holder.waitFor((line) => line === 'holding', 'the lock')

    const from = child.lines.length
    child.send('say shop m1 代购奶粉')
    child.send('say fair m6 加微信领红包')
    await child.health((health) => health.status === 'paused' && health.fault === 'locked', 'the pause', from)
    expect(child.lines.slice(from).some((line) => line.startsWith('log moderation paused: locked'))).toBe(true)

    holder.kill('SIGKILL')
    await holder.exited
    await child.health((health) => health.status === 'running', 'the resumption', from)
    child.send('drain')
    await child.waitFor((line) => line === 'drained', 'drained')
    await stopChild(child)
    expect(storedWarnings(dataDir).sort()).toEqual(acked(dataDir).sort())
  })
})

describe.runIf(isRoot)('a full disk (a small tmpfs)', { timeout: 180_000 }, () => {
  it('pauses moderation as "disk full", loses no message, and resumes when room is made', async () => {
    const dataDir = smallDisk('4m')
    const logDir = scratch('qunguard-logs-')
    const child = await startGuardChild(dataDir, logDir)
    // Fill what is left of the disk.
    const filler = join(dataDir, 'filler')
    const fd = openSync(filler, 'w')
    try {
      for (;;) writeSync(fd, Buffer.alloc(64 * 1024, 1))
    } catch (error) {
      expect((error as { code?: string }).code).toBe('ENOSPC')
    } finally {
      closeSync(fd)
    }

    const from = child.lines.length
    let said = 0
    while (!child.lines.slice(from).some((line) => line.startsWith('health ') && line.includes('"disk_full"')) && said < 40) {
      child.send(`say shop m${1 + (said % 5)} 代购奶粉${said++}`)
      await child.waitFor((line) => line === 'said', 'said', child.lines.length)
    }
    await child.health((health) => health.status === 'paused' && health.fault === 'disk_full', 'the pause', from)
    child.send('say fair m6 加微信领红包')

    rmSync(filler)
    await child.health((health) => health.status === 'running', 'the resumption', from)
    child.send('drain')
    await child.waitFor((line) => line === 'drained', 'drained')
    await stopChild(child)
    expect(storedWarnings(dataDir).sort()).toEqual(acked(logDir).sort())
  })
})

describe.runIf(isRoot)('a read-only data folder', { timeout: 180_000 }, () => {
  it('stops the server at start saying the folder cannot be written; it starts once the folder is writable', async () => {
    const dataDir = smallDisk('8m')
    const ready = serve(dataDir)
    await ready.waitFor((line) => line.startsWith('open '), 'the URL')
    ready.kill('SIGTERM')
    await ready.exited

    execFileSync('mount', ['-o', 'remount,ro', dataDir])
    const refused = serve(dataDir)
    expect(await refused.exited).toBe(1)
    expect(refused.stderr).toContain(`the data folder ${dataDir} cannot be written`)

    execFileSync('mount', ['-o', 'remount,rw', dataDir])
    const again = serve(dataDir)
    await again.waitFor((line) => line.startsWith('open '), 'the URL once writable')
    again.kill('SIGTERM')
    expect(await again.exited).toBe(0)
  })
})

describe('a corrupted page', { timeout: 180_000 }, () => {
  it('is found at start: the damaged file is kept aside, the rep is told, and moderation goes on with the rules', async () => {
    const dataDir = scratch('qunguard-corrupt-')
    const child = await startGuardChild(dataDir)
    child.send('burst 5 30')
    await child.waitFor((line) => line === 'burst-done', 'the burst')
    await stopChild(child)

    // Scribble over a page in the middle of the file, as a failing disk would.
    const path = join(dataDir, DATABASE_FILE)
    const size = readFileSync(path).length
    const fd = openSync(path, 'r+')
    writeSync(fd, Buffer.alloc(4096, 0x5a), 0, 4096, Math.floor(size / 4096 / 2) * 4096)
    closeSync(fd)
    const original = readFileSync(path)

    const restarted = await startGuardChild(dataDir)
    restarted.send('health')
    const health = await restarted.health((view) => view.damagedFile !== null, 'the damaged state')
    expect(health.damagedFile).toMatch(/qunguard\.damaged-\d{8}T\d{6}\.sqlite$/)
    expect(readFileSync(health.damagedFile!).equals(original)).toBe(true)
    expect(readdirSync(dataDir).filter((name) => name.includes('damaged') && name.endsWith('.sqlite'))).toHaveLength(1)
    expect(restarted.lines.some((line) => line.startsWith('log the data file failed its integrity check'))).toBe(true)

    const from = restarted.lines.length
    restarted.send('say shop m2 赌博网站')
    await restarted.waitFor((line) => line === 'said', 'said', from)
    restarted.send('drain')
    await restarted.waitFor((line) => line === 'drained', 'drained', from)
    await stopChild(restarted)
    expect(storedWarnings(dataDir)).toHaveLength(1)
  })
})
