import { ArrowDownOutlined, ArrowUpOutlined, DeleteOutlined, EditOutlined, HolderOutlined } from '@ant-design/icons'
import { Button, Popconfirm, Select, Space, Switch, Table, Tag, Tooltip, Typography, type TableColumnsType } from 'antd'
import { useState } from 'react'
import type { RuleView } from '../../../../shared/api/types.ts'
import { RULE_ACTIONS, type Rule, type RuleAction, type RuleProblem } from '../../../../shared/rules/types.ts'
import { useApi } from '../../api/ApiProvider.tsx'
import { ProblemList } from '../../components/ProblemList.tsx'
import { useCommand } from '../../components/useCommand.ts'
import { useT } from '../../i18n/index.tsx'
import { useAppData } from '../../state/AppData.tsx'
import { ActionChangeModal } from './ActionChangeModal.tsx'
import { PrecisionCell } from './PrecisionCell.tsx'
import { moveItem, rulesOf } from './rule-set.ts'
import { ScopeCell } from './ScopeCell.tsx'
import { DRAG_HANDLE_CLASS, useRowDrag } from './useRowDrag.ts'

interface RuleListProps {
  views: RuleView[]
  loading: boolean
  onEdit: (view: RuleView) => void
}

/** The saved rules in priority order. Switches and order are saved as soon as they change; a new action asks first. */
export function RuleList({ views, loading, onEdit }: RuleListProps) {
  const t = useT()
  const api = useApi()
  const { rules } = useAppData()
  const [problems, setProblems] = useState<RuleProblem[]>([])
  const [actionChange, setActionChange] = useState<{ rule: string; from: RuleAction; to: RuleAction } | null>(null)

  const save = useCommand((next: Rule[]) => api.saveRules({ rules: next }), {
    onDone: (result) => {
      setProblems(result.ok ? [] : result.problems)
      if (result.ok) rules.set(result.rules)
    },
  })
  const reorder = useCommand((names: string[]) => api.reorderRules({ names }), { onDone: rules.set })

  const change = (view: RuleView, patch: Partial<Rule>) => void save.run(rulesOf(views).map((rule) => (rule.name === view.name ? { ...rule, ...patch } : rule)))
  const remove = (view: RuleView) => void save.run(rulesOf(views).filter((rule) => rule.name !== view.name))
  const move = (fromIndex: number, toIndex: number) => {
    if (toIndex < 0 || toIndex >= views.length || fromIndex === toIndex) return
    const moved = moveItem(views, fromIndex, toIndex)
    rules.set(moved)
    void reorder.run(moved.map((view) => view.name)).then((result) => result ?? rules.reload())
  }
  const dragProps = useRowDrag<RuleView>(
    (view) => view.name,
    (from, to) => {
      const names = views.map((view) => view.name)
      move(names.indexOf(from), names.indexOf(to))
    },
  )

  const columns: TableColumnsType<RuleView> = [
    { key: 'drag', width: 36, render: () => <HolderOutlined className={DRAG_HANDLE_CLASS} aria-label={t('rules.dragHint')} /> },
    { title: '#', key: 'priority', width: 48, render: (_, __, index) => index + 1 },
    {
      title: t('rules.col.name'),
      dataIndex: 'name',
      width: 200,
      ellipsis: true,
      render: (name: string, view) => (
        <Space size={4}>
          <Typography.Link onClick={() => onEdit(view)} className={view.enabled ? undefined : 'muted'}>
            {name}
          </Typography.Link>
          {view.dryRun && <Tag color="purple">{t('rules.dryRunTag')}</Tag>}
        </Space>
      ),
    },
    {
      title: t('rules.col.match'),
      dataIndex: 'match',
      ellipsis: { showTitle: false },
      render: (match: string) => (
        <Tooltip title={<span className="mono">{match}</span>} placement="topLeft">
          <span className="mono">{match}</span>
        </Tooltip>
      ),
    },
    {
      title: t('rules.col.action'),
      dataIndex: 'action',
      width: 130,
      render: (_, view) => (
        <Select
          size="small"
          value={view.action}
          onChange={(action) => setActionChange({ rule: view.name, from: view.action, to: action })}
          options={RULE_ACTIONS.map((action) => ({ value: action, label: t(`action.${action}`) }))}
          className="rule-action-select"
          aria-label={t('rules.col.action')}
        />
      ),
    },
    { title: t('rules.col.scope'), dataIndex: 'scope', width: 120, render: (_, view) => <ScopeCell scope={view.scope} /> },
    {
      title: t('rules.col.enabled'),
      dataIndex: 'enabled',
      width: 80,
      render: (_, view) => <Switch size="small" checked={view.enabled} onChange={(enabled) => change(view, { enabled })} aria-label={t('rules.col.enabled')} />,
    },
    {
      title: t('rules.col.precision'),
      dataIndex: 'precision',
      width: 130,
      sorter: (a, b) => (a.precision ?? 2) - (b.precision ?? 2),
      render: (_, view) => <PrecisionCell confirmed={view.confirmed} falsePositive={view.falsePositive} precision={view.precision} />,
    },
    {
      key: 'operations',
      width: 150,
      // Kept in view when a narrow window scrolls the table sideways.
      fixed: 'right',
      render: (_, view, index) => (
        <Space size={0}>
          <Button
            type="text"
            size="small"
            icon={<ArrowUpOutlined />}
            disabled={index === 0}
            onClick={() => move(index, index - 1)}
            aria-label={t('rules.moveUp')}
            title={t('rules.moveUp')}
            data-testid="rule-move-up"
          />
          <Button
            type="text"
            size="small"
            icon={<ArrowDownOutlined />}
            disabled={index === views.length - 1}
            onClick={() => move(index, index + 1)}
            aria-label={t('rules.moveDown')}
            title={t('rules.moveDown')}
            data-testid="rule-move-down"
          />
          <Button type="text" size="small" icon={<EditOutlined />} onClick={() => onEdit(view)} aria-label={t('common.edit')} />
          <Popconfirm title={t('rules.deleteConfirm', { name: view.name })} onConfirm={() => remove(view)} okText={t('common.delete')} cancelText={t('common.cancel')}>
            <Button type="text" size="small" danger icon={<DeleteOutlined />} aria-label={t('common.delete')} />
          </Popconfirm>
        </Space>
      ),
    },
  ]

  return (
    <>
      <ProblemList problems={problems} />
      <Table<RuleView>
        rowKey="name"
        size="middle"
        columns={columns}
        dataSource={views}
        loading={loading || save.busy || reorder.busy}
        onRow={dragProps}
        pagination={false}
        scroll={{ x: 1030 }}
        data-testid="rules-table"
        locale={{ emptyText: t('rules.empty') }}
      />
      {actionChange && <ActionChangeModal saved={rulesOf(views)} {...actionChange} onClose={() => setActionChange(null)} />}
    </>
  )
}
