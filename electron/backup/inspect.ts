// Is this file a QunGuard database this version can open? Checked before anything is moved, so a refused file
// changes nothing: the SQLite header, our tables, a schema no newer than ours, and SQLite's own integrity check.
import { closeSync, openSync, readSync, statSync } from 'node:fs'
import Database from 'better-sqlite3'
import { SCHEMA_VERSION } from '../store/index.ts'
import { BackupError } from './backup-error.ts'

const SQLITE_MAGIC = 'SQLite format 3\0'
/** Tables every QunGuard database has had since the first schema. */
const OUR_TABLES = ['rules', 'rule_set', 'settings', 'groups', 'members', 'allow_list', 'strikes', 'events', 'pending_actions', 'messages']

export interface BackupFacts {
  schemaVersion: number
  bytes: number
}

function readHeader(file: string): string {
  const fd = openSync(file, 'r')
  try {
    const header = Buffer.alloc(SQLITE_MAGIC.length)
    const read = readSync(fd, header, 0, header.length, 0)
    return header.subarray(0, read).toString('latin1')
  } finally {
    closeSync(fd)
  }
}

export function inspectBackup(file: string): BackupFacts {
  let bytes: number
  try {
    const stat = statSync(file)
    if (!stat.isFile()) throw new Error('not a file')
    bytes = stat.size
  } catch {
    throw new BackupError('backup_missing', `${file}: there is no such file`, { file })
  }
  if (readHeader(file) !== SQLITE_MAGIC) throw new BackupError('backup_not_sqlite', `${file}: not a QunGuard backup (not an SQLite database)`, { file })
  let db: Database.Database
  try {
    db = new Database(file, { readonly: true, fileMustExist: true })
  } catch (error) {
    throw new BackupError('backup_corrupt', `${file}: cannot be opened (${(error as Error).message})`, { file })
  }
  try {
    const tables = new Set(db.prepare<[], string>("SELECT name FROM sqlite_schema WHERE type = 'table'").pluck().all())
    const missing = OUR_TABLES.filter((table) => !tables.has(table))
    if (missing.length) throw new BackupError('backup_not_qunguard', `${file}: not a QunGuard backup (no ${missing.join(', ')} table)`, { file })
    const schemaVersion = db.pragma('user_version', { simple: true }) as number
    if (schemaVersion > SCHEMA_VERSION) {
      throw new BackupError('backup_newer_version', `${file}: made by a newer QunGuard (data version ${schemaVersion}, this one reads up to ${SCHEMA_VERSION}); update QunGuard first`, {
        file,
        version: schemaVersion,
        supported: SCHEMA_VERSION,
      })
    }
    const integrity = db.pragma('quick_check', { simple: true })
    if (integrity !== 'ok') throw new BackupError('backup_corrupt', `${file}: damaged (${String(integrity)})`, { file })
    return { schemaVersion, bytes }
  } catch (error) {
    if (error instanceof BackupError) throw error
    throw new BackupError('backup_corrupt', `${file}: damaged (${(error as Error).message})`, { file })
  } finally {
    db.close()
  }
}
