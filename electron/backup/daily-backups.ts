// The daily backup while the service runs: one at start when today has none, then a look every hour. A failed backup
// is reported (the service records it for the rep) and tried again at the next look.
import type { Store } from '../store/index.ts'
import { listBackups, localDay, takeBackup, type BackupEntry } from './backup-folder.ts'

const CHECK_EVERY_MS = 60 * 60 * 1000

export interface DailyBackupOptions {
  store: Store
  dataDir: string
  clock: () => number
  onError(error: Error): void
  /** Look on a timer (the app); tests call `due` by hand. */
  timers: boolean
}

export interface DailyBackups {
  /** Takes today's backup unless there is one already. */
  due(): Promise<BackupEntry | null>
  /** Takes a backup now, replacing today's. */
  now(): Promise<BackupEntry>
  /** Stops the timer and waits for a backup in progress, so the store can close. */
  stop(): Promise<void>
}

export function startDailyBackups(options: DailyBackupOptions): DailyBackups {
  const { store, dataDir, clock } = options
  let running: Promise<BackupEntry> | null = null
  const take = (): Promise<BackupEntry> => {
    running ??= takeBackup(store, dataDir, clock()).finally(() => (running = null))
    return running
  }
  const due = async () => {
    const today = localDay(clock())
    if (listBackups(dataDir).some((entry) => entry.day === today)) return null
    return take()
  }
  const look = () => void due().catch((error: Error) => options.onError(error))
  let timer: NodeJS.Timeout | null = null
  if (options.timers) {
    look()
    timer = setInterval(look, CHECK_EVERY_MS)
    timer.unref()
  }
  return {
    due,
    now: take,
    async stop() {
      if (timer) clearInterval(timer)
      await running?.catch(() => undefined)
    },
  }
}
