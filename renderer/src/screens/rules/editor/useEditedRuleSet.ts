import { useDeferredValue, useMemo } from 'react'
import { CompiledRuleSet, parseRules } from '../../../../../shared/rules/index.ts'
import type { Rule, RuleProblem } from '../../../../../shared/rules/types.ts'
import { withRule } from '../rule-set.ts'

export interface EditedRuleSet {
  /** The saved set with the draft in its place (or last, when new): what the tester, backtest and save use. */
  rules: Rule[]
  index: number
  problems: RuleProblem[]
  /** Compiled once per edit, shared by every test message; null while the set has problems. */
  compiled: CompiledRuleSet | null
}

export function useEditedRuleSet(saved: readonly Rule[], originalName: string | null, draft: Rule): EditedRuleSet {
  // Typing stays fluid with thousands of rules: the set is re-checked when the browser has a moment, not per key.
  const deferredDraft = useDeferredValue(draft)
  return useMemo(() => {
    const found = originalName === null ? -1 : saved.findIndex((rule) => rule.name === originalName)
    const rules = withRule(saved, found < 0 ? null : found, deferredDraft)
    const index = found < 0 ? rules.length - 1 : found
    const parsed = parseRules(rules)
    return { rules, index, problems: parsed.problems, compiled: parsed.problems.length ? null : new CompiledRuleSet(parsed.rules) }
  }, [saved, originalName, deferredDraft])
}
