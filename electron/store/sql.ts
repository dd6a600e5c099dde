// Conversions between SQLite column values and the store's typed records.
export type { Database } from 'better-sqlite3'

/** SQLite has no booleans: STRICT tables keep them as INTEGER 0/1. */
export function toFlag(value: boolean): 0 | 1 {
  return value ? 1 : 0
}

export function fromFlag(value: number): boolean {
  return value !== 0
}

export function parseJson<T>(text: string): T {
  return JSON.parse(text) as T
}
