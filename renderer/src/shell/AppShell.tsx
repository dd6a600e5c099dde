import {
  AlertOutlined,
  BarChartOutlined,
  FilterOutlined,
  LoginOutlined,
  SettingOutlined,
  TeamOutlined,
} from '@ant-design/icons'
import { Alert, Badge, Button, Layout, Menu, Spin, Typography } from 'antd'
import { lazy, Suspense, useEffect, useRef, type ReactNode } from 'react'
import { useT, type MessageKey } from '../i18n/index.tsx'
import { useAppData } from '../state/AppData.tsx'
import { HeaderStatus } from './HeaderStatus.tsx'
import { HealthBanner } from './HealthBanner.tsx'
import { NoAccess } from './NoAccess.tsx'
import { useLanguageFromSettings } from './useLanguageFromSettings.ts'
import { FEED_NEEDS_REP, useHashRoute, type Route } from './routes.ts'
import { useConfirmLeave } from './UnsavedEdits.tsx'
import { useNeedsRep } from './useNeedsRep.ts'

// One chunk per screen: the rule engine's dictionaries load with the first screen that needs them, not with the shell.
const SCREENS: Record<Route, React.LazyExoticComponent<() => ReactNode>> = {
  login: lazy(() => import('../screens/login/LoginScreen.tsx')),
  groups: lazy(() => import('../screens/groups/GroupsScreen.tsx')),
  rules: lazy(() => import('../screens/rules/RulesScreen.tsx')),
  feed: lazy(() => import('../screens/feed/FeedScreen.tsx')),
  stats: lazy(() => import('../screens/stats/StatsScreen.tsx')),
  settings: lazy(() => import('../screens/settings/SettingsScreen.tsx')),
}

const MENU: { route: Route; icon: ReactNode; label: MessageKey }[] = [
  { route: 'login', icon: <LoginOutlined />, label: 'nav.login' },
  { route: 'groups', icon: <TeamOutlined />, label: 'nav.groups' },
  { route: 'rules', icon: <FilterOutlined />, label: 'nav.rules' },
  { route: 'feed', icon: <AlertOutlined />, label: 'nav.feed' },
  { route: 'stats', icon: <BarChartOutlined />, label: 'nav.stats' },
  { route: 'settings', icon: <SettingOutlined />, label: 'nav.settings' },
]

export function AppShell() {
  const t = useT()
  const { login } = useAppData()
  const [route, navigate] = useHashRoute()
  const confirmLeave = useConfirmLeave()
  // Leaving a screen with edits not saved asks first (save, discard, stay).
  const go = (next: Route, view?: string) => {
    if (next === route && view === undefined) return
    void confirmLeave().then((mayGo) => mayGo && navigate(next, view ? { view } : {}))
  }
  const needsRep = useNeedsRep()
  useLanguageFromSettings()

  // Opened without a screen in the address: the groups once logged in (what a rep sets up first), else the login.
  const status = login.data?.status
  const loginFailed = login.error !== null
  useEffect(() => {
    if (route === null && (status || loginFailed)) navigate(status === 'logged-in' ? 'groups' : 'login', { replace: true })
  }, [route, status, loginFailed, navigate])
  // Once the QR code is scanned and the login goes through, the groups are what the rep sets up next.
  const previousStatus = useRef(status)
  useEffect(() => {
    const before = previousStatus.current
    previousStatus.current = status
    if (route === 'login' && before !== undefined && before !== 'logged-in' && status === 'logged-in') navigate('groups')
  }, [route, status, navigate])
  const Screen = route ? SCREENS[route] : null
  // A token the server no longer accepts (a new data folder, a reinstalled server): only a fresh link helps.
  if (login.error?.code === 'unauthorized') return <NoAccess />

  return (
    <Layout className="app-shell">
      <Layout.Sider width={208} breakpoint="xl" collapsedWidth={64} className="app-sider" theme="light">
        <div className="app-brand">
          <span className="app-brand-mark">卫</span>
          <span className="app-brand-name">{t('app.name')}</span>
        </div>
        <Menu
          mode="inline"
          selectedKeys={route ? [route] : []}
          onClick={({ key }) => go(key as Route)}
          items={MENU.map((item) => ({
            key: item.route,
            icon: item.icon,
            label:
              item.route === 'feed' && needsRep > 0 ? (
                <span className="menu-label-with-badge">
                  {t(item.label)} <Badge count={needsRep} size="small" data-testid="menu-needs-rep" />
                </span>
              ) : (
                t(item.label)
              ),
          }))}
        />
      </Layout.Sider>
      <Layout>
        <Layout.Header className="app-header">
          <Typography.Title level={4} className="app-header-title">
            {route && t(MENU.find((item) => item.route === route)!.label)}
          </Typography.Title>
          <HeaderStatus needsRep={needsRep} onOpenFeed={() => go('feed', FEED_NEEDS_REP)} onOpenLogin={() => go('login')} />
        </Layout.Header>
        <Layout.Content className="app-content">
          {login.error && (
            <Alert
              type="error"
              showIcon
              className="screen-alert"
              title={t('error.service')}
              description={login.error.message}
              action={<Button onClick={login.reload}>{t('common.retry')}</Button>}
            />
          )}
          <HealthBanner />
          <Suspense fallback={<Spin className="screen-loading" />}>{Screen ? <Screen /> : <Spin className="screen-loading" />}</Suspense>
        </Layout.Content>
      </Layout>
    </Layout>
  )
}
