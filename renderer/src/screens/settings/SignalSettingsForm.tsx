import { Button, Card, Col, Form, Input, InputNumber, Row, Switch } from 'antd'
import { useEffect } from 'react'
import type { ApiInput } from '../../../../shared/api/contract.ts'
import type { SettingsView } from '../../../../shared/api/types.ts'
import { useApi } from '../../api/ApiProvider.tsx'
import { useCommand } from '../../components/useCommand.ts'
import { useT, type MessageKey } from '../../i18n/index.tsx'
import { useAppData } from '../../state/AppData.tsx'

const SWITCHES = ['spamAlerts', 'spamRuleEnabled', 'repeatAlerts', 'newcomerAlerts', 'floodAlerts', 'llmEnabled'] as const
const NUMBERS = [
  { key: 'spamAlertThreshold', min: 0.5, max: 1, step: 0.01 },
  { key: 'spamRuleThreshold', min: 0.5, max: 1, step: 0.01 },
  { key: 'repeatMinGroups', min: 2, max: 100, step: 1 },
  { key: 'newcomerHours', min: 0, max: 720, step: 1 },
  { key: 'floodPerMinute', min: 2, max: 600, step: 1 },
  { key: 'precisionFlagBelow', min: 0, max: 1, step: 0.05 },
  { key: 'llmDailyBudget', min: 0, max: 100_000, step: 10 },
  { key: 'llmTimeoutSeconds', min: 1, max: 120, step: 1 },
] as const
const TEXTS = ['signalWarningTemplate', 'llmBaseUrl', 'llmModel'] as const

type Key = (typeof SWITCHES)[number] | (typeof NUMBERS)[number]['key'] | (typeof TEXTS)[number]
type Values = Pick<Required<ApiInput<'updateSettings'>>, Key>
const KEYS: Key[] = [...SWITCHES, ...NUMBERS.map((field) => field.key), ...TEXTS]

const valuesOf = (settings: SettingsView): Values => Object.fromEntries(KEYS.map((key) => [key, settings[key]])) as Values

/** The signals' settings: which alerts are on, their thresholds, and the optional AI review's service. */
export function SignalSettingsForm() {
  const t = useT()
  const api = useApi()
  const { settings } = useAppData()
  const [form] = Form.useForm<Values>()
  const saved = settings.data
  useEffect(() => {
    if (saved) form.setFieldsValue(valuesOf(saved))
  }, [saved, form])
  const save = useCommand((values: Partial<Values>) => api.updateSettings(values), { onDone: settings.set, success: t('signals.saved') })
  const submit = (values: Values) => {
    if (!saved) return
    void save.run(Object.fromEntries(KEYS.filter((key) => values[key] !== saved[key]).map((key) => [key, values[key]])))
  }
  const label = (key: Key) => t(`signals.${key}` as MessageKey)
  return (
    <Card size="small" title={t('signals.settings')}>
      <Form<Values> form={form} layout="vertical" onFinish={submit} disabled={!saved} data-testid="signal-settings">
        <Row gutter={16}>
          {SWITCHES.map((key) => (
            <Col xs={24} md={12} key={key}>
              <Form.Item name={key} label={label(key)} valuePropName="checked" layout="horizontal" colon={false} className="switch-item">
                <Switch data-testid={`signal-setting-${key}`} />
              </Form.Item>
            </Col>
          ))}
          {NUMBERS.map(({ key, min, max, step }) => (
            <Col xs={24} md={12} key={key}>
              <Form.Item name={key} label={label(key)} tooltip={key === 'spamAlertThreshold' ? t('signals.spamAlertThresholdHelp') : undefined}>
                <InputNumber min={min} max={max} step={step} className="full-width" data-testid={`signal-setting-${key}`} />
              </Form.Item>
            </Col>
          ))}
          {TEXTS.map((key) => (
            <Col span={24} key={key}>
              <Form.Item name={key} label={label(key)} tooltip={key === 'llmBaseUrl' ? t('signals.llmHelp') : undefined}>
                <Input data-testid={`signal-setting-${key}`} placeholder={key === 'llmBaseUrl' ? 'http://127.0.0.1:8000/v1' : undefined} />
              </Form.Item>
            </Col>
          ))}
        </Row>
        <Button type="primary" htmlType="submit" loading={save.busy} data-testid="signal-settings-save">
          {t('common.save')}
        </Button>
      </Form>
    </Card>
  )
}
