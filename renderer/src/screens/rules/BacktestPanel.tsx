import { ExperimentOutlined } from '@ant-design/icons'
import { Button, Card, Col, Progress, Row, Statistic, Tabs, Tag } from 'antd'
import type { GroupView } from '../../../../shared/api/types.ts'
import { ProblemList } from '../../components/ProblemList.tsx'
import { useT } from '../../i18n/index.tsx'
import { BacktestChangeList } from './BacktestChangeList.tsx'
import type { Backtest } from './useBacktest.ts'

export function BacktestPanel({ backtest, disabled, groups }: { backtest: Backtest; disabled: boolean; groups: readonly GroupView[] }) {
  const t = useT()
  const { result, progress, running, fresh } = backtest

  return (
    <Card
      size="small"
      title={t('backtest.title')}
      data-testid="backtest-panel"
      extra={
        <Button icon={<ExperimentOutlined />} onClick={backtest.run} loading={running} disabled={disabled} data-testid="backtest-run">
          {t('backtest.run')}
        </Button>
      }
    >
      {running && (
        <Progress
          percent={progress && progress.total > 0 ? Math.floor((progress.done / progress.total) * 100) : 0}
          status="active"
          format={() => (progress ? `${progress.done} / ${progress.total}` : '…')}
          data-testid="backtest-progress"
        />
      )}
      {!running && !result && <span className="muted">{t('backtest.explain')}</span>}
      {result && (
        <>
          {!fresh && <Tag color="warning" className="stale-tag">{t('backtest.stale')}</Tag>}
          <Row gutter={16} className="backtest-stats">
            <Col span={6}>
              <Statistic title={t('backtest.scanned')} value={result.scanned} />
            </Col>
            <Col span={6}>
              <Statistic title={t('backtest.newlyCaught')} value={result.newlyCaught.length} styles={{ content: { color: '#cf1322' } }} data-testid="backtest-newly" />
            </Col>
            <Col span={6}>
              <Statistic title={t('backtest.noLongerCaught')} value={result.noLongerCaught.length} styles={{ content: { color: '#096dd9' } }} />
            </Col>
            <Col span={6}>
              <Statistic title={t('backtest.changedRule')} value={result.changedRule} />
            </Col>
          </Row>
          <ProblemList problems={result.problems} />
          <Tabs
            size="small"
            // Opens on a list that has something in it; a new result opens afresh.
            key={`${result.scanned}:${result.newlyCaught.length}:${result.noLongerCaught.length}`}
            defaultActiveKey={result.newlyCaught.length === 0 && result.noLongerCaught.length > 0 ? 'gone' : 'newly'}
            data-testid="backtest-tabs"
            items={[
              { key: 'newly', label: t('backtest.newlyCaughtList', { count: result.newlyCaught.length }), children: <BacktestChangeList changes={result.newlyCaught} groups={groups} side="after" /> },
              { key: 'gone', label: t('backtest.noLongerCaughtList', { count: result.noLongerCaught.length }), children: <BacktestChangeList changes={result.noLongerCaught} groups={groups} side="before" /> },
            ]}
          />
        </>
      )}
    </Card>
  )
}
