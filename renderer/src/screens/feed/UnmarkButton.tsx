import { UndoOutlined } from '@ant-design/icons'
import { Button, Popconfirm } from 'antd'
import { useApi } from '../../api/ApiProvider.tsx'
import { useCommand } from '../../components/useCommand.ts'
import { useT } from '../../i18n/index.tsx'

/** Takes back a mark the rep put on a member, from the mark's own card (the card then shows it undone). */
export function UnmarkButton({ memberKey, name }: { memberKey: string; name: string }) {
  const t = useT()
  const api = useApi()
  const unmark = useCommand(() => api.setKnownOffender({ memberKey, marked: false }), { success: t('member.unmarkedDone', { name }) })
  return (
    <Popconfirm
      title={t('member.unmarkConfirm', { name })}
      onConfirm={() => void unmark.run()}
      okText={t('feed.unmark')}
      cancelText={t('common.cancel')}
      okButtonProps={{ autoFocus: true }}
      destroyOnHidden
    >
      <Button size="small" icon={<UndoOutlined />} loading={unmark.busy} data-testid="feed-unmark">
        {t('feed.unmark')}
      </Button>
    </Popconfirm>
  )
}
