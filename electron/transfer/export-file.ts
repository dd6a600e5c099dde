// The export file: everything a rep owns (rules, settings, groups and their switches, members, allow-list, strikes,
// the members they marked as known offenders, and the events and message history still within retention) as one JSON document. Secrets live in secrets.json,
// never in these tables, so they are never in an export; queued actions are not carried over either.
import { z } from 'zod'
import { SCHEMA_VERSION, type Row, type Store } from '../store/index.ts'

export const EXPORT_FORMAT = 'qunguard-export'
const DAY_MS = 86_400_000

/** In the order they are inserted (a table after those it refers to). */
export const EXPORTED_TABLES = ['settings', 'rules', 'groups', 'members', 'allow_list', 'strikes', 'events', 'messages'] as const
/** Emptied before an import, in this order (a table before those it refers to). */
const CLEARED_TABLES = ['pending_actions', 'events', 'strikes', 'messages', 'members', 'allow_list', 'groups', 'rules', 'settings'] as const

/** The members the rep marked as known offenders: merged in rather than replaced, so that in team mode only marks
 * that really come or go reach the team (migration 6's triggers). Files made before version 6 have none. */
const MARKS_TABLE = 'marked_offenders'

export interface ExportFile {
  format: typeof EXPORT_FORMAT
  schemaVersion: number
  exportedAt: number
  tables: Record<(typeof EXPORTED_TABLES)[number] | typeof MARKS_TABLE, Row[]>
}

const cell = z.union([z.string().max(1_000_000), z.number(), z.null()])
const rows = z.array(z.record(z.string().max(64), cell)).max(2_000_000)
const markRows = z
  .array(
    z
      .object({
        member_key: z.string().min(1).max(300),
        member_name: z.string().max(200),
        reason: z.string().max(2000).nullable(),
        marked_at: z.number().int().nonnegative(),
        event_id: z.number().int().nullable(),
      })
      .strict(),
  )
  .max(2_000_000)

export const EXPORT_FILE_SCHEMA = z
  .object({
    format: z.literal(EXPORT_FORMAT),
    schemaVersion: z.number().int().min(1).max(SCHEMA_VERSION, { message: `made by a newer QunGuard; this one reads data version ${SCHEMA_VERSION} and older` }),
    exportedAt: z.number().int().nonnegative(),
    tables: z
      .object({
        ...(Object.fromEntries(EXPORTED_TABLES.map((table) => [table, rows])) as Record<(typeof EXPORTED_TABLES)[number], typeof rows>),
        [MARKS_TABLE]: markRows.default([]),
      })
      .strict(),
  })
  .strict()

export function exportData(store: Store, now: number): ExportFile {
  const since = now - store.settings.get('retentionDays') * DAY_MS
  const tables = store.rows.read([...EXPORTED_TABLES, MARKS_TABLE], {
    events: { sql: 'at >= ?', params: [since] },
    messages: { sql: 'at >= ?', params: [since] },
  }) as ExportFile['tables']
  return { format: EXPORT_FORMAT, schemaVersion: SCHEMA_VERSION, exportedAt: now, tables }
}

export class ImportError extends Error {
  constructor(
    message: string,
    readonly problems: string[],
  ) {
    super(message)
    this.name = 'ImportError'
  }
}

/** Replaces the rep's data with the file's; a file that does not check out, or a row SQLite refuses, changes nothing. */
export function importData(store: Store, raw: unknown): Record<(typeof EXPORTED_TABLES)[number] | typeof MARKS_TABLE, number> {
  const parsed = EXPORT_FILE_SCHEMA.safeParse(raw)
  if (!parsed.success) {
    const problems = parsed.error.issues.slice(0, 20).map((issue) => `${issue.path.join('.') || 'file'}: ${issue.message}`)
    throw new ImportError(`not a QunGuard export file: ${problems.join('; ')}`, problems)
  }
  const { tables } = parsed.data
  try {
    store.transaction(() => {
      store.rows.replace(CLEARED_TABLES, EXPORTED_TABLES.map((table) => [table, tables[table]] as const))
      store.markedOffenders.replaceAll(
        tables[MARKS_TABLE].map((row) => ({ memberKey: row.member_key, memberName: row.member_name, reason: row.reason, markedAt: row.marked_at, eventId: row.event_id })),
      )
    })
  } catch (error) {
    throw new ImportError(`the export file cannot be imported: ${(error as Error).message}`, [(error as Error).message])
  }
  const counts = Object.fromEntries(EXPORTED_TABLES.map((table) => [table, tables[table].length])) as Record<(typeof EXPORTED_TABLES)[number], number>
  return { ...counts, [MARKS_TABLE]: tables[MARKS_TABLE].length }
}
