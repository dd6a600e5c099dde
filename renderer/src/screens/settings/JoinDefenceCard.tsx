import { Card, Col, Form, Row, Select } from 'antd'
import { OUTSIDER_INVITE_ACTIONS, UNKNOWN_REMOVAL_CHOICES } from '../../../../shared/policy/settings.ts'
import { useT } from '../../i18n/index.tsx'
import { TemplateField } from './TemplateField.tsx'

/** Where the bot cannot remove, and who may bring new members in: fields of the settings form. */
export function JoinDefenceCard() {
  const t = useT()
  return (
    <Card size="small" title={t('settings.joinDefence')}>
      <Row gutter={16}>
        <Col xs={24} xl={12}>
          <Form.Item name="removalWhenUnknown" label={t('settings.removalWhenUnknown')} tooltip={t('settings.removalWhenUnknownHelp')}>
            <Select options={UNKNOWN_REMOVAL_CHOICES.map((choice) => ({ value: choice, label: t(`settings.removalWhenUnknown.${choice}`) }))} />
          </Form.Item>
        </Col>
        <Col xs={24} xl={12}>
          <Form.Item name="outsiderInviteAction" label={t('settings.outsiderInviteAction')} tooltip={t('settings.outsiderInviteActionHelp')}>
            <Select options={OUTSIDER_INVITE_ACTIONS.map((action) => ({ value: action, label: t(`settings.outsiderInvite.${action}`) }))} />
          </Form.Item>
        </Col>
        <Col xs={24} xl={12}>
          <TemplateField name="warningWithoutRemovalTemplate" label={t('settings.warningWithoutRemovalTemplate')} mentions />
        </Col>
        <Col xs={24} xl={12}>
          <TemplateField name="outsiderInviteNoticeTemplate" label={t('settings.outsiderInviteNoticeTemplate')} mentions />
        </Col>
        <Col xs={24} xl={12}>
          <TemplateField name="welcomeTemplate" label={t('settings.welcomeTemplate')} mentions />
        </Col>
      </Row>
    </Card>
  )
}
