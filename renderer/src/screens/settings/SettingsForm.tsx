import { SaveOutlined, UndoOutlined } from '@ant-design/icons'
import { Button, Card, Col, Form, InputNumber, Row, Select, Switch, Typography } from 'antd'
import { useEffect, useState } from 'react'
import type { ApiInput } from '../../../../shared/api/contract.ts'
import type { SettingsView } from '../../../../shared/api/types.ts'
import { KNOWN_OFFENDER_ACTIONS } from '../../../../shared/policy/settings.ts'
import { useApi } from '../../api/ApiProvider.tsx'
import { useCommand } from '../../components/useCommand.ts'
import { useT } from '../../i18n/index.tsx'
import { useAppData } from '../../state/AppData.tsx'
import { TemplateField } from './TemplateField.tsx'

/** The settings this form edits; language and secrets have cards of their own that apply at once. */
type FormValues = Required<Omit<ApiInput<'updateSettings'>, 'language'>>
type FormKey = keyof FormValues

const FORM_KEYS: FormKey[] = [
  'warningsBeforeRemoval', 'strikeExpiryDays', 'knownOffenderAction', 'staleWarningMinutes', 'defaultWarningTemplate',
  'removalNoticeTemplate', 'quietMode', 'dryRun', 'newGroupsMonitored', 'rateLimitPerMinute', 'retentionDays', 'notifySelf',
  'desktopNotifications', 'imageTextRecognition',
]

function formValuesOf(settings: SettingsView): FormValues {
  return Object.fromEntries(FORM_KEYS.map((key) => [key, settings[key]])) as FormValues
}

function changedValues(saved: SettingsView, values: FormValues): Partial<FormValues> {
  return Object.fromEntries(FORM_KEYS.filter((key) => values[key] !== saved[key]).map((key) => [key, values[key]]))
}

export function SettingsForm() {
  const t = useT()
  const api = useApi()
  const { settings } = useAppData()
  const [form] = Form.useForm<FormValues>()
  const [dirty, setDirty] = useState(false)
  const saved = settings.data

  // A change saved elsewhere (another window, the command line) shows here unless the rep is mid-edit.
  useEffect(() => {
    if (saved && !dirty) form.setFieldsValue(formValuesOf(saved))
  }, [saved, dirty, form])

  const save = useCommand((values: Partial<FormValues>) => api.updateSettings(values), {
    onDone: (next) => {
      settings.set(next)
      setDirty(false)
    },
    success: t('settings.saved'),
  })
  const submit = (values: FormValues) => {
    if (saved) void save.run(changedValues(saved, values))
  }
  const reset = () => {
    if (saved) form.setFieldsValue(formValuesOf(saved))
    setDirty(false)
  }

  return (
    <Form<FormValues> form={form} layout="vertical" onFinish={submit} onValuesChange={() => setDirty(true)} disabled={!saved} data-testid="settings-form">
      <div className="toolbar settings-actions">
        <Typography.Text type={dirty ? 'warning' : 'secondary'}>{dirty ? t('settings.unsaved') : t('settings.allSaved')}</Typography.Text>
        <span className="toolbar-spacer" />
        <Button icon={<UndoOutlined />} onClick={reset} disabled={!dirty}>
          {t('settings.reset')}
        </Button>
        <Button type="primary" htmlType="submit" icon={<SaveOutlined />} loading={save.busy} disabled={!dirty} data-testid="settings-save">
          {t('settings.save')}
        </Button>
      </div>
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={12}>
          <Card size="small" title={t('settings.strikes')}>
            <Row gutter={16}>
              <Col span={12}>
                <Form.Item name="warningsBeforeRemoval" label={t('settings.warningsBeforeRemoval')} tooltip={t('settings.warningsBeforeRemovalHelp')}>
                  <InputNumber min={0} max={20} className="full-width" />
                </Form.Item>
              </Col>
              <Col span={12}>
                <Form.Item name="strikeExpiryDays" label={t('settings.strikeExpiryDays')}>
                  <InputNumber min={1} max={3650} className="full-width" suffix={t('settings.days')} />
                </Form.Item>
              </Col>
              <Col span={12}>
                <Form.Item name="knownOffenderAction" label={t('settings.knownOffenderAction')} tooltip={t('settings.knownOffenderActionHelp')}>
                  <Select options={KNOWN_OFFENDER_ACTIONS.map((action) => ({ value: action, label: t(`settings.knownOffender.${action}`) }))} />
                </Form.Item>
              </Col>
              <Col span={12}>
                <Form.Item name="staleWarningMinutes" label={t('settings.staleWarningMinutes')} tooltip={t('settings.staleWarningMinutesHelp')}>
                  <InputNumber min={1} max={1440} className="full-width" suffix={t('settings.minutes')} />
                </Form.Item>
              </Col>
            </Row>
          </Card>
        </Col>
        <Col xs={24} xl={12}>
          <Card size="small" title={t('settings.behaviour')}>
            <Row gutter={16}>
              <Col span={12}>
                <Form.Item name="rateLimitPerMinute" label={t('settings.rateLimitPerMinute')} tooltip={t('settings.rateLimitHelp')}>
                  <InputNumber min={1} max={600} className="full-width" />
                </Form.Item>
              </Col>
              <Col span={12}>
                <Form.Item name="retentionDays" label={t('settings.retentionDays')}>
                  <InputNumber min={1} max={3650} className="full-width" suffix={t('settings.days')} />
                </Form.Item>
              </Col>
              {(['quietMode', 'dryRun', 'newGroupsMonitored', 'notifySelf', 'desktopNotifications', 'imageTextRecognition'] as const).map((key) => (
                <Col span={24} key={key}>
                  <Form.Item
                    name={key}
                    label={t(`settings.${key}`)}
                    tooltip={t(`settings.${key}Help`)}
                    valuePropName="checked"
                    layout="horizontal"
                    colon={false}
                    className="switch-item"
                  >
                    <Switch />
                  </Form.Item>
                </Col>
              ))}
            </Row>
          </Card>
        </Col>
        <Col span={24}>
          <Card size="small" title={t('settings.templates')}>
            <Row gutter={16}>
              <Col xs={24} xl={12}>
                <TemplateField name="defaultWarningTemplate" label={t('settings.defaultWarningTemplate')} mentions />
              </Col>
              <Col xs={24} xl={12}>
                <TemplateField name="removalNoticeTemplate" label={t('settings.removalNoticeTemplate')} />
              </Col>
            </Row>
          </Card>
        </Col>
      </Row>
    </Form>
  )
}
