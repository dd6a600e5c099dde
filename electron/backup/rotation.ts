// Which backups to keep: the 7 newest days, and the newest backup of each of the 4 newest weeks before those.
// Pure, so the rule is tested without files; a week starts on Monday (how reps in China count it).
export const KEEP_DAILY = 7
export const KEEP_WEEKLY = 4

export interface DatedBackup {
  name: string
  /** The calendar day it was taken, YYYY-MM-DD (local time). */
  day: string
}

/** The Monday of the day's week, as YYYY-MM-DD. */
function weekOf(day: string): string {
  const date = new Date(`${day}T00:00:00Z`)
  const sinceMonday = (date.getUTCDay() + 6) % 7
  date.setUTCDate(date.getUTCDate() - sinceMonday)
  return date.toISOString().slice(0, 10)
}

/** The backups to delete, given all of them; never one of the newest KEEP_DAILY days. */
export function backupsToPrune<T extends DatedBackup>(backups: readonly T[]): T[] {
  const newestFirst = [...backups].sort((a, b) => (a.day === b.day ? b.name.localeCompare(a.name) : b.day.localeCompare(a.day)))
  const keep = new Set<T>()
  const days = new Set<string>()
  for (const backup of newestFirst) {
    if (days.has(backup.day) || days.size === KEEP_DAILY) continue
    days.add(backup.day)
    keep.add(backup)
  }
  const weeks = new Set<string>()
  for (const backup of newestFirst) {
    if (keep.has(backup) || days.has(backup.day)) continue
    const week = weekOf(backup.day)
    if (weeks.has(week) || weeks.size === KEEP_WEEKLY) continue
    weeks.add(week)
    keep.add(backup)
  }
  return newestFirst.filter((backup) => !keep.has(backup))
}
