import { CrownOutlined } from '@ant-design/icons'
import { Button, Popconfirm } from 'antd'
import type { FeedEvent } from '../../../../shared/api/types.ts'
import { useApi } from '../../api/ApiProvider.tsx'
import { useCommand } from '../../components/useCommand.ts'
import { useT } from '../../i18n/index.tsx'
import { useAppData } from '../../state/AppData.tsx'

/**
 * Where the protocol does not show who owns or runs a group (web WeChat), the rep names a member as its owner or an
 * admin from their card: from then on they are immune there, and trusted to invite.
 */
export function StaffButton({ event }: { event: FeedEvent }) {
  const t = useT()
  const api = useApi()
  const group = useAppData().groups.data?.find((candidate) => candidate.id === event.groupId)
  const name = event.memberName ?? event.memberKey ?? ''
  const nameStaff = useCommand(
    () => api.setGroupStaff({ groupId: event.groupId!, memberKey: event.memberKey!, name, staff: true }),
    { success: t('feed.staff.named', { name }) },
  )
  const named = group?.staff.some((entry) => entry.memberKey === event.memberKey) ?? false
  if (!group || group.rolesKnown || named || !event.memberKey) return null
  return (
    <Popconfirm title={t('feed.staff.confirm', { name, group: group.topic })} onConfirm={() => void nameStaff.run()} okText={t('common.ok')} cancelText={t('common.cancel')}>
      <Button size="small" icon={<CrownOutlined />} loading={nameStaff.busy} data-testid="feed-name-staff">
        {t('feed.staff.button')}
      </Button>
    </Popconfirm>
  )
}
