// The rule list, in priority order. Rules are stored complete (defaults filled by the rule engine before saving).
import type { Rule, RuleAction } from '../../shared/rules/types.ts'
import { fromFlag, parseJson, toFlag, type Database } from './sql.ts'

interface RuleRow {
  name: string
  match: string
  reply: string | null
  action: RuleAction
  enabled: number
  scope: string
  dry_run: number
}

export interface RulesTable {
  /** Every rule, highest priority first. */
  list(): Rule[]
  /** Replaces the whole list; the order given is the priority order. */
  replaceAll(rules: readonly Rule[]): void
  /** Changes whenever the rule list changes, from any connection to the file. */
  revision(): number
}

export function createRulesTable(db: Database): RulesTable {
  const selectAll = db.prepare<[], RuleRow>(
    'SELECT name, match, reply, action, enabled, scope, dry_run FROM rules ORDER BY position',
  )
  const deleteAll = db.prepare('DELETE FROM rules')
  // One statement for the whole list, its rows handed over as one JSON array: a 16,000-rule save writes in one
  // short step instead of 16,000 round trips between JavaScript and SQLite (the event loop waits for either).
  const insertAll = db.prepare<[string]>(
    `INSERT INTO rules (name, position, match, reply, action, enabled, scope, dry_run)
     SELECT value ->> 0, key, value ->> 1, value ->> 2, value ->> 3, value ->> 4, value ->> 5, value ->> 6 FROM json_each(?)`,
  )
  const bumpRevision = db.prepare('UPDATE rule_set SET revision = revision + 1 WHERE id = 1')
  const selectRevision = db.prepare<[], number>('SELECT revision FROM rule_set WHERE id = 1').pluck()

  const replaceAll = db.transaction((rules: readonly Rule[]) => {
    deleteAll.run()
    const rows = rules.map((rule) => [rule.name, rule.match, rule.reply, rule.action, toFlag(rule.enabled), JSON.stringify(rule.scope), toFlag(rule.dryRun)])
    insertAll.run(JSON.stringify(rows))
    bumpRevision.run()
  })

  return {
    list: () =>
      selectAll.all().map((row) => ({
        name: row.name,
        match: row.match,
        reply: row.reply,
        action: row.action,
        enabled: fromFlag(row.enabled),
        scope: parseJson<Rule['scope']>(row.scope),
        dryRun: fromFlag(row.dry_run),
      })),
    replaceAll: (rules) => replaceAll(rules),
    revision: () => selectRevision.get() ?? 0,
  }
}
