import { Button, Popconfirm } from 'antd'
import type { ReactNode } from 'react'
import { useApi } from '../../api/ApiProvider.tsx'
import { useCommand } from '../../components/useCommand.ts'
import { useT } from '../../i18n/index.tsx'

interface AllowListButtonProps {
  memberKey: string
  name: string
  icon: ReactNode
  onDone?: () => void
}

export function AllowListButton({ memberKey, name, icon, onDone }: AllowListButtonProps) {
  const t = useT()
  const api = useApi()
  const add = useCommand(() => api.addToAllowList({ memberKey, name }), { success: t('allowList.added', { name }), ...(onDone ? { onDone } : {}) })
  return (
    <Popconfirm
      title={t('allowList.confirm', { name })}
      onConfirm={() => void add.run()}
      okText={t('allowList.add')}
      cancelText={t('common.cancel')}
      okButtonProps={{ autoFocus: true }}
      destroyOnHidden
    >
      <Button size="small" icon={icon} loading={add.busy} data-testid="feed-allow">
        {t('allowList.add')}
      </Button>
    </Popconfirm>
  )
}
