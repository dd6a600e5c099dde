// Backups of the database: daily, rotated (7 daily, 4 weekly) in <data>/backups, restored from the window (at the
// next start) or the command line. listBackups and restoreBackup are what a start-up integrity check needs.
import { ensureServiceStopped } from './running-marker.ts'
import { backupPath } from './backup-folder.ts'
import { restoreDatabase, type RestoreResult } from './restore.ts'

export { BackupError, BACKUP_ERROR_CODES, type BackupErrorCode } from './backup-error.ts'
export { backupFolder, backupPath, listBackups, takeBackup, type BackupEntry } from './backup-folder.ts'
export { startDailyBackups, type DailyBackups } from './daily-backups.ts'
export { inspectBackup } from './inspect.ts'
export { markServiceRunning, ensureServiceStopped } from './running-marker.ts'
export { applyStagedRestore, restoreDatabase, stageRestore, type RestoreResult } from './restore.ts'
export { backupsToPrune, KEEP_DAILY, KEEP_WEEKLY } from './rotation.ts'

/** Restores the named backup of the data folder while no service runs (a start-up check, before the store opens). */
export function restoreBackup(dataDir: string, name: string, now = Date.now()): RestoreResult {
  ensureServiceStopped(dataDir)
  return restoreDatabase(dataDir, backupPath(dataDir, name), now)
}
