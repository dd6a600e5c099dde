import { resolveRule } from '../../../../../shared/rules/index.ts'
import type { Rule, RuleInput } from '../../../../../shared/rules/types.ts'

export type ImportMode = 'merge' | 'replace'
export type ImportStatus = 'added' | 'replaced' | 'unchanged'

export interface ImportPlan {
  /** The whole set as it will be saved. */
  rules: Rule[]
  changes: { rule: Rule; status: ImportStatus }[]
  /** Saved rules that the import drops (replace mode only). */
  removed: string[]
}

function sameRule(a: Rule, b: Rule): boolean {
  return JSON.stringify(a) === JSON.stringify(b)
}

/**
 * Merge: an imported rule replaces the saved one of the same name in its place, new ones go last.
 * Replace: the file becomes the whole set, in the file's order.
 */
export function planImport(saved: readonly Rule[], imported: readonly RuleInput[], mode: ImportMode): ImportPlan {
  const incoming = imported.map(resolveRule)
  const savedByName = new Map(saved.map((rule) => [rule.name, rule]))
  const changes = incoming.map((rule) => {
    const existing = savedByName.get(rule.name)
    const status: ImportStatus = !existing ? 'added' : sameRule(existing, rule) ? 'unchanged' : 'replaced'
    return { rule, status }
  })
  if (mode === 'replace') {
    const kept = new Set(incoming.map((rule) => rule.name))
    return { rules: incoming, changes, removed: saved.filter((rule) => !kept.has(rule.name)).map((rule) => rule.name) }
  }
  const incomingByName = new Map(incoming.map((rule) => [rule.name, rule]))
  const rules = saved.map((rule) => incomingByName.get(rule.name) ?? rule)
  for (const rule of incoming) if (!savedByName.has(rule.name)) rules.push(rule)
  return { rules, changes, removed: [] }
}
