// What a new version of a team rule pack changes, for the rep to read: rules added, removed, and changed (by name,
// with the fields that differ). Order alone is not a change the rep needs to hear about.
import { resolveRule } from '../rules/ruleset.ts'
import type { Rule, RuleInput } from '../rules/types.ts'

export type RuleField = Exclude<keyof Rule, 'name'>

export interface PackDiff {
  added: string[]
  removed: string[]
  changed: { name: string; fields: RuleField[] }[]
}

const FIELDS: readonly RuleField[] = ['match', 'reply', 'action', 'enabled', 'scope', 'dryRun']

export function diffPack(before: readonly RuleInput[], after: readonly RuleInput[]): PackDiff {
  const old = new Map(before.map((input) => [input.name.trim(), resolveRule(input)]))
  const next = new Map(after.map((input) => [input.name.trim(), resolveRule(input)]))
  const changed: PackDiff['changed'] = []
  for (const [name, rule] of next) {
    const previous = old.get(name)
    if (!previous) continue
    const fields = FIELDS.filter((field) => JSON.stringify(previous[field]) !== JSON.stringify(rule[field]))
    if (fields.length) changed.push({ name, fields })
  }
  return {
    added: [...next.keys()].filter((name) => !old.has(name)),
    removed: [...old.keys()].filter((name) => !next.has(name)),
    changed,
  }
}

export function isEmptyDiff(diff: PackDiff): boolean {
  return diff.added.length === 0 && diff.removed.length === 0 && diff.changed.length === 0
}

/** The name a pack's rule has in the rep's rule set: the pack's name keeps it apart from the rep's own rules. */
export function teamRuleName(pack: string, rule: string): string {
  return `${pack} · ${rule}`
}
