import { Modal, Space, Typography } from 'antd'
import { useMemo, useState } from 'react'
import type { RuleAction, Rule, RuleProblem } from '../../../../shared/rules/types.ts'
import { useApi } from '../../api/ApiProvider.tsx'
import { ProblemList } from '../../components/ProblemList.tsx'
import { useCommand } from '../../components/useCommand.ts'
import { useT } from '../../i18n/index.tsx'
import { useAppData } from '../../state/AppData.tsx'
import { ActionTag } from './ActionTag.tsx'
import { BacktestPanel } from './BacktestPanel.tsx'
import { useBacktest } from './useBacktest.ts'

interface ActionChangeModalProps {
  saved: readonly Rule[]
  rule: string
  from: RuleAction
  to: RuleAction
  onClose: () => void
}

/**
 * A different action picked in the rules list is an edit like any other: it says what changes, offers the backtest
 * and is saved only when the rep confirms, so one misclick cannot turn a warning rule into a removal rule.
 */
export function ActionChangeModal({ saved, rule, from, to, onClose }: ActionChangeModalProps) {
  const t = useT()
  const api = useApi()
  const { rules, groups } = useAppData()
  const edited = useMemo(() => saved.map((candidate) => (candidate.name === rule ? { ...candidate, action: to } : candidate)), [saved, rule, to])
  const backtest = useBacktest(edited)
  const [problems, setProblems] = useState<RuleProblem[]>([])
  const save = useCommand(() => api.saveRules({ rules: edited }), {
    onDone: (result) => {
      if (!result.ok) return setProblems(result.problems)
      rules.set(result.rules)
      onClose()
    },
    success: t('rules.saved'),
  })
  return (
    <Modal
      open
      width={880}
      title={t('rules.actionChange.title', { name: rule })}
      onCancel={onClose}
      onOk={() => void save.run()}
      okText={t('rules.actionChange.save')}
      cancelText={t('common.cancel')}
      okButtonProps={{ loading: save.busy, danger: to === 'remove', 'data-testid': 'action-change-save' }}
      cancelButtonProps={{ 'data-testid': 'action-change-cancel' }}
    >
      <Space orientation="vertical" size={12} className="full-width" data-testid="action-change">
        <Typography.Text>
          <Space size={6} wrap>
            {t('rules.actionChange.from')}
            <ActionTag action={from} />
            {t('rules.actionChange.to')}
            <ActionTag action={to} />
          </Space>
        </Typography.Text>
        {to === 'remove' && <Typography.Text type="danger">{t('rules.actionChange.removeWarning')}</Typography.Text>}
        <ProblemList problems={problems} />
        <BacktestPanel backtest={backtest} disabled={false} groups={groups.data ?? []} />
      </Space>
    </Modal>
  )
}
