import { Alert } from 'antd'
import type { FileProblem } from '../../../shared/rules/files.ts'
import type { RuleProblem } from '../../../shared/rules/types.ts'
import { useT } from '../i18n/index.tsx'
import { useProblemText } from '../i18n/problem-text.ts'

type Problem = RuleProblem | FileProblem

function whereOf(problem: Problem): { line: number; column: number } | null {
  if ('line' in problem) return problem
  return problem.position ?? null
}

/**
 * Problems found in rules (line and column within the match expression) or in a rules file (within the file),
 * each saying which rule and where, in the rep's own line numbers.
 */
export function ProblemList({ problems, severity = 'error' }: { problems: readonly Problem[]; severity?: 'error' | 'warning' }) {
  const t = useT()
  const textOf = useProblemText()
  if (problems.length === 0) return null
  return (
    <Alert
      type={severity}
      showIcon
      title={t(severity === 'error' ? 'problems.errors' : 'problems.warnings', { count: problems.length })}
      data-testid={severity === 'error' ? 'rule-problems' : 'rule-warnings'}
      description={
        <ul className="problem-list">
          {problems.map((problem, k) => {
            const where = whereOf(problem)
            const rule = problem.rule ? t('problems.rule', { rule: problem.rule }) : ''
            return (
              <li key={k}>
                {where ? t('problems.at', { line: where.line, column: where.column }) : ''}
                {rule}
                {textOf(problem)}
              </li>
            )
          })}
        </ul>
      }
    />
  )
}
