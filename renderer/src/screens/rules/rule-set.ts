import type { RuleView } from '../../../../shared/api/types.ts'
import type { Rule } from '../../../../shared/rules/types.ts'

/** A rule as the rep wrote it, without the verdict counts the service adds. */
export function ruleOf(view: RuleView): Rule {
  const { name, match, reply, action, enabled, scope, dryRun } = view
  return { name, match, reply, action, enabled, scope, dryRun }
}

export function rulesOf(views: readonly RuleView[]): Rule[] {
  return views.map(ruleOf)
}

export function emptyRule(name: string): Rule {
  return { name, match: '', reply: null, action: 'warn', enabled: true, scope: 'all', dryRun: false }
}

/** The set with one rule changed in place (keeping its priority), or added last when it is new. */
export function withRule(rules: readonly Rule[], index: number | null, rule: Rule): Rule[] {
  if (index === null || index < 0 || index >= rules.length) return [...rules, rule]
  return rules.map((existing, k) => (k === index ? rule : existing))
}

export function moveItem<T>(items: readonly T[], from: number, to: number): T[] {
  const moved = [...items]
  const [item] = moved.splice(from, 1)
  moved.splice(to, 0, item!)
  return moved
}

/** A name not yet taken, for a new rule. */
export function freshRuleName(rules: readonly Rule[], base: string): string {
  const taken = new Set(rules.map((rule) => rule.name))
  for (let n = 1; ; n++) {
    const name = n === 1 ? base : `${base} ${n}`
    if (!taken.has(name)) return name
  }
}
