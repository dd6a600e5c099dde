import { Alert, Button, Card, Flex, Input, Radio, Typography } from 'antd'
import { useEffect, useState } from 'react'
import { PUPPET_CHOICES } from '../../../../shared/api/puppets.ts'
import type { PuppetName } from '../../../../shared/api/types.ts'
import { useApi } from '../../api/ApiProvider.tsx'
import { SecretHint } from '../../components/SecretHint.tsx'
import { useCommand } from '../../components/useCommand.ts'
import { useT } from '../../i18n/index.tsx'
import { useAppData } from '../../state/AppData.tsx'
import { PuppetAbilities } from './PuppetAbilities.tsx'

export function PuppetCard() {
  const t = useT()
  const api = useApi()
  const { login, settings } = useAppData()
  const current = login.data?.puppet
  const [puppet, setPuppet] = useState<PuppetName | undefined>(current)
  const [token, setToken] = useState('')
  useEffect(() => setPuppet(current), [current])

  const choose = useCommand(() => api.choosePuppet({ puppet: puppet!, ...(token ? { token } : {}) }), {
    onDone: (state) => {
      login.set(state)
      setToken('')
    },
    success: t('puppet.saved'),
  })
  const needsToken = PUPPET_CHOICES.find((choice) => choice.name === puppet)?.needsToken ?? false
  const tokenState = settings.data?.secrets.puppetToken

  return (
    <Card title={t('puppet.title')} loading={!current}>
      <Flex vertical gap={16}>
        <Radio.Group value={puppet} onChange={(event) => setPuppet(event.target.value as PuppetName)} className="puppet-choice">
          <Flex vertical gap={12}>
            {PUPPET_CHOICES.map(({ name }) => (
              <Radio key={name} value={name}>
                <Typography.Text strong>{t(`puppet.${name}.name`)}</Typography.Text>
                <br />
                <Typography.Text type="secondary">{t(`puppet.${name}.about`)}</Typography.Text>
              </Radio>
            ))}
          </Flex>
        </Radio.Group>
        {puppet && <PuppetAbilities puppet={puppet} />}
        {needsToken && (
          <Flex vertical gap={4}>
            <Typography.Text>{t('puppet.token')}</Typography.Text>
            <Input.Password
              value={token}
              onChange={(event) => setToken(event.target.value)}
              placeholder={tokenState?.set ? t('puppet.tokenKeep') : t('puppet.tokenPlaceholder')}
              autoComplete="off"
              visibilityToggle={false}
            />
            {tokenState && <SecretHint state={tokenState} />}
          </Flex>
        )}
        <Button
          type="primary"
          onClick={() => void choose.run()}
          loading={choose.busy}
          disabled={!puppet || (puppet === current && !token)}
          className="align-start"
        >
          {t('puppet.save')}
        </Button>
        <Alert type="info" showIcon title={t('puppet.padplus.title')} description={t('puppet.padplus.about')} />
      </Flex>
    </Card>
  )
}
