import { LogoutOutlined, QrcodeOutlined, ReloadOutlined } from '@ant-design/icons'
import { Alert, Avatar, Button, Card, Flex, Popconfirm, Spin, Typography } from 'antd'
import type { LoginState } from '../../../../shared/api/types.ts'
import { useApi } from '../../api/ApiProvider.tsx'
import { useCommand } from '../../components/useCommand.ts'
import { useT } from '../../i18n/index.tsx'
import { useAppData } from '../../state/AppData.tsx'
import { CAN_START_LOGIN } from './login-status.ts'
import { QrCanvas } from './QrCanvas.tsx'

export function LoginCard() {
  const t = useT()
  const api = useApi()
  const { login } = useAppData()
  const start = useCommand(() => api.login({}), { onDone: login.set })
  const stop = useCommand(() => api.logout({}), { onDone: login.set })
  const state = login.data

  return (
    <Card title={t('login.title')} loading={!state}>
      {state && (
        <Flex vertical align="center" gap={16} className="login-card-body">
          <LoginPicture state={state} />
          <Typography.Title level={4} data-testid="login-status" style={{ margin: 0, textAlign: 'center' }}>
            {state.status === 'logged-in' && state.account
              ? t('login.status.logged-in', { name: state.account.name })
              : t(`login.status.${state.status}`)}
          </Typography.Title>
          {state.status === 'failed' && state.error && <Alert type="error" showIcon title={state.error} />}
          {state.status === 'logged-in' ? (
            <Popconfirm title={t('login.logoutConfirm')} onConfirm={stop.run} okText={t('common.yes')} cancelText={t('common.no')}>
              <Button icon={<LogoutOutlined />} loading={stop.busy}>
                {t('login.logout')}
              </Button>
            </Popconfirm>
          ) : (
            CAN_START_LOGIN.has(state.status) && (
              <Button
                type="primary"
                icon={state.status === 'timeout' ? <ReloadOutlined /> : <QrcodeOutlined />}
                loading={start.busy}
                onClick={start.run}
                data-testid="login-start"
              >
                {state.status === 'timeout' ? t('login.refresh') : t('login.start')}
              </Button>
            )
          )}
          <Typography.Text type="secondary">{t('login.puppetInUse', { puppet: t(`puppet.${state.puppet}.name`) })}</Typography.Text>
        </Flex>
      )}
    </Card>
  )
}

function LoginPicture({ state }: { state: LoginState }) {
  if (state.status === 'waiting' && state.qrUrl) return <QrCanvas value={state.qrUrl} />
  if (state.status === 'logged-in' && state.account) {
    return (
      <Avatar size={96} className="login-avatar">
        {state.account.name.slice(0, 1)}
      </Avatar>
    )
  }
  if (state.status === 'starting' || state.status === 'scanned' || state.status === 'confirmed') return <Spin size="large" />
  return <QrcodeOutlined className="login-placeholder-icon" />
}
