// The backups folder inside the data folder: one file a day, qunguard-YYYY-MM-DD.sqlite, pruned by rotation.ts.
// A backup is written beside its final name and renamed, so the folder never holds half a file under a backup's name.
import { existsSync, mkdirSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs'
import { join } from 'node:path'
import type { Store } from '../store/index.ts'
import { BackupError } from './backup-error.ts'
import { backupsToPrune } from './rotation.ts'

export const BACKUP_FOLDER = 'backups'
const NAME = /^qunguard-(\d{4}-\d{2}-\d{2})\.sqlite$/

export interface BackupEntry {
  name: string
  day: string
  bytes: number
  /** When the file was written (ms since the epoch). */
  at: number
}

export function backupFolder(dataDir: string): string {
  return join(dataDir, BACKUP_FOLDER)
}

/** The local calendar day of a time, YYYY-MM-DD. */
export function localDay(at: number): string {
  const date = new Date(at)
  const pad = (value: number) => String(value).padStart(2, '0')
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`
}

/** The backups in the folder, newest first; other files there are left alone. */
export function listBackups(dataDir: string): BackupEntry[] {
  const folder = backupFolder(dataDir)
  if (!existsSync(folder)) return []
  const entries: BackupEntry[] = []
  for (const name of readdirSync(folder)) {
    const day = NAME.exec(name)?.[1]
    if (!day) continue
    const stat = statSync(join(folder, name))
    if (stat.isFile()) entries.push({ name, day, bytes: stat.size, at: stat.mtimeMs })
  }
  return entries.sort((a, b) => b.day.localeCompare(a.day))
}

/** The path of a listed backup; a name that is not one (a path, another file) is refused. */
export function backupPath(dataDir: string, name: string): string {
  if (!NAME.test(name)) throw new BackupError('backup_bad_name', `"${name}" is not the name of a QunGuard backup (qunguard-YYYY-MM-DD.sqlite)`, { name })
  const path = join(backupFolder(dataDir), name)
  if (!existsSync(path)) throw new BackupError('backup_missing', `there is no backup ${name}`, { file: name })
  return path
}

/** Takes today's backup (replacing an earlier one of the same day) and prunes the old ones. */
export async function takeBackup(store: Store, dataDir: string, now: number): Promise<BackupEntry> {
  const folder = backupFolder(dataDir)
  mkdirSync(folder, { recursive: true, mode: 0o700 })
  const name = `qunguard-${localDay(now)}.sqlite`
  const partial = join(folder, `${name}.partial`)
  rmSync(partial, { force: true })
  try {
    await store.backup(partial)
    renameSync(partial, join(folder, name))
  } finally {
    rmSync(partial, { force: true })
  }
  for (const old of backupsToPrune(listBackups(dataDir))) rmSync(join(folder, old.name), { force: true })
  return listBackups(dataDir).find((entry) => entry.name === name)!
}
