import { Button, Card, Flex, Input, Popconfirm, Space, Typography } from 'antd'
import { useState } from 'react'
import type { ApiInput } from '../../../../shared/api/contract.ts'
import type { SecretState } from '../../../../shared/api/types.ts'
import { useApi } from '../../api/ApiProvider.tsx'
import { SecretHint } from '../../components/SecretHint.tsx'
import { useCommand } from '../../components/useCommand.ts'
import { useT, type MessageKey } from '../../i18n/index.tsx'
import { useAppData } from '../../state/AppData.tsx'
import { SpeechServiceFields } from './SpeechServiceFields.tsx'

type SecretName = ApiInput<'setSecret'>['name']

const SPEECH_SECRETS: { name: SecretName; label: MessageKey }[] = [
  { name: 'speechApiKey', label: 'settings.speechApiKey' },
  { name: 'speechSecretKey', label: 'settings.speechSecretKey' },
]

/** Keys for turning voice messages into text. Write-only: the window can set or clear them, never read them. */
export function SecretsCard() {
  const t = useT()
  const { settings } = useAppData()
  const secrets = settings.data?.secrets
  return (
    <Card size="small" title={t('settings.speech')} loading={!secrets}>
      <Flex vertical gap={16}>
        <Typography.Text type="secondary">{t('settings.speechHelp')}</Typography.Text>
        {secrets && SPEECH_SECRETS.map((secret) => <SecretField key={secret.name} name={secret.name} label={t(secret.label)} state={secrets[secret.name]} />)}
        <SpeechServiceFields />
      </Flex>
    </Card>
  )
}

export function SecretField({ name, label, state }: { name: SecretName; label: string; state: SecretState }) {
  const t = useT()
  const api = useApi()
  const { settings } = useAppData()
  const [value, setValue] = useState('')
  const save = useCommand((next: string) => api.setSecret({ name, value: next }), {
    onDone: (view) => {
      settings.set(view)
      setValue('')
    },
    success: t('secret.saved'),
  })
  return (
    <Flex vertical gap={4}>
      <Space size={8} wrap>
        <Typography.Text strong>{label}</Typography.Text>
        <SecretHint state={state} />
      </Space>
      <Space.Compact className="full-width">
        <Input.Password
          value={value}
          onChange={(event) => setValue(event.target.value)}
          placeholder={state.set ? t('secret.replace') : t('secret.enter')}
          visibilityToggle={false}
          autoComplete="off"
          data-testid={`secret-${name}`}
        />
        <Button type="primary" disabled={!value} loading={save.busy} onClick={() => void save.run(value)}>
          {t('common.save')}
        </Button>
        {state.set && (
          <Popconfirm title={t('secret.clearConfirm')} onConfirm={() => void save.run('')} okText={t('secret.clear')} cancelText={t('common.cancel')}>
            <Button danger>{t('secret.clear')}</Button>
          </Popconfirm>
        )}
      </Space.Compact>
    </Flex>
  )
}
