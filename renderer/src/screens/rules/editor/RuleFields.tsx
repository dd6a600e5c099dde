import { Form, Input, Radio, Segmented, Select, Switch, Tooltip } from 'antd'
import { useState } from 'react'
import { matchToSimple } from '../../../../../shared/rules/simple-rule.ts'
import type { GroupView } from '../../../../../shared/api/types.ts'
import { RULE_ACTIONS, type Rule, type RuleAction, type RuleProblem } from '../../../../../shared/rules/types.ts'
import { useT } from '../../../i18n/index.tsx'
import { useProblemText } from '../../../i18n/problem-text.ts'
import { RuleCodeEditor } from './RuleCodeEditor.tsx'
import { SimpleRuleFields } from './SimpleRuleFields.tsx'

type MatchView = 'simple' | 'expression'

interface RuleFieldsProps {
  draft: Rule
  onChange: (patch: Partial<Rule>) => void
  /** The draft's own problems. */
  problems: readonly RuleProblem[]
  groups: readonly GroupView[]
}

export function RuleFields({ draft, onChange, problems, groups }: RuleFieldsProps) {
  const t = useT()
  const textOf = useProblemText()
  const matchProblem = problems.find((problem) => problem.position)
  const otherProblems = problems.filter((problem) => problem !== matchProblem)
  // Both views edit the same expression; the simple one only while the expression has its shape.
  const simpleFits = matchToSimple(draft.match) !== null
  const [view, setView] = useState<MatchView>('expression')
  const shown: MatchView = simpleFits ? view : 'expression'

  return (
    <Form layout="vertical" className="rule-fields" component="div">
      <Form.Item label={t('rule.name')} required validateStatus={otherProblems.length ? 'error' : undefined} help={otherProblems.map(textOf).join('; ') || undefined}>
        <Input value={draft.name} onChange={(event) => onChange({ name: event.target.value })} maxLength={100} data-testid="rule-name" />
      </Form.Item>
      <Form.Item
        label={t('rule.match')}
        required
        className="rule-match-item"
        htmlFor="rule-match"
        validateStatus={matchProblem ? 'error' : undefined}
        help={
          matchProblem?.position ? (
            <span data-testid="rule-match-error">
              {t('rule.matchErrorAt', { line: matchProblem.position.line, column: matchProblem.position.column, message: textOf(matchProblem) })}
            </span>
          ) : (
            t('rule.matchHelp')
          )
        }
      >
        <Segmented<MatchView>
          className="match-view"
          size="small"
          value={shown}
          onChange={setView}
          options={[
            {
              value: 'simple',
              disabled: !simpleFits,
              label: simpleFits ? t('simple.view') : <Tooltip title={t('simple.notSimple')}>{t('simple.view')}</Tooltip>,
            },
            { value: 'expression', label: t('simple.expertView') },
          ]}
          data-testid="match-view"
        />
        {shown === 'simple' ? (
          <SimpleRuleFields match={draft.match} onChange={(match) => onChange({ match })} />
        ) : (
          <RuleCodeEditor
            id="rule-match"
            value={draft.match}
            onChange={(match) => onChange({ match })}
            errorAt={matchProblem?.position ?? null}
            placeholder={t('rule.matchPlaceholder')}
          />
        )}
      </Form.Item>
      <div className="rule-fields-row">
        <Form.Item label={t('rule.action')}>
          <Select<RuleAction>
            value={draft.action}
            onChange={(action) => onChange({ action })}
            options={RULE_ACTIONS.map((action) => ({ value: action, label: t(`action.${action}.long`) }))}
            popupMatchSelectWidth={false}
            data-testid="rule-action"
          />
        </Form.Item>
        <Form.Item label={t('rule.enabled')}>
          <Switch checked={draft.enabled} onChange={(enabled) => onChange({ enabled })} />
        </Form.Item>
        <Form.Item label={t('rule.dryRun')} tooltip={t('rule.dryRunHelp')}>
          <Switch checked={draft.dryRun} onChange={(dryRun) => onChange({ dryRun })} />
        </Form.Item>
      </div>
      <Form.Item label={t('rule.scope')}>
        <Radio.Group
          value={draft.scope === 'all' ? 'all' : 'some'}
          onChange={(event) => onChange({ scope: event.target.value === 'all' ? 'all' : [] })}
          options={[
            { value: 'all', label: t('rule.scope.all') },
            { value: 'some', label: t('rule.scope.some') },
          ]}
        />
        {draft.scope !== 'all' && (
          <Select
            mode="multiple"
            className="rule-scope-groups"
            value={draft.scope}
            onChange={(scope: string[]) => onChange({ scope })}
            options={groups.map((group) => ({ value: group.id, label: group.topic }))}
            showSearch={{ optionFilterProp: 'label' }}
            placeholder={t('rule.scope.pick')}
          />
        )}
      </Form.Item>
      <Form.Item label={t('rule.reply')} help={t('rule.replyHelp')}>
        <Input.TextArea
          value={draft.reply ?? ''}
          onChange={(event) => onChange({ reply: event.target.value === '' ? null : event.target.value })}
          autoSize={{ minRows: 2, maxRows: 5 }}
          maxLength={500}
        />
      </Form.Item>
    </Form>
  )
}
