import { ReloadOutlined } from '@ant-design/icons'
import { Alert, Button, Card, Col, DatePicker, Empty, Row, Segmented, Space, Statistic } from 'antd'
import dayjs, { type Dayjs } from 'dayjs'
import { useEffect, useMemo, useState } from 'react'
import { useApi, useApiEvent } from '../../api/ApiProvider.tsx'
import { useLiveResource } from '../../api/useLiveResource.ts'
import { EChart } from '../../components/EChart.tsx'
import { useFormat } from '../../i18n/format.ts'
import { useT } from '../../i18n/index.tsx'
import { GroupStatsTable } from './GroupStatsTable.tsx'
import { RuleStatsTable, worstRule } from './RuleStatsTable.tsx'
import { dailyOption, groupsOption, rulesOption, SERIES, signalsOption } from './stats-charts.ts'

const PERIODS = [7, 30, 90] as const
const MAX_DAYS = 365
/** New feed events change the numbers; refresh at most this often while they stream in. */
const REFRESH_MS = 5000

/** The period shown: the last `days` days up to `until` (null: up to now, and kept current). */
interface Period {
  days: number
  until: number | null
}

export default function StatsScreen() {
  const t = useT()
  const api = useApi()
  const format = useFormat()
  const [period, setPeriod] = useState<Period>({ days: 7, until: null })
  const stats = useLiveResource(() => api.getStats({ days: period.days, ...(period.until === null ? {} : { until: period.until }) }), (current) => current, [period])
  const [stale, setStale] = useState(false)
  const { reload } = stats

  useApiEvent((event) => {
    if (event.type === 'feed' && period.until === null) setStale(true)
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
  const charts = useMemo(
    () => (data ? { daily: dailyOption(data.days, t), groups: groupsOption(data.groups, t), rules: rulesOption(data.rules, t), signals: signalsOption(data.signals, t) } : null),
    [data, t],
  )
  const range: [Dayjs, Dayjs] = useMemo(() => {
    const end = dayjs(period.until ?? Date.now())
    return [end.subtract(period.days - 1, 'day').startOf('day'), end]
  }, [period])
  const pickRange = (picked: [Dayjs | null, Dayjs | null] | null) => {
    const [start, end] = picked ?? []
    if (!start || !end) return setPeriod({ days: 7, until: null })
    const days = Math.min(MAX_DAYS, end.startOf('day').diff(start.startOf('day'), 'day') + 1)
    const today = end.isSame(dayjs(), 'day')
    setPeriod({ days, until: today ? null : end.endOf('day').valueOf() })
  }

  return (
    <Space orientation="vertical" size={16} className="full-width">
      <div className="toolbar">
        <Segmented<number | 'custom'>
          value={period.until === null && (PERIODS as readonly number[]).includes(period.days) ? period.days : 'custom'}
          onChange={(days) => days !== 'custom' && setPeriod({ days, until: null })}
          options={[
            ...PERIODS.map((days) => ({ value: days, label: t('stats.lastDays', { days }) })),
            { value: 'custom' as const, label: t('stats.customRange'), disabled: true },
          ]}
          data-testid="stats-period"
        />
        <DatePicker.RangePicker
          value={range}
          onChange={(picked) => pickRange(picked as [Dayjs | null, Dayjs | null] | null)}
          disabledDate={(day) => day.isAfter(dayjs(), 'day')}
          allowClear={false}
          aria-label={t('stats.range')}
          data-testid="stats-range"
        />
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
      <Card size="small" title={t('stats.perDay')}>
        {charts && <EChart option={charts.daily} height={260} label={t('stats.perDay')} testId="stats-chart" />}
      </Card>
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={12} xxl={8}>
          <Card size="small" title={t('stats.byGroup')}>
            {data && data.groups.length === 0 ? <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} /> : charts && <EChart option={charts.groups} height={260} label={t('stats.byGroup')} testId="stats-chart-groups" />}
          </Card>
        </Col>
        <Col xs={24} lg={12} xxl={8}>
          <Card size="small" title={t('stats.byRule')}>
            {data && data.rules.every((rule) => rule.hits === 0) ? <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} /> : charts && <EChart option={charts.rules} height={260} label={t('stats.byRule')} testId="stats-chart-rules" />}
          </Card>
        </Col>
        <Col xs={24} lg={24} xxl={8}>
          <Card size="small" title={t('stats.bySignal')}>
            {data && data.signals.length === 0 ? <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} /> : charts && <EChart option={charts.signals} height={260} label={t('stats.bySignal')} testId="stats-chart-signals" />}
          </Card>
        </Col>
      </Row>
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
