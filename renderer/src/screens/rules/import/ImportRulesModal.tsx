import { InboxOutlined } from '@ant-design/icons'
import { Flex, Modal, Radio, Typography, Upload } from 'antd'
import { useMemo, useState } from 'react'
import { locateRuleProblem, parseRulesFile, RulesFileError, type FileProblem, type RulesFile } from '../../../../../shared/rules/files.ts'
import { validateRules } from '../../../../../shared/rules/index.ts'
import type { Rule, RuleProblem } from '../../../../../shared/rules/types.ts'
import { useApi } from '../../../api/ApiProvider.tsx'
import { ProblemList } from '../../../components/ProblemList.tsx'
import { useCommand } from '../../../components/useCommand.ts'
import { useT } from '../../../i18n/index.tsx'
import { useAppData } from '../../../state/AppData.tsx'
import { BacktestPanel } from '../BacktestPanel.tsx'
import { useBacktest } from '../useBacktest.ts'
import { ImportPreview } from './ImportPreview.tsx'
import { ImportWarnings } from './ImportWarnings.tsx'
import { planImport, type ImportMode, type ImportPlan } from './plan-import.ts'

const NO_RULES: Rule[] = []

/** Reads a rules file here in the window (JSON, YAML or the old tool's .txt), shows what it would change, then saves. */
export function ImportRulesModal({ saved, onClose }: { saved: readonly Rule[]; onClose: () => void }) {
  const t = useT()
  const api = useApi()
  const { rules, groups } = useAppData()
  // Each file read gets a new number: what is shown of the previous file (its table page, its backtest) goes with it.
  const [file, setFile] = useState<{ name: string; parsed: RulesFile; generation: number } | null>(null)
  const [generation, setGeneration] = useState(0)
  const [fileProblems, setFileProblems] = useState<FileProblem[]>([])
  const [mode, setMode] = useState<ImportMode>('merge')

  const plan = useMemo(() => (file ? planImport(saved, file.parsed.rules, mode) : null), [file, saved, mode])
  const ruleProblems = useMemo(
    () => (file ? validateRules(file.parsed.rules).map((problem) => locateRuleProblem(file.parsed, problem)) : []),
    [file],
  )
  const [saveProblems, setSaveProblems] = useState<RuleProblem[]>([])
  const save = useCommand(() => api.saveRules({ rules: plan!.rules }), {
    onDone: (result) => {
      if (!result.ok) return setSaveProblems(result.problems)
      rules.set(result.rules)
      onClose()
    },
    success: t('import.saved'),
  })

  const read = async (picked: File) => {
    const text = await picked.text()
    const next = generation + 1
    setGeneration(next)
    try {
      setFile({ name: picked.name, parsed: parseRulesFile(text, picked.name), generation: next })
      setFileProblems([])
    } catch (error) {
      if (!(error instanceof RulesFileError)) throw error
      setFile(null)
      setFileProblems(error.problems)
    }
    setSaveProblems([])
  }

  const blocked = !plan || ruleProblems.length > 0 || plan.rules.length === 0
  return (
    <Modal
      open
      width={1000}
      title={t('import.title')}
      onCancel={onClose}
      okText={t('import.save')}
      cancelText={t('common.cancel')}
      onOk={() => void save.run()}
      okButtonProps={{ disabled: blocked, loading: save.busy, 'data-testid': 'import-save' }}
      destroyOnHidden
    >
      <Flex vertical gap={16}>
        <Upload.Dragger
          accept=".json,.yaml,.yml,.txt"
          showUploadList={false}
          beforeUpload={(picked) => {
            void read(picked)
            return false
          }}
          data-testid="import-file"
        >
          <p className="ant-upload-drag-icon">
            <InboxOutlined />
          </p>
          <p className="ant-upload-text">{file ? file.name : t('import.pick')}</p>
          <p className="ant-upload-hint">{t('import.formats')}</p>
        </Upload.Dragger>
        <ProblemList problems={[...fileProblems, ...ruleProblems, ...saveProblems]} />
        {file && <ProblemList problems={file.parsed.warnings} severity="warning" />}
        {plan && (
          <>
            <Flex align="center" gap={12} wrap>
              <Typography.Text>{t('import.mode')}</Typography.Text>
              <Radio.Group
                value={mode}
                onChange={(event) => setMode(event.target.value as ImportMode)}
                options={[
                  { value: 'merge', label: t('import.mode.merge') },
                  { value: 'replace', label: t('import.mode.replace') },
                ]}
              />
            </Flex>
            <ImportWarnings plan={plan} groups={groups.data ?? []} />
            <ImportPreview plan={plan} key={`preview-${file!.generation}`} />
            <ImportBacktest plan={plan} disabled={ruleProblems.length > 0} key={`backtest-${file!.generation}`} />
          </>
        )}
      </Flex>
    </Modal>
  )
}

function ImportBacktest({ plan, disabled }: { plan: ImportPlan | null; disabled: boolean }) {
  const { groups } = useAppData()
  const backtest = useBacktest(plan?.rules ?? NO_RULES)
  return <BacktestPanel backtest={backtest} disabled={disabled} groups={groups.data ?? []} />
}
