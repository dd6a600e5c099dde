// `restore`: puts a backup (or any QunGuard database file) in place of the data folder's database, with the service
// stopped. The database in use is kept aside, never overwritten; a file that is not a QunGuard backup, or is from a
// newer version, is refused and nothing changes.
import { homedir } from 'node:os'
import { join, resolve } from 'node:path'
import { BackupError, ensureServiceStopped, listBackups, restoreDatabase } from '../backup/index.ts'
import { parseCommandArgs, usageError } from './args.ts'
import { CliError, type CliIo } from './io.ts'

export const RESTORE_USAGE = `usage: npm run -s cli -- restore FILE [--data DIR]
       npm run -s cli -- restore --list [--data DIR]

  FILE        a backup: one of <data>/backups/qunguard-YYYY-MM-DD.sqlite, or a copy of one kept elsewhere
  --data DIR  the data folder (default: ~/.qunguard; the desktop app's is shown in its Settings)
  --list      lists the backups in the data folder, newest first

QunGuard must not be running. The database in use is renamed to qunguard.sqlite.before-restore-<time> beside it.`

export async function runRestoreCommand(argv: readonly string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseCommandArgs(argv, { data: { type: 'string' }, list: { type: 'boolean' } }, RESTORE_USAGE, true)
  if (values.help) {
    io.stdout.write(`${RESTORE_USAGE}\n`)
    return 0
  }
  const dataDir = resolve(values.data ?? join(homedir(), '.qunguard'))
  if (values.list) {
    if (positionals.length) throw usageError('--list takes no file', RESTORE_USAGE)
    for (const backup of listBackups(dataDir)) io.stdout.write(`${join(dataDir, 'backups', backup.name)}\t${backup.bytes}\n`)
    return 0
  }
  const [file, ...extra] = positionals
  if (file === undefined) throw usageError('name the backup file to restore', RESTORE_USAGE)
  if (extra.length) throw usageError(`one file at a time (also given: ${extra.join(' ')})`, RESTORE_USAGE)
  try {
    ensureServiceStopped(dataDir)
    const result = restoreDatabase(dataDir, resolve(file), Date.now())
    io.stderr.write(`restored ${result.restored} into ${dataDir}\n`)
    if (result.keptAside) io.stderr.write(`the database that was in use is kept as ${result.keptAside}\n`)
    return 0
  } catch (error) {
    if (error instanceof BackupError) throw new CliError([`error: ${error.message}`])
    throw error
  }
}
