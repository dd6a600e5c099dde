import { Form, Input, Typography } from 'antd'
import { renderTemplate } from '../../../../shared/policy/templates.ts'
import { useT } from '../../i18n/index.tsx'
import { useAppData } from '../../state/AppData.tsx'

const PLACEHOLDERS = ['{name}', '{rule}', '{count}', '{limit}']

interface TemplateFieldProps {
  name: 'defaultWarningTemplate' | 'removalNoticeTemplate' | 'warningWithoutRemovalTemplate' | 'outsiderInviteNoticeTemplate' | 'welcomeTemplate'
  label: string
  /** Sent as an @-mention of the member, which WeChat shows before the text. */
  mentions?: boolean
}

/** A message template with what a member would read, filled with example values as the rep types. */
export function TemplateField({ name, label, mentions = false }: TemplateFieldProps) {
  const t = useT()
  const form = Form.useFormInstance()
  const template = Form.useWatch<string | undefined>(name, form) ?? ''
  const limit = Form.useWatch<number | undefined>('warningsBeforeRemoval', form) ?? 2
  const firstRule = useAppData().rules.data?.[0]?.name ?? t('settings.preview.rule')
  const member = t('settings.preview.name')
  const text = renderTemplate(template, { name: member, rule: firstRule, count: 1, limit })
  const preview = text && mentions ? `@${member} ${text}` : text
  // With no warnings before removal, the first offence removes: no warning is ever sent, so none is previewed.
  const noWarnings = mentions && limit === 0

  return (
    <>
      <Form.Item name={name} label={label} extra={t('settings.placeholders', { list: PLACEHOLDERS.join(' ') })}>
        <Input.TextArea autoSize={{ minRows: 2, maxRows: 5 }} maxLength={500} showCount />
      </Form.Item>
      <div className="template-preview" data-testid={`preview-${name}`}>
        <Typography.Text type="secondary" className="template-preview-label">
          {t('settings.preview')}
        </Typography.Text>
        <div className="template-bubble">
          {noWarnings ? (
            <Typography.Text type="secondary">{t('settings.preview.noWarnings')}</Typography.Text>
          ) : (
            preview || <Typography.Text type="secondary">{t('settings.preview.silent')}</Typography.Text>
          )}
        </div>
      </div>
    </>
  )
}
