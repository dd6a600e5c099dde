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
  const insert = db.prepare<[RuleRow & { position: number }]>(
    `INSERT INTO rules (name, position, match, reply, action, enabled, scope, dry_run)
     VALUES (@name, @position, @match, @reply, @action, @enabled, @scope, @dry_run)`,
  )
  const bumpRevision = db.prepare('UPDATE rule_set SET revision = revision + 1 WHERE id = 1')
  const selectRevision = db.prepare<[], number>('SELECT revision FROM rule_set WHERE id = 1').pluck()

  const replaceAll = db.transaction((rules: readonly Rule[]) => {
    deleteAll.run()
    rules.forEach((rule, position) =>
      insert.run({
        name: rule.name,
        position,
        match: rule.match,
        reply: rule.reply,
        action: rule.action,
        enabled: toFlag(rule.enabled),
        scope: JSON.stringify(rule.scope),
        dry_run: toFlag(rule.dryRun),
      }),
    )
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
