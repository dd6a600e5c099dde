import { ReloadOutlined, RollbackOutlined } from '@ant-design/icons'
import { Button, Card, Flex, Popconfirm, Space, Typography } from 'antd'
import { useCallback, useEffect, useState } from 'react'
import type { SignalsView } from '../../../../shared/api/types.ts'
import { useApi } from '../../api/ApiProvider.tsx'
import { useCommand } from '../../components/useCommand.ts'
import { useFormat } from '../../i18n/format.ts'
import { useT } from '../../i18n/index.tsx'
import { useAppData } from '../../state/AppData.tsx'
import { PrecisionFlagList } from './PrecisionFlagList.tsx'
import { SecretField } from './SecretsCard.tsx'

/** The classifier's state (version, training date, verdicts since), retrain and reset, the AI review's key and
 * today's calls, and the rules and signals whose precision needs a look. */
export function SignalsCard() {
  const t = useT()
  const api = useApi()
  const format = useFormat()
  const { settings } = useAppData()
  const [view, setView] = useState<SignalsView | null>(null)
  const refresh = useCallback(() => void api.getSignals({}).then(setView, () => undefined), [api])
  useEffect(refresh, [refresh, settings.data])
  const retrain = useCommand(() => api.retrainClassifier({}), { onDone: setView, success: t('signals.retrained') })
  const reset = useCommand(() => api.resetClassifier({}), { onDone: setView, success: t('signals.resetDone') })
  const model = view?.model
  const secrets = settings.data?.secrets
  return (
    <Card size="small" title={t('signals.title')} loading={!view} data-testid="signals-card">
      <Flex vertical gap={12}>
        <Typography.Text type="secondary">{t('signals.help')}</Typography.Text>
        {model && (
          <Space size={8} wrap>
            <Typography.Text strong data-testid="signals-model">
              {t('signals.model', { version: model.version, date: format.dateTime(model.trainedAt) })}
            </Typography.Text>
            <Typography.Text type="secondary">{t(`signals.source.${model.source}`)}</Typography.Text>
            <Typography.Text type="secondary">{model.retraining ? t('signals.retraining') : t('signals.verdictsSince', { count: model.verdictsSinceRetrain })}</Typography.Text>
          </Space>
        )}
        <Space wrap>
          <Button icon={<ReloadOutlined />} loading={retrain.busy} onClick={() => void retrain.run()} data-testid="signals-retrain">
            {t('signals.retrain')}
          </Button>
          <Popconfirm title={t('signals.resetConfirm')} onConfirm={() => void reset.run()} okText={t('signals.reset')} cancelText={t('common.cancel')}>
            <Button icon={<RollbackOutlined />} loading={reset.busy} data-testid="signals-reset">
              {t('signals.reset')}
            </Button>
          </Popconfirm>
        </Space>
        {settings.data?.llmEnabled && view && (
          <Typography.Text type="secondary">{t('signals.llmCalls', { count: view.llmCallsToday, budget: settings.data.llmDailyBudget })}</Typography.Text>
        )}
        {secrets && <SecretField name="llmApiKey" label={`${t('signals.llm')} · ${t('signals.llmApiKey')}`} state={secrets.llmApiKey} />}
        {view && <PrecisionFlagList flags={view.precisionFlags} />}
      </Flex>
    </Card>
  )
}
