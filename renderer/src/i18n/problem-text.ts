// Rule problems come with a code; the engine's texts exist in both of the window's languages.
import { ruleErrorText } from '../../../shared/rules/messages.ts'
import type { RuleProblem } from '../../../shared/rules/types.ts'
import { useI18n } from './index.tsx'

export function useProblemText(): (problem: Pick<RuleProblem, 'message' | 'code' | 'params'>) => string {
  const { language } = useI18n()
  return (problem) => (problem.code ? ruleErrorText(problem.code, problem.params, language) : problem.message)
}
