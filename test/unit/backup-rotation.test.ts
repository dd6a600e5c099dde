import { describe, expect, it } from 'vitest'
import { backupsToPrune, KEEP_DAILY, KEEP_WEEKLY } from '../../electron/backup/rotation.ts'

/** One backup a day for `count` days ending on `last` (YYYY-MM-DD), newest first. */
function daily(last: string, count: number) {
  const end = new Date(`${last}T00:00:00Z`)
  return Array.from({ length: count }, (_, index) => {
    const day = new Date(end)
    day.setUTCDate(end.getUTCDate() - index)
    const iso = day.toISOString().slice(0, 10)
    return { name: `qunguard-${iso}.sqlite`, day: iso }
  })
}

describe('backup rotation', () => {
  it('keeps everything while there are fewer than seven days', () => {
    expect(backupsToPrune(daily('2026-12-01', KEEP_DAILY))).toEqual([])
  })

  it('after 60 days keeps the 7 newest days and the newest backup of each of the 4 weeks before them', () => {
    const all = daily('2026-12-01', 60) // 2026-12-01 is a Tuesday
    const pruned = new Set(backupsToPrune(all).map((backup) => backup.day))
    const kept = all.filter((backup) => !pruned.has(backup.day)).map((backup) => backup.day)
    expect(kept).toEqual([
      '2026-12-01', '2026-11-30', '2026-11-29', '2026-11-28', '2026-11-27', '2026-11-26', '2026-11-25',
      // 11-24 (Tuesday) is the newest left of the week of Monday 11-23; then the Sundays of the three weeks before.
      '2026-11-24', '2026-11-22', '2026-11-15', '2026-11-08',
    ])
    expect(kept).toHaveLength(KEEP_DAILY + KEEP_WEEKLY)
  })

  it('with gaps, keeps seven distinct days rather than seven calendar days', () => {
    const sparse = daily('2026-12-01', 40).filter((_, index) => index % 3 === 0)
    const pruned = new Set(backupsToPrune(sparse).map((backup) => backup.name))
    const kept = sparse.filter((backup) => !pruned.has(backup.name))
    expect(kept.slice(0, KEEP_DAILY)).toEqual(sparse.slice(0, KEEP_DAILY))
    expect(kept.length).toBeGreaterThan(KEEP_DAILY)
    expect(kept.length).toBeLessThanOrEqual(KEEP_DAILY + KEEP_WEEKLY)
  })
})
