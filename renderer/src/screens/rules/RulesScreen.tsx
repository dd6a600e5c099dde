import { useEffect, useMemo, useState } from 'react'
import type { Rule } from '../../../../shared/rules/types.ts'
import { useT } from '../../i18n/index.tsx'
import { useAppData } from '../../state/AppData.tsx'
import { RuleEditor } from './editor/RuleEditor.tsx'
import { RuleList } from './RuleList.tsx'
import { RulesToolbar } from './RulesToolbar.tsx'
import { emptyRule, freshRuleName, ruleOf, rulesOf } from './rule-set.ts'

export default function RulesScreen() {
  const t = useT()
  const { rules } = useAppData()
  const saved = useMemo(() => rulesOf(rules.data ?? []), [rules.data])
  const [editing, setEditing] = useState<{ originalName: string | null; initial: Rule } | null>(null)
  // Verdicts given in the feed change the precision counts without a rules event: fetch them fresh here.
  const { reload } = rules
  useEffect(reload, [reload])

  if (editing) {
    return <RuleEditor saved={saved} originalName={editing.originalName} initial={editing.initial} onClose={() => setEditing(null)} />
  }
  return (
    <>
      <RulesToolbar
        saved={saved}
        onNew={() => setEditing({ originalName: null, initial: emptyRule(freshRuleName(saved, t('rules.newName'))) })}
      />
      <RuleList views={rules.data ?? []} loading={rules.loading && !rules.data} onEdit={(view) => setEditing({ originalName: view.name, initial: ruleOf(view) })} />
    </>
  )
}
