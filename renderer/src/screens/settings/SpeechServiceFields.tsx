import { Alert, Button, Flex, Input, Select, Space, Typography } from 'antd'
import { useEffect, useState } from 'react'
import { SPEECH_LANGUAGES, type SpeechLanguage } from '../../../../shared/policy/settings.ts'
import type { SpeechKeyCheck } from '../../../../shared/api/types.ts'
import { useApi } from '../../api/ApiProvider.tsx'
import { useCommand } from '../../components/useCommand.ts'
import { useT } from '../../i18n/index.tsx'
import { useAppData } from '../../state/AppData.tsx'

/** The speech service beside its keys: the language spoken, the service address, and "test the keys". */
export function SpeechServiceFields() {
  const t = useT()
  const api = useApi()
  const { settings } = useAppData()
  const saved = settings.data
  const [baseUrl, setBaseUrl] = useState(saved?.speechBaseUrl ?? '')
  const [check, setCheck] = useState<SpeechKeyCheck | null>(null)
  useEffect(() => setBaseUrl(saved?.speechBaseUrl ?? ''), [saved?.speechBaseUrl])
  const update = useCommand((changes: { speechLanguage?: SpeechLanguage; speechBaseUrl?: string }) => api.updateSettings(changes), {
    onDone: settings.set,
    success: t('secret.saved'),
  })
  const test = useCommand(() => api.testSpeechKeys({}), { onDone: setCheck })
  if (!saved) return null
  const failure = check && !check.ok ? t(`voice.reason.${check.reason}`) + (check.errNo === null ? '' : t('voice.errNo', { errNo: check.errNo })) : null
  return (
    <Flex vertical gap={12}>
      <Flex vertical gap={4}>
        <Typography.Text strong>{t('settings.speechLanguage')}</Typography.Text>
        <Select
          value={saved.speechLanguage}
          onChange={(speechLanguage) => void update.run({ speechLanguage })}
          options={SPEECH_LANGUAGES.map((language) => ({ value: language, label: t(`settings.speechLanguage.${language}`) }))}
          data-testid="speech-language"
        />
      </Flex>
      <Flex vertical gap={4}>
        <Typography.Text strong>{t('settings.speechBaseUrl')}</Typography.Text>
        <Space.Compact className="full-width">
          <Input value={baseUrl} onChange={(event) => setBaseUrl(event.target.value)} placeholder="https://aip.baidubce.com" data-testid="speech-base-url" />
          <Button disabled={baseUrl === saved.speechBaseUrl} loading={update.busy} onClick={() => void update.run({ speechBaseUrl: baseUrl })}>
            {t('common.save')}
          </Button>
        </Space.Compact>
        <Typography.Text type="secondary">{t('settings.speechBaseUrlHelp')}</Typography.Text>
      </Flex>
      <Space wrap>
        <Button onClick={() => void test.run()} loading={test.busy} data-testid="speech-test">
          {t('settings.speechTest')}
        </Button>
      </Space>
      {check && (
        <Alert
          type={check.ok ? 'success' : 'error'}
          showIcon
          data-testid="speech-test-result"
          title={check.ok ? t('settings.speechTestOk') : t('settings.speechTestFailed', { reason: failure ?? '' })}
        />
      )}
    </Flex>
  )
}
