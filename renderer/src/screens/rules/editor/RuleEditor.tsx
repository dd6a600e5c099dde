import { ArrowLeftOutlined, SaveOutlined } from '@ant-design/icons'
import { Button, Card, Col, Flex, Popconfirm, Row, Space, Typography } from 'antd'
import { useState } from 'react'
import type { Rule, RuleProblem } from '../../../../../shared/rules/types.ts'
import { useApi } from '../../../api/ApiProvider.tsx'
import { ProblemList } from '../../../components/ProblemList.tsx'
import { useCommand } from '../../../components/useCommand.ts'
import { useT } from '../../../i18n/index.tsx'
import { useAppData } from '../../../state/AppData.tsx'
import { BacktestPanel } from '../BacktestPanel.tsx'
import { RulesGuideButton } from '../guide/RulesGuideButton.tsx'
import { useBacktest } from '../useBacktest.ts'
import { RuleFields } from './RuleFields.tsx'
import { RuleTester } from './RuleTester.tsx'
import { useEditedRuleSet } from './useEditedRuleSet.ts'

interface RuleEditorProps {
  saved: readonly Rule[]
  /** The rule being edited, by its saved name; null for a new rule. */
  originalName: string | null
  initial: Rule
  onClose: () => void
}

export function RuleEditor({ saved, originalName, initial, onClose }: RuleEditorProps) {
  const t = useT()
  const api = useApi()
  const { rules, groups } = useAppData()
  const [draft, setDraft] = useState<Rule>(initial)
  const [serverProblems, setServerProblems] = useState<RuleProblem[]>([])
  const edited = useEditedRuleSet(saved, originalName, draft)
  const backtest = useBacktest(edited.rules)
  const groupList = groups.data ?? []

  const ownProblems = edited.problems.filter((problem) => problem.index === edited.index)
  const otherProblems = edited.problems.filter((problem) => problem.index !== edited.index)
  const save = useCommand(() => api.saveRules({ rules: edited.rules }), {
    onDone: (result) => {
      if (!result.ok) return setServerProblems(result.problems)
      rules.set(result.rules)
      onClose()
    },
    success: t('rules.saved'),
  })
  const scopedGroup = draft.scope === 'all' ? undefined : draft.scope[0]

  return (
    <Flex vertical gap={16}>
      <Flex align="center" gap={12} wrap>
        <Button icon={<ArrowLeftOutlined />} onClick={onClose}>
          {t('common.back')}
        </Button>
        <Typography.Title level={5} className="editor-title">
          {originalName === null ? t('rules.newRule') : t('rules.editing', { name: originalName })}
        </Typography.Title>
        <span className="toolbar-spacer" />
        <RulesGuideButton />
      </Flex>
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={14}>
          <Card size="small" title={t('rules.ruleCard')}>
            <RuleFields draft={draft} onChange={(patch) => setDraft((current) => ({ ...current, ...patch }))} problems={ownProblems} groups={groupList} />
          </Card>
        </Col>
        <Col xs={24} xl={10}>
          <RuleTester others={edited.others} draft={edited.draft} groups={groupList} defaultGroupId={scopedGroup} />
        </Col>
      </Row>
      <ProblemList problems={[...otherProblems, ...serverProblems]} />
      <BacktestPanel backtest={backtest} disabled={edited.problems.length > 0} groups={groupList} />
      <Flex justify="flex-end">
        <Space>
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Popconfirm
            title={t('rules.saveUntested')}
            disabled={backtest.fresh}
            onConfirm={() => void save.run()}
            okText={t('rules.saveAnyway')}
            cancelText={t('common.cancel')}
          >
            <Button
              type="primary"
              icon={<SaveOutlined />}
              loading={save.busy}
              disabled={edited.problems.length > 0}
              onClick={backtest.fresh ? () => void save.run() : undefined}
              data-testid="rule-save"
            >
              {t('rules.save')}
            </Button>
          </Popconfirm>
        </Space>
      </Flex>
    </Flex>
  )
}
