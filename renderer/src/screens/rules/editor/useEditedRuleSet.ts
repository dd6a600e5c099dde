import { useMemo } from 'react'
import type { Rule, RuleProblem } from '../../../../../shared/rules/types.ts'
import { checkDraft, editedRules, prepareOthers, type CheckedDraft, type OtherRules } from './edited-set.ts'

export interface EditedRuleSet {
  /** The saved set with the draft in its place (or last, when new): what the backtest runs and what is saved. */
  rules: Rule[]
  index: number
  /** Every problem of the edited set; those of the draft carry `index`. */
  problems: RuleProblem[]
  /** The other rules, compiled once per editing session, and the draft, compiled alone per edit: see edited-set.ts. */
  others: OtherRules
  draft: CheckedDraft
}

export function useEditedRuleSet(saved: readonly Rule[], originalName: string | null, draft: Rule): EditedRuleSet {
  // Thousands of rules are parsed and compiled when the editor opens (or the saved rules change), not per keystroke.
  const others = useMemo(() => prepareOthers(saved, originalName), [saved, originalName])
  return useMemo(() => {
    const checked = checkDraft(others, draft)
    return { rules: editedRules(others, draft), index: others.index, problems: [...others.problems, ...checked.problems], others, draft: checked }
  }, [others, draft])
}
