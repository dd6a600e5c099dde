// The feed as CSV for reports: one event a row, in the columns a spreadsheet reader expects. Pure, so the service
// builds it and the tests read it back without a window.
import type { FeedEvent } from './types.ts'

export const FEED_CSV_COLUMNS = ['id', 'time', 'kind', 'group', 'member', 'rule', 'status', 'dry_run', 'overridden', 'verdict', 'text'] as const

/** A cell quoted when it must be (comma, quote, line break) and defused when a spreadsheet would run it as a formula. */
export function csvCell(value: string): string {
  const safe = /^[=+\-@\t\r]/u.test(value) ? `'${value}` : value
  return /[",\r\n]/u.test(safe) ? `"${safe.replace(/"/gu, '""')}"` : safe
}

export function feedCsv(events: readonly FeedEvent[], timeOf: (at: number) => string): string {
  const rows = events.map((event) =>
    [
      String(event.id),
      timeOf(event.at),
      event.kind,
      event.groupTopic ?? event.groupId ?? '',
      event.memberName ?? event.memberKey ?? '',
      event.rule ?? '',
      event.status ?? '',
      event.dryRun ? 'yes' : 'no',
      event.overridden ? 'yes' : 'no',
      event.verdict ?? '',
      event.text ?? '',
    ].map(csvCell).join(','),
  )
  // The byte-order mark lets Excel read the Chinese as UTF-8.
  return `\uFEFF${[FEED_CSV_COLUMNS.join(','), ...rows].join('\r\n')}\r\n`
}
