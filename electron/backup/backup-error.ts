// Why a backup could not be taken, listed or restored: a code and parameters, so the window says it in the rep's
// language, and an English message for the command line and logs.
export const BACKUP_ERROR_CODES = [
  'backup_missing',
  'backup_not_sqlite',
  'backup_not_qunguard',
  'backup_newer_version',
  'backup_corrupt',
  'backup_bad_name',
  'service_running',
] as const
export type BackupErrorCode = (typeof BACKUP_ERROR_CODES)[number]

export class BackupError extends Error {
  constructor(
    readonly code: BackupErrorCode,
    message: string,
    readonly params: Record<string, string | number> = {},
  ) {
    super(message)
    this.name = 'BackupError'
  }
}
