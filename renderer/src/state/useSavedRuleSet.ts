import { useMemo } from 'react'
import { compileRuleSet, type CompiledRuleSet } from '../../../shared/rules/index.ts'
import type { RuleView } from '../../../shared/api/types.ts'
import { useAppData } from './AppData.tsx'

const compiledByList = new WeakMap<readonly RuleView[], CompiledRuleSet | null>()

function compile(rules: readonly RuleView[]): CompiledRuleSet | null {
  if (!compiledByList.has(rules)) {
    let compiled: CompiledRuleSet | null = null
    try {
      compiled = compileRuleSet(rules)
    } catch {
      // Saved rules are valid by construction; should one not be, messages are shown without highlights.
    }
    compiledByList.set(rules, compiled)
  }
  return compiledByList.get(rules)!
}

/** The saved rules, compiled once per version of them however many screens use them, to explain stored messages. */
export function useSavedRuleSet(): CompiledRuleSet | null {
  const rules = useAppData().rules.data
  return useMemo(() => (rules ? compile(rules) : null), [rules])
}
