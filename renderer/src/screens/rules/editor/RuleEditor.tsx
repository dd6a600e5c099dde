import { ArrowLeftOutlined, SaveOutlined } from '@ant-design/icons'
import { App, Button, Card, Col, Flex, Popconfirm, Row, Space, Typography } from 'antd'
import { useMemo, useState } from 'react'
import type { Rule, RuleProblem } from '../../../../../shared/rules/types.ts'
import { useApi } from '../../../api/ApiProvider.tsx'
import { ProblemList } from '../../../components/ProblemList.tsx'
import { useCommand } from '../../../components/useCommand.ts'
import { useT } from '../../../i18n/index.tsx'
import { useConfirmLeave, usePendingEdit } from '../../../shell/UnsavedEdits.tsx'
import { useAppData } from '../../../state/AppData.tsx'
import { BacktestPanel } from '../BacktestPanel.tsx'
import { RulesGuideButton } from '../guide/RulesGuideButton.tsx'
import { useBacktest } from '../useBacktest.ts'
import { RuleFields } from './RuleFields.tsx'
import { RuleTester, type TesterSample } from './RuleTester.tsx'
import type { GuideExample } from '../guide/guide-examples.ts'
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
  const { modal } = App.useApp()
  const [draft, setDraft] = useState<Rule>(initial)
  const [sample, setSample] = useState<TesterSample>({ text: '', kinds: ['text'] })
  const [serverProblems, setServerProblems] = useState<RuleProblem[]>([])
  const edited = useEditedRuleSet(saved, originalName, draft)
  const backtest = useBacktest(edited.rules)
  const groupList = groups.data ?? []

  const ownProblems = edited.problems.filter((problem) => problem.index === edited.index)
  const otherProblems = edited.problems.filter((problem) => problem.index !== edited.index)
  // A new rule is not shown red before the rep has written anything: its empty expression is not a mistake yet.
  const [touched, setTouched] = useState(originalName !== null)
  const shownProblems = touched || draft.match !== '' ? ownProblems : ownProblems.filter((problem) => !problem.position)
  const dirty = useMemo(() => JSON.stringify(draft) !== JSON.stringify(initial), [draft, initial])
  const save = useCommand(() => api.saveRules({ rules: edited.rules }), {
    onDone: (result) => {
      if (!result.ok) return setServerProblems(result.problems)
      rules.set(result.rules)
      onClose()
    },
    success: t('rules.saved'),
  })
  const saveNow = async () => {
    setTouched(true)
    if (edited.problems.length > 0) return false
    const result = await save.run()
    return result?.ok === true
  }
  usePendingEdit(dirty, saveNow)
  const confirmLeave = useConfirmLeave()
  // Back and cancel ask before throwing edits away, as leaving the screen does.
  const leave = () => void confirmLeave().then((mayGo) => mayGo && onClose())
  // An example from the guide goes into the expression and the tester; an expression the rep wrote is replaced only
  // when they say so.
  const tryExample = (example: GuideExample) => {
    const apply = () => {
      setDraft((current) => ({ ...current, match: example.match }))
      setSample({ text: example.message, kinds: example.kinds })
      setTouched(true)
    }
    if (draft.match.trim() === '' || draft.match === example.match) return apply()
    modal.confirm({
      title: t('guide.replaceTitle'),
      content: t('guide.replaceExplain', { match: draft.match }),
      okText: t('guide.replace'),
      cancelText: t('common.cancel'),
      onOk: apply,
    })
  }
  const scopedGroup = draft.scope === 'all' ? undefined : draft.scope[0]

  return (
    <Flex vertical gap={16}>
      <Flex align="center" gap={12} wrap>
        <Button icon={<ArrowLeftOutlined />} onClick={leave} data-testid="rule-back">
          {t('common.back')}
        </Button>
        <Typography.Title level={5} className="editor-title">
          {originalName === null ? t('rules.newRule') : t('rules.editing', { name: originalName })}
        </Typography.Title>
        <span className="toolbar-spacer" />
        <RulesGuideButton onTry={tryExample} />
      </Flex>
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={13} xl={14}>
          <Card size="small" title={t('rules.ruleCard')}>
            <RuleFields draft={draft} onChange={(patch) => setDraft((current) => ({ ...current, ...patch }))} problems={shownProblems} groups={groupList} />
          </Card>
        </Col>
        <Col xs={24} lg={11} xl={10} className="rule-tester-column">
          <RuleTester others={edited.others} draft={edited.draft} groups={groupList} defaultGroupId={scopedGroup} sample={sample} onSampleChange={setSample} />
        </Col>
      </Row>
      <ProblemList problems={[...otherProblems, ...serverProblems]} />
      <BacktestPanel backtest={backtest} disabled={edited.problems.length > 0} groups={groupList} />
      <Flex justify="flex-end">
        <Space>
          <Button onClick={leave} data-testid="rule-cancel">
            {t('common.cancel')}
          </Button>
          <Popconfirm
            title={t('rules.saveUntested')}
            disabled={backtest.fresh}
            onConfirm={() => void saveNow()}
            okText={t('rules.saveAnyway')}
            cancelText={t('common.cancel')}
          >
            <Button
              type="primary"
              icon={<SaveOutlined />}
              loading={save.busy}
              disabled={edited.problems.length > 0}
              onClick={backtest.fresh ? () => void saveNow() : undefined}
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
