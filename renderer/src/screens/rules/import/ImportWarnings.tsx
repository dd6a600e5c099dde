import { Alert } from 'antd'
import { useMemo } from 'react'
import type { GroupView } from '../../../../../shared/api/types.ts'
import { shadowedRules, unknownScopeGroups } from '../../../../../shared/rules/shadowing.ts'
import { useT } from '../../../i18n/index.tsx'
import type { ImportPlan } from './plan-import.ts'

/** Imported rules that could never act: below a rule that always matches first, or scoped to groups that do not exist. */
export function ImportWarnings({ plan, groups }: { plan: ImportPlan; groups: readonly GroupView[] }) {
  const t = useT()
  const lines = useMemo(() => {
    const imported = new Set(plan.changes.map((change) => change.rule.name))
    const shadowed = shadowedRules(plan.rules)
      .filter((shadowing) => imported.has(shadowing.rule))
      .map((shadowing) => t('import.shadowed', { rule: shadowing.rule, by: shadowing.by }))
    const unknown = plan.changes.flatMap(({ rule }) => {
      const missing = unknownScopeGroups(rule, groups)
      return missing.length ? [t('import.unknownGroups', { rule: rule.name, groups: missing.join('、') })] : []
    })
    return [...shadowed, ...unknown]
  }, [plan, groups, t])
  if (lines.length === 0) return null
  return (
    <Alert
      type="warning"
      showIcon
      title={t('import.neverActs', { count: lines.length })}
      data-testid="import-never-acts"
      description={
        <ul className="problem-list">
          {lines.map((line) => (
            <li key={line}>{line}</li>
          ))}
        </ul>
      }
    />
  )
}
