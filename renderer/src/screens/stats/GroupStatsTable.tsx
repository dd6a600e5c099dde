import { Table } from 'antd'
import type { Stats } from '../../../../shared/api/types.ts'
import { useT } from '../../i18n/index.tsx'

type GroupStats = Stats['groups'][number]

export function GroupStatsTable({ groups, loading }: { groups: GroupStats[]; loading: boolean }) {
  const t = useT()
  return (
    <Table<GroupStats>
      size="small"
      rowKey="groupId"
      loading={loading}
      dataSource={groups}
      pagination={{ pageSize: 10, hideOnSinglePage: true, showSizeChanger: false }}
      columns={[
        { title: t('stats.col.group'), dataIndex: 'topic', ellipsis: true },
        { title: t('stats.warnings'), dataIndex: 'warnings', width: 110, align: 'right', sorter: (a, b) => a.warnings - b.warnings, defaultSortOrder: 'descend' },
        { title: t('stats.removals'), dataIndex: 'removals', width: 110, align: 'right', sorter: (a, b) => a.removals - b.removals },
        { title: t('stats.alerts'), dataIndex: 'alerts', width: 110, align: 'right', sorter: (a, b) => a.alerts - b.alerts },
      ]}
    />
  )
}
