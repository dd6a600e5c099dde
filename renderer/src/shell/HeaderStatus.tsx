import { BellOutlined, DisconnectOutlined } from '@ant-design/icons'
import { Badge, Button, Space, Tag, Tooltip } from 'antd'
import { useConnectionState } from '../api/ApiProvider.tsx'
import { useT } from '../i18n/index.tsx'
import { LOGIN_STATUS_COLOR } from '../screens/login/login-status.ts'
import { useAppData } from '../state/AppData.tsx'

export function HeaderStatus({ needsRep, onOpenFeed, onOpenLogin }: { needsRep: number; onOpenFeed: () => void; onOpenLogin: () => void }) {
  const t = useT()
  const connection = useConnectionState()
  const { login, settings } = useAppData()
  const state = login.data
  const modes = settings.data

  return (
    <Space size="middle" className="app-header-status">
      {connection === 'connecting' && (
        <Tag icon={<DisconnectOutlined />} color="warning">
          {t('header.reconnecting')}
        </Tag>
      )}
      {modes?.dryRun && <Tag color="purple">{t('header.dryRun')}</Tag>}
      {modes?.quietMode && <Tag color="gold">{t('header.quietMode')}</Tag>}
      {state && (
        <Tag color={LOGIN_STATUS_COLOR[state.status]} className="clickable-tag" onClick={onOpenLogin} data-testid="header-login">
          {state.status === 'logged-in' && state.account
            ? t('header.loggedInAs', { name: state.account.name })
            : t(`login.short.${state.status}`)}
        </Tag>
      )}
      <Tooltip title={t('header.needsRep', { count: needsRep })}>
        <Badge count={needsRep} size="small" data-testid="header-needs-rep">
          <Button type="text" icon={<BellOutlined />} onClick={onOpenFeed} aria-label={t('header.needsRep', { count: needsRep })} />
        </Badge>
      </Tooltip>
    </Space>
  )
}
