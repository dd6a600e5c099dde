// Settings as key -> JSON value rows, read through the typed shape in shared/policy/settings.ts.
// A missing or unreadable value reads as its default, so an old or hand-edited file never stops the guard.
import {
  DEFAULT_SETTINGS,
  SETTING_KEYS,
  isSettingKey,
  parseSetting,
  type SettingKey,
  type Settings,
} from '../../shared/policy/settings.ts'
import type { Database } from './sql.ts'

export class SettingError extends Error {
  constructor(
    readonly key: string,
    readonly problem: string,
  ) {
    super(`Setting ${key}: ${problem}`)
    this.name = 'SettingError'
  }
}

export interface SettingsTable {
  get<K extends SettingKey>(key: K): Settings[K]
  all(): Settings
  /** Validates every change first, then writes them together; throws SettingError and writes nothing on a bad one. */
  update(changes: Partial<Settings>): void
  /** Forgets a stored value so the default applies again. */
  reset(key: SettingKey): void
}

export function createSettingsTable(db: Database): SettingsTable {
  const selectOne = db.prepare<[string], string>('SELECT value FROM settings WHERE key = ?').pluck()
  const selectAll = db.prepare<[], { key: string; value: string }>('SELECT key, value FROM settings')
  const upsert = db.prepare<[{ key: string; value: string }]>(
    'INSERT INTO settings (key, value) VALUES (@key, @value) ON CONFLICT (key) DO UPDATE SET value = excluded.value',
  )
  const remove = db.prepare<[string]>('DELETE FROM settings WHERE key = ?')

  function read<K extends SettingKey>(key: K, stored: string | undefined): Settings[K] {
    if (stored === undefined) return DEFAULT_SETTINGS[key]
    let value: unknown
    try {
      value = JSON.parse(stored)
    } catch {
      return DEFAULT_SETTINGS[key]
    }
    const parsed = parseSetting(key, value)
    return parsed.ok ? parsed.value : DEFAULT_SETTINGS[key]
  }

  const writeAll = db.transaction((rows: { key: string; value: string }[]) => {
    for (const row of rows) upsert.run(row)
  })

  return {
    get: (key) => read(key, selectOne.get(key)),
    all() {
      const stored = new Map(selectAll.all().map((row) => [row.key, row.value]))
      const settings: Record<string, unknown> = {}
      for (const key of SETTING_KEYS) settings[key] = read(key, stored.get(key))
      return settings as Settings
    },
    update(changes) {
      const rows = Object.entries(changes).map(([key, value]) => {
        if (!isSettingKey(key)) throw new SettingError(key, 'no such setting')
        const parsed = parseSetting(key, value)
        if (!parsed.ok) throw new SettingError(key, parsed.message)
        return { key, value: JSON.stringify(parsed.value) }
      })
      writeAll(rows)
    },
    reset: (key) => void remove.run(key),
  }
}
