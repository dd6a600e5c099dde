// The data folder holds the rep's customers' messages, the strikes and (sealed) tokens: only the rep's own account
// may read it. The folder is 0700 and every file QunGuard creates in it 0600; SQLite gives its WAL and shared-memory
// files the database file's mode, so creating the database file private keeps them private too.
import { chmodSync, closeSync, existsSync, mkdirSync, openSync, readdirSync, statSync } from 'node:fs'
import { join } from 'node:path'

export const PRIVATE_DIR_MODE = 0o700
export const PRIVATE_FILE_MODE = 0o600

/** Creates the folder if needed and takes group and world access away from it and the files directly in it. */
export function secureDataFolder(dir: string): void {
  mkdirSync(dir, { recursive: true, mode: PRIVATE_DIR_MODE })
  if (process.platform === 'win32') return // NTFS permissions follow the user profile; modes mean nothing there
  chmodSync(dir, PRIVATE_DIR_MODE)
  // Installations from before this check left world-readable files behind.
  for (const name of readdirSync(dir)) {
    const path = join(dir, name)
    const stat = statSync(path)
    if (stat.isFile() && (stat.mode & 0o077) !== 0) chmodSync(path, PRIVATE_FILE_MODE)
  }
}

/** Creates an empty file only its owner can read, unless it already exists. */
export function createPrivateFile(path: string): void {
  if (existsSync(path)) return
  closeSync(openSync(path, 'a', PRIVATE_FILE_MODE))
}
