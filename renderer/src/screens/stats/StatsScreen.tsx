import { ReloadOutlined } from '@ant-design/icons'
import { Alert, Button, Card, Col, Row, Segmented, Space, Statistic } from 'antd'
import { useEffect, useMemo, useState } from 'react'
import { useApi, useApiEvent } from '../../api/ApiProvider.tsx'
import { useLiveResource } from '../../api/useLiveResource.ts'
import { useFormat } from '../../i18n/format.ts'
import { useT } from '../../i18n/index.tsx'
import { DailyBarChart, SERIES } from './DailyBarChart.tsx'
import { GroupStatsTable } from './GroupStatsTable.tsx'
import { RuleStatsTable, worstRule } from './RuleStatsTable.tsx'

const PERIODS = [7, 30, 90] as const
/** New feed events change the numbers; refresh at most this often while they stream in. */
const REFRESH_MS = 5000

export default function StatsScreen() {
  const t = useT()
  const api = useApi()
  const format = useFormat()
  const [days, setDays] = useState<number>(7)
  const stats = useLiveResource(() => api.getStats({ days }), (current) => current, [days])
  const [stale, setStale] = useState(false)
  const { reload } = stats

  useApiEvent((event) => {
    if (event.type === 'feed') setStale(true)
  })
  useEffect(() => {
    if (!stale) return
    const timer = window.setTimeout(() => {
      setStale(false)
      reload()
    }, REFRESH_MS)
    return () => window.clearTimeout(timer)
  }, [stale, reload])

  const data = stats.data
  const worst = useMemo(() => (data ? worstRule(data.rules) : null), [data])
  const total = (key: 'warnings' | 'removals' | 'alerts') => data?.days.reduce((sum, day) => sum + day[key], 0) ?? 0

  return (
    <Space orientation="vertical" size={16} className="full-width">
      <div className="toolbar">
        <Segmented<number> value={days} onChange={setDays} options={PERIODS.map((period) => ({ value: period, label: t('stats.lastDays', { days: period }) }))} />
        <span className="toolbar-spacer" />
        <Button icon={<ReloadOutlined />} onClick={reload} loading={stats.loading} aria-label={t('common.reload')} />
      </div>
      {worst && worst.precision !== null && (
        <Alert type="warning" showIcon title={t('stats.worstRule', { rule: worst.rule, precision: format.percent(worst.precision), falsePositive: worst.falsePositive })} data-testid="stats-worst" />
      )}
      <Row gutter={16}>
        {SERIES.map((series) => (
          <Col span={8} key={series.key}>
            <Card size="small">
              <Statistic title={t(series.label)} value={total(series.key)} loading={!data} />
            </Card>
          </Col>
        ))}
      </Row>
      <Card size="small" title={t('stats.perDay')} extra={<ChartLegend />}>
        {data && <DailyBarChart days={data.days} />}
      </Card>
      <Row gutter={[16, 16]}>
        <Col xs={24} xxl={12}>
          <Card size="small" title={t('stats.perGroup')}>
            <GroupStatsTable groups={data?.groups ?? []} loading={!data} />
          </Card>
        </Col>
        <Col xs={24} xxl={12}>
          <Card size="small" title={t('stats.perRule')}>
            <RuleStatsTable rules={data?.rules ?? []} worst={worst?.rule ?? null} loading={!data} />
          </Card>
        </Col>
      </Row>
    </Space>
  )
}

function ChartLegend() {
  const t = useT()
  return (
    <Space size={12}>
      {SERIES.map((series) => (
        <span key={series.key} className="legend-item">
          <svg width="10" height="10" aria-hidden="true">
            <rect width="10" height="10" rx="2" fill={series.color} />
          </svg>
          {t(series.label)}
        </span>
      ))}
    </Space>
  )
}
