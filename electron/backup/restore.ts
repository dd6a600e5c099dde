// Putting a backup in place of the database: the file is checked first (a refused file changes nothing), the current
// database (with its WAL, so nothing committed is lost) is kept aside under a name never used before, and the
// backup is copied in under a temporary name and renamed, so a crash leaves either the old database or the new one.
import { copyFileSync, existsSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { DATABASE_FILE } from '../store/index.ts'
import { BackupError } from './backup-error.ts'
import { inspectBackup } from './inspect.ts'

const COMPANIONS = ['', '-wal', '-shm']
const PENDING_FILE = 'restore-pending.json'

export interface RestoreResult {
  restored: string
  /** Where the database that was in use now lives; null when there was none. */
  keptAside: string | null
}

function stamp(now: number): string {
  return new Date(now).toISOString().replace(/[-:]/g, '').replace(/\..*$/, '')
}

function asideName(database: string, now: number): string {
  const base = `${database}.before-restore-${stamp(now)}`
  let candidate = base
  for (let n = 2; COMPANIONS.some((suffix) => existsSync(candidate + suffix)); n++) candidate = `${base}-${n}`
  return candidate
}

/** Replaces the data folder's database with `file`. The caller makes sure no service has the database open. */
export function restoreDatabase(dataDir: string, file: string, now: number): RestoreResult {
  inspectBackup(file)
  const database = join(dataDir, DATABASE_FILE)
  const incoming = `${database}.restoring`
  copyFileSync(file, incoming)
  let keptAside: string | null = null
  if (COMPANIONS.some((suffix) => existsSync(database + suffix))) {
    keptAside = asideName(database, now)
    for (const suffix of COMPANIONS) if (existsSync(database + suffix)) renameSync(database + suffix, keptAside + suffix)
  }
  renameSync(incoming, database)
  return { restored: file, keptAside }
}

/** The window asks for a restore while the service runs: it is checked now and carried out at the next start. */
export function stageRestore(dataDir: string, file: string): void {
  inspectBackup(file)
  writeFileSync(join(dataDir, PENDING_FILE), JSON.stringify({ file }), { mode: 0o600 })
}

/** Carries out a staged restore, before the store opens; a staged file that went bad since is refused and dropped. */
export function applyStagedRestore(dataDir: string, now: number): RestoreResult | BackupError | null {
  const path = join(dataDir, PENDING_FILE)
  if (!existsSync(path)) return null
  try {
    const { file } = JSON.parse(readFileSync(path, 'utf8')) as { file: string }
    return restoreDatabase(dataDir, file, now)
  } catch (error) {
    return error instanceof BackupError ? error : new BackupError('backup_corrupt', `the restore asked for could not be read: ${(error as Error).message}`)
  } finally {
    rmSync(path, { force: true })
  }
}
