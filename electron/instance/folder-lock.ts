// One QunGuard per data folder. Two processes on one folder would both judge every message and both send the same
// warning, and a starting one would mark the other's running actions as interrupted.
//
// The lock is an operating-system file lock, held through a tiny SQLite file opened in exclusive locking mode: the OS
// drops it the moment the holder dies (SIGKILL and power cuts included), so a stale lock can never block a restart,
// and a process id that was reused cannot fool it. SQLite also gives the same lock on Windows and macOS.
import { writeFileSync, readFileSync, rmSync } from 'node:fs'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import { storeFaultOf } from '../health/store-faults.ts'
import { secureDataFolder, PRIVATE_FILE_MODE, createPrivateFile } from './private-files.ts'
import { errorText } from '../../shared/text/error-text.ts'

export const LOCK_FILE = 'qunguard.lock'
const HOLDER_FILE = 'qunguard.lock.pid'

/** Another process holds the folder; `pid` is what it wrote when it took the lock (informative only). */
export class FolderInUseError extends Error {
  readonly code = 'folder_in_use'
  constructor(
    readonly dir: string,
    readonly pid: number | null,
  ) {
    super(`another QunGuard${pid === null ? '' : ` (process ${pid})`} is already using the data folder ${dir}; stop it first or choose another folder with --data`)
    this.name = 'FolderInUseError'
  }
}

/** The folder cannot be written at all (a read-only disk or mount): QunGuard cannot record a single decision there. */
export class FolderUnwritableError extends Error {
  readonly code = 'folder_unwritable'
  constructor(
    readonly dir: string,
    cause: unknown,
  ) {
    super(`the data folder ${dir} cannot be written (${errorText(cause)}); make it writable or choose another folder with --data`)
    this.name = 'FolderUnwritableError'
  }
}

export interface FolderLock {
  readonly dir: string
  release(): void
}

function holderPid(dir: string): number | null {
  try {
    const pid = Number(readFileSync(join(dir, HOLDER_FILE), 'utf8').trim())
    return Number.isInteger(pid) && pid > 0 ? pid : null
  } catch {
    return null
  }
}

/** Takes the folder's lock (creating and securing the folder first) or throws FolderInUseError at once. */
export function lockDataFolder(dir: string): FolderLock {
  const path = join(dir, LOCK_FILE)
  let db: Database.Database
  try {
    secureDataFolder(dir)
    createPrivateFile(path)
    db = new Database(path, { timeout: 0 })
  } catch (error) {
    throw new FolderUnwritableError(dir, error)
  }
  try {
    db.pragma('locking_mode = EXCLUSIVE')
    // The first write takes the exclusive lock; in this mode it is kept until the connection closes.
    db.exec('BEGIN EXCLUSIVE; CREATE TABLE IF NOT EXISTS holder (pid INTEGER); DELETE FROM holder; COMMIT')
    db.prepare('INSERT INTO holder (pid) VALUES (?)').run(process.pid)
  } catch (error) {
    db.close()
    if ((error as { code?: string }).code === 'SQLITE_BUSY') throw new FolderInUseError(dir, holderPid(dir))
    if (storeFaultOf(error) === 'read_only') throw new FolderUnwritableError(dir, error)
    throw error
  }
  writeFileSync(join(dir, HOLDER_FILE), `${process.pid}\n`, { mode: PRIVATE_FILE_MODE })
  let held = true
  return {
    dir,
    release() {
      if (!held) return
      held = false
      rmSync(join(dir, HOLDER_FILE), { force: true })
      db.close()
    },
  }
}
