import { Button, Popconfirm } from 'antd'
import type { ReactNode } from 'react'
import { useApi } from '../../api/ApiProvider.tsx'
import { useCommand } from '../../components/useCommand.ts'
import { useT } from '../../i18n/index.tsx'

export function AllowListButton({ memberKey, name, icon }: { memberKey: string; name: string; icon: ReactNode }) {
  const t = useT()
  const api = useApi()
  const add = useCommand(() => api.addToAllowList({ memberKey, name }), { success: t('allowList.added', { name }) })
  return (
    <Popconfirm title={t('allowList.confirm', { name })} onConfirm={() => void add.run()} okText={t('allowList.add')} cancelText={t('common.cancel')}>
      <Button size="small" icon={icon} loading={add.busy} data-testid="feed-allow">
        {t('allowList.add')}
      </Button>
    </Popconfirm>
  )
}
