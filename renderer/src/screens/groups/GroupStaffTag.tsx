import { CrownOutlined } from '@ant-design/icons'
import { Popover, Tag, Typography } from 'antd'
import type { GroupView } from '../../../../shared/api/types.ts'
import { useApi } from '../../api/ApiProvider.tsx'
import { useCommand } from '../../components/useCommand.ts'
import { useT } from '../../i18n/index.tsx'
import { useAppData } from '../../state/AppData.tsx'
import { mergeGroups } from '../../state/merge-groups.ts'

/** The owners and admins the rep named in this group (from feed cards); each can be taken off again. */
export function GroupStaffTag({ group }: { group: GroupView }) {
  const t = useT()
  const api = useApi()
  const { groups } = useAppData()
  const unname = useCommand(
    (memberKey: string, name: string) => api.setGroupStaff({ groupId: group.id, memberKey, name, staff: false }),
    { onDone: (changed) => groups.set((current) => mergeGroups(current ?? [], changed)) },
  )
  if (group.staff.length === 0) return null
  const list = (
    <div data-testid="group-staff-list">
      <Typography.Text type="secondary">{t('groups.staff')}</Typography.Text>
      <div>
        {group.staff.map((entry) => (
          <Tag key={entry.memberKey} closable onClose={() => void unname.run(entry.memberKey, entry.name)}>
            {entry.name}
          </Tag>
        ))}
      </div>
    </div>
  )
  return (
    <Popover content={list} trigger="click">
      <Tag icon={<CrownOutlined />} className="clickable-tag" data-testid="group-staff">
        {group.staff.length}
      </Tag>
    </Popover>
  )
}
