// A restore must not pull the database from under a running service. The service leaves its process id in the data
// folder while it runs; a restore from the command line refuses while that process is alive.
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { BackupError } from './backup-error.ts'

const MARKER_FILE = 'service.pid'

export function markServiceRunning(dataDir: string): () => void {
  const path = join(dataDir, MARKER_FILE)
  writeFileSync(path, String(process.pid), { mode: 0o600 })
  return () => {
    if (existsSync(path) && readFileSync(path, 'utf8').trim() === String(process.pid)) rmSync(path, { force: true })
  }
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM'
  }
}

/** Throws service_running when a service (in another process) has this data folder open. */
export function ensureServiceStopped(dataDir: string): void {
  const path = join(dataDir, MARKER_FILE)
  if (!existsSync(path)) return
  const pid = Number(readFileSync(path, 'utf8').trim())
  if (Number.isInteger(pid) && pid > 0 && pid !== process.pid && alive(pid)) {
    throw new BackupError('service_running', `QunGuard is running on ${dataDir} (process ${pid}); quit it first`, { pid })
  }
}
