import { Card, Segmented } from 'antd'
import { useApi } from '../../api/ApiProvider.tsx'
import { useCommand } from '../../components/useCommand.ts'
import { useI18n, type Language } from '../../i18n/index.tsx'
import { useAppData } from '../../state/AppData.tsx'

const LANGUAGES: { value: Language; label: string }[] = [
  { value: 'zh-CN', label: '简体中文' },
  { value: 'en', label: 'English' },
]

/** Applies at once: the window switches now, and the service keeps the choice for every window. */
export function LanguageCard() {
  const { t, language, setLanguage } = useI18n()
  const api = useApi()
  const { settings } = useAppData()
  const save = useCommand((next: Language) => api.updateSettings({ language: next }), { onDone: settings.set })
  return (
    <Card size="small" title={t('settings.language')}>
      <Segmented<Language>
        value={language}
        options={LANGUAGES}
        onChange={(next) => {
          setLanguage(next)
          void save.run(next)
        }}
        data-testid="language-switch"
      />
    </Card>
  )
}
