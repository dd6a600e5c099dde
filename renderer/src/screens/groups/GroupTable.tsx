import { Switch, Table, type TableColumnsType } from 'antd'
import { useMemo } from 'react'
import type { GroupView } from '../../../../shared/api/types.ts'
import { useT } from '../../i18n/index.tsx'
import type { GroupSwitch } from './GroupsScreen.tsx'
import { RemovalAbilityCell } from './RemovalAbilityCell.tsx'

interface GroupTableProps {
  groups: GroupView[]
  loading: boolean
  selected: string[]
  onSelect: (ids: string[]) => void
  onToggle: (group: GroupView, which: GroupSwitch, on: boolean) => void
}

export function GroupTable({ groups, loading, selected, onSelect, onToggle }: GroupTableProps) {
  const t = useT()
  const columns = useMemo<TableColumnsType<GroupView>>(
    () => [
      {
        title: t('groups.col.topic'),
        dataIndex: 'topic',
        ellipsis: true,
        sorter: (a, b) => a.topic.localeCompare(b.topic, 'zh-CN'),
      },
      { title: t('groups.col.members'), dataIndex: 'memberCount', width: 110, align: 'right', sorter: (a, b) => a.memberCount - b.memberCount },
      {
        title: t('groups.col.monitored'),
        dataIndex: 'monitored',
        width: 110,
        render: (_, group) => (
          <Switch size="small" checked={group.monitored} onChange={(on) => onToggle(group, 'monitored', on)} aria-label={t('groups.col.monitored')} />
        ),
      },
      {
        title: t('groups.col.quiet'),
        dataIndex: 'quiet',
        width: 110,
        render: (_, group) => <Switch size="small" checked={group.quiet} onChange={(on) => onToggle(group, 'quiet', on)} aria-label={t('groups.col.quiet')} />,
      },
      {
        title: t('groups.col.canRemove'),
        dataIndex: 'removal',
        width: 200,
        render: (_, group) => <RemovalAbilityCell group={group} onRepIsAdmin={(on) => onToggle(group, 'repIsAdmin', on)} />,
      },
      { title: t('groups.col.warnings7d'), dataIndex: 'warnings7d', width: 120, align: 'right', sorter: (a, b) => a.warnings7d - b.warnings7d },
      { title: t('groups.col.removals7d'), dataIndex: 'removals7d', width: 120, align: 'right', sorter: (a, b) => a.removals7d - b.removals7d },
    ],
    [t, onToggle],
  )

  return (
    <Table<GroupView>
      rowKey="id"
      size="middle"
      columns={columns}
      dataSource={groups}
      loading={loading}
      rowSelection={{ selectedRowKeys: selected, onChange: (keys) => onSelect(keys as string[]), preserveSelectedRowKeys: true }}
      pagination={{ defaultPageSize: 50, showSizeChanger: true, pageSizeOptions: [20, 50, 100, 200], showTotal: (total) => t('groups.total', { total }) }}
      scroll={{ x: 900 }}
      data-testid="groups-table"
    />
  )
}
