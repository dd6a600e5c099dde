// Whole tables as plain rows, for the export file (electron/transfer): read in one read transaction, so the rows of
// all tables belong to the same moment, and replaced in one write transaction, so a row SQLite refuses (a wrong
// type in a STRICT table, a broken reference (foreign keys are on), a duplicate) leaves every table as it was.
import type { Database } from './sql.ts'

export type Cell = string | number | null
export type Row = Record<string, Cell>

export class RowError extends Error {
  constructor(
    readonly table: string,
    readonly index: number,
    readonly problem: string,
  ) {
    super(`${table}[${index}]: ${problem}`)
    this.name = 'RowError'
  }
}

export interface TableRows {
  columns(table: string): string[]
  /** Each table's rows, those matching `where` (an SQL condition on that table) when one is given. */
  read(tables: readonly string[], where?: Partial<Record<string, { sql: string; params: Cell[] }>>): Record<string, Row[]>
  /** Empties `clear` (in that order), then inserts `rows` table by table in the given order; all or nothing. */
  replace(clear: readonly string[], rows: readonly (readonly [string, readonly Row[]])[]): void
}

const quoteName = (name: string) => `"${name.replace(/"/g, '""')}"`

export function createTableRows(db: Database): TableRows {
  const columnCache = new Map<string, string[]>()
  const columns = (table: string) => {
    let known = columnCache.get(table)
    if (!known) {
      known = db.prepare<[string], { name: string }>('SELECT name FROM pragma_table_info(?)').all(table).map((column) => column.name)
      if (known.length === 0) throw new Error(`there is no table ${table}`)
      columnCache.set(table, known)
    }
    return known
  }

  const read = db.transaction((tables: readonly string[], where: Partial<Record<string, { sql: string; params: Cell[] }>>) => {
    const result: Record<string, Row[]> = {}
    for (const table of tables) {
      const condition = where[table]
      const sql = `SELECT ${columns(table).map(quoteName).join(', ')} FROM ${quoteName(table)}${condition ? ` WHERE ${condition.sql}` : ''} ORDER BY rowid`
      result[table] = db.prepare<Cell[], Row>(sql).all(...(condition?.params ?? []))
    }
    return result
  })

  const replace = db.transaction((clear: readonly string[], tables: readonly (readonly [string, readonly Row[]])[]) => {
    for (const table of clear) db.prepare(`DELETE FROM ${quoteName(table)}`).run()
    for (const [table, rows] of tables) {
      const known = new Set(columns(table))
      rows.forEach((row, index) => {
        const names = Object.keys(row)
        const unknown = names.filter((name) => !known.has(name))
        if (unknown.length) throw new RowError(table, index, `unknown column ${unknown.join(', ')}`)
        const sql = `INSERT INTO ${quoteName(table)} (${names.map(quoteName).join(', ')}) VALUES (${names.map(() => '?').join(', ')})`
        try {
          db.prepare(sql).run(...names.map((name) => row[name]))
        } catch (error) {
          throw new RowError(table, index, (error as Error).message)
        }
      })
    }
  })

  return { columns, read: (tables, where = {}) => read(tables, where), replace: (clear, rows) => replace(clear, rows) }
}
