import { App as AntApp, ConfigProvider } from 'antd'
import enUS from 'antd/locale/en_US'
import zhCN from 'antd/locale/zh_CN'
import { ApiProvider } from './api/ApiProvider.tsx'
import type { ClientChoice } from './api/client.ts'
import { I18nProvider, useI18n } from './i18n/index.tsx'
import { AppShell } from './shell/AppShell.tsx'
import { NoAccess } from './shell/NoAccess.tsx'
import { UnsavedEditsProvider } from './shell/UnsavedEdits.tsx'
import { MemberStoryProvider } from './members/MemberStory.tsx'
import { AppDataProvider } from './state/AppData.tsx'
import { THEME } from './theme.ts'

export function App({ choice }: { choice: ClientChoice }) {
  return (
    <I18nProvider>
      <LocalizedApp choice={choice} />
    </I18nProvider>
  )
}

function LocalizedApp({ choice }: { choice: ClientChoice }) {
  const { language } = useI18n()
  return (
    <ConfigProvider locale={language === 'en' ? enUS : zhCN} theme={THEME}>
      <AntApp>
        {choice.kind === 'no-token' ? (
          <NoAccess />
        ) : (
          <ApiProvider client={choice.client}>
            <AppDataProvider>
              <UnsavedEditsProvider>
                <MemberStoryProvider>
                  <AppShell />
                </MemberStoryProvider>
              </UnsavedEditsProvider>
            </AppDataProvider>
          </ApiProvider>
        )}
      </AntApp>
    </ConfigProvider>
  )
}
