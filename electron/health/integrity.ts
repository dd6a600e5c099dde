// The data file is checked before the service trusts it. A damaged file is never repaired in place or overwritten:
// it is moved aside under a name that says so (with its WAL and shared-memory files, which belong to it), so that a
// restore from a backup, or an expert, can still get at what it holds.
import { existsSync, renameSync } from 'node:fs'
import { basename, dirname, join } from 'node:path'
import Database from 'better-sqlite3'
import { storeFaultOf } from './store-faults.ts'

export type IntegrityResult = { ok: true } | { ok: false; problem: string }

/** SQLite's quick_check (every page and index, not the slower cross-checks); a missing file is fine (first run). */
export function checkIntegrity(path: string): IntegrityResult {
  if (!existsSync(path)) return { ok: true }
  let db: Database.Database | null = null
  try {
    db = new Database(path, { fileMustExist: true, timeout: 100 })
    const rows = db.pragma('quick_check') as { quick_check: string }[]
    const problems = rows.map((row) => row.quick_check).filter((line) => line !== 'ok')
    return problems.length === 0 ? { ok: true } : { ok: false, problem: problems.slice(0, 5).join('; ') }
  } catch (error) {
    if (storeFaultOf(error) === 'damaged') return { ok: false, problem: (error as Error).message }
    throw error
  } finally {
    db?.close()
  }
}

/** Moves the damaged file (and its -wal and -shm) aside, never over another file; returns where it went. */
export function setAside(path: string, now: number): string {
  const stamp = new Date(now).toISOString().replace(/[-:]/g, '').replace(/\..*$/, '')
  const stem = basename(path).replace(/\.sqlite$/, '')
  let target = join(dirname(path), `${stem}.damaged-${stamp}.sqlite`)
  for (let n = 2; existsSync(target); n++) target = join(dirname(path), `${stem}.damaged-${stamp}-${n}.sqlite`)
  renameSync(path, target)
  for (const suffix of ['-wal', '-shm']) if (existsSync(path + suffix)) renameSync(path + suffix, target + suffix)
  return target
}
