import { Table, type TableColumnsType } from 'antd'
import { useMemo } from 'react'
import type { BacktestChange, GroupView } from '../../../../shared/api/types.ts'
import { useFormat } from '../../i18n/format.ts'
import { useT } from '../../i18n/index.tsx'

/** Messages whose fate the edit changes; `side` says which rule to show: the one that now catches it, or used to. */
export function BacktestChangeList({ changes, groups, side }: { changes: readonly BacktestChange[]; groups: readonly GroupView[]; side: 'before' | 'after' }) {
  const t = useT()
  const format = useFormat()
  const topics = useMemo(() => new Map(groups.map((group) => [group.id, group.topic])), [groups])
  const columns: TableColumnsType<BacktestChange> = [
    { title: t('backtest.col.at'), dataIndex: 'at', width: 150, render: (at: number) => format.dateTime(at) },
    { title: t('backtest.col.group'), dataIndex: 'groupId', width: 160, ellipsis: true, render: (id: string) => topics.get(id) ?? id },
    { title: t('backtest.col.sender'), dataIndex: 'senderName', width: 120, ellipsis: true },
    { title: t('backtest.col.text'), dataIndex: 'text', render: (text: string) => <span className="message-text">{text}</span> },
    { title: side === 'after' ? t('backtest.col.after') : t('backtest.col.before'), dataIndex: side, width: 140, ellipsis: true },
  ]
  return (
    <Table<BacktestChange>
      size="small"
      rowKey="messageId"
      columns={columns}
      dataSource={changes as BacktestChange[]}
      pagination={{ pageSize: 10, hideOnSinglePage: true, showSizeChanger: false }}
      scroll={{ x: 760 }}
    />
  )
}
