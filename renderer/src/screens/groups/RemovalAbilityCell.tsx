import { CheckCircleOutlined, QuestionCircleOutlined, WarningOutlined } from '@ant-design/icons'
import { Checkbox, Flex, Tag, Tooltip } from 'antd'
import type { GroupView } from '../../../../shared/api/types.ts'
import { useT } from '../../i18n/index.tsx'
import { GroupStaffTag } from './GroupStaffTag.tsx'

/** Whether the bot can remove in the group; where the protocol cannot tell, the rep's one-click "I am owner/admin". */
export function RemovalAbilityCell({ group, onRepIsAdmin }: { group: GroupView; onRepIsAdmin: (on: boolean) => void }) {
  const t = useT()
  const tag =
    group.removal === 'yes' ? (
      <Tag icon={<CheckCircleOutlined />} color="success">
        {t('groups.canRemove.yes')}
      </Tag>
    ) : (
      <Tooltip title={t(group.removal === 'no' ? 'groups.removal.noHelp' : 'groups.removal.unknownHelp')}>
        <Tag icon={group.removal === 'no' ? <WarningOutlined /> : <QuestionCircleOutlined />} color="warning">
          {t(group.removal === 'no' ? 'groups.canRemove.no' : 'groups.removal.unknown')}
        </Tag>
      </Tooltip>
    )
  // Where the puppet reports the roles, the rep's word would change nothing WeChat allows.
  const askRep = !group.rolesKnown || group.repIsAdmin
  return (
    <Flex gap={4} align="center" wrap>
      {tag}
      <GroupStaffTag group={group} />
      {askRep && (
        <Checkbox checked={group.repIsAdmin} onChange={(change) => onRepIsAdmin(change.target.checked)} data-testid="group-rep-is-admin">
          {t('groups.repIsAdmin')}
        </Checkbox>
      )}
    </Flex>
  )
}
