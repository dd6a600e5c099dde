import { Table, Tag } from 'antd'
import type { Stats } from '../../../../shared/api/types.ts'
import { useT } from '../../i18n/index.tsx'
import { shownPrecision } from '../../../../shared/signals/precision-flags.ts'
import { PrecisionCell } from '../rules/PrecisionCell.tsx'

type RuleStats = Stats['rules'][number]

/** The rule that wrongs customers most: lowest precision among rules with any false positive. */
export function worstRule(rules: readonly RuleStats[]): RuleStats | null {
  let worst: RuleStats | null = null
  for (const rule of rules) {
    // Judged only from MIN_VERDICTS verdicts on, like the precision shown.
    if (shownPrecision(rule) === null || rule.precision === null || rule.falsePositive === 0) continue
    if (!worst || rule.precision < worst.precision! || (rule.precision === worst.precision && rule.falsePositive > worst.falsePositive)) worst = rule
  }
  return worst
}

export function RuleStatsTable({ rules, worst, loading }: { rules: RuleStats[]; worst: string | null; loading: boolean }) {
  const t = useT()
  return (
    <Table<RuleStats>
      size="small"
      rowKey="rule"
      loading={loading}
      dataSource={rules}
      pagination={{ pageSize: 10, hideOnSinglePage: true, showSizeChanger: false }}
      rowClassName={(rule) => (rule.rule === worst ? 'worst-row' : '')}
      columns={[
        {
          title: t('stats.col.rule'),
          dataIndex: 'rule',
          ellipsis: true,
          render: (name: string) => (
            <>
              {name} {name === worst && <Tag color="red">{t('stats.worst')}</Tag>}
            </>
          ),
        },
        { title: t('stats.col.hits'), dataIndex: 'hits', width: 100, align: 'right', sorter: (a, b) => a.hits - b.hits, defaultSortOrder: 'descend' },
        { title: t('stats.col.confirmed'), dataIndex: 'confirmed', width: 100, align: 'right' },
        { title: t('stats.col.falsePositive'), dataIndex: 'falsePositive', width: 100, align: 'right' },
        {
          title: t('stats.col.precision'),
          dataIndex: 'precision',
          width: 150,
          sorter: (a, b) => (a.precision ?? 2) - (b.precision ?? 2),
          render: (_, rule) => <PrecisionCell confirmed={rule.confirmed} falsePositive={rule.falsePositive} precision={rule.precision} />,
        },
      ]}
    />
  )
}
