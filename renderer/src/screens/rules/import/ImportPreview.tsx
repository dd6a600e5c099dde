import { Space, Table, Tag, Typography } from 'antd'
import type { Rule } from '../../../../../shared/rules/types.ts'
import { useT, type MessageKey } from '../../../i18n/index.tsx'
import { ActionTag } from '../ActionTag.tsx'
import type { ImportPlan, ImportStatus } from './plan-import.ts'

const STATUS: Record<ImportStatus, { color: string; label: MessageKey }> = {
  added: { color: 'green', label: 'import.status.added' },
  replaced: { color: 'orange', label: 'import.status.replaced' },
  unchanged: { color: 'default', label: 'import.status.unchanged' },
}

export function ImportPreview({ plan }: { plan: ImportPlan }) {
  const t = useT()
  const count = (status: ImportStatus) => plan.changes.filter((change) => change.status === status).length
  return (
    <Space orientation="vertical" className="full-width">
      <Typography.Text data-testid="import-summary">
        {t('import.summary', { added: count('added'), replaced: count('replaced'), unchanged: count('unchanged'), removed: plan.removed.length })}
      </Typography.Text>
      {plan.removed.length > 0 && <Typography.Text type="danger">{t('import.removed', { names: plan.removed.join('、') })}</Typography.Text>}
      <Table<{ rule: Rule; status: ImportStatus }>
        size="small"
        rowKey={(change) => change.rule.name}
        dataSource={plan.changes}
        pagination={{ pageSize: 8, hideOnSinglePage: true, showSizeChanger: false }}
        columns={[
          { title: t('rules.col.name'), width: 180, ellipsis: true, render: (_, change) => change.rule.name },
          { title: t('rules.col.match'), ellipsis: true, render: (_, change) => <span className="mono">{change.rule.match}</span> },
          { title: t('rules.col.action'), width: 100, render: (_, change) => <ActionTag action={change.rule.action} /> },
          {
            // Disabled and dry-run rules import as they are: the rep should see that they will not act.
            title: t('import.col.runs'),
            width: 110,
            render: (_, change) =>
              !change.rule.enabled ? (
                <Tag data-testid="import-disabled">{t('import.disabled')}</Tag>
              ) : change.rule.dryRun ? (
                <Tag color="purple" data-testid="import-dry-run">{t('rules.dryRunTag')}</Tag>
              ) : (
                <Tag color="green">{t('import.enabled')}</Tag>
              ),
          },
          {
            title: t('import.col.status'),
            width: 100,
            render: (_, change) => <Tag color={STATUS[change.status].color}>{t(STATUS[change.status].label)}</Tag>,
          },
        ]}
      />
    </Space>
  )
}
