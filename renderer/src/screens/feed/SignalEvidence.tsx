import { Alert, Space, Tag, Typography } from 'antd'
import type { FeedEvent } from '../../../../shared/api/types.ts'
import { useFormat } from '../../i18n/format.ts'
import { useT, type MessageKey } from '../../i18n/index.tsx'

type Finding = { reason?: string } & Record<string, unknown>

/** Why a signal raised this alert: the classifier's score and the n-grams that weighed most, the behaviour finding,
 * and what the AI review said. Also words a signal_failed event from its code and parameters. */
export function SignalEvidence({ event }: { event: FeedEvent }) {
  const t = useT()
  const format = useFormat()
  const detail = event.detail
  if (event.kind === 'signal_failed') return <SignalFailure code={String(detail.code ?? '')} params={detail.params} alsoFailed={detail.alsoFailed} />
  if (typeof detail.signal !== 'string') return null
  // The score says something about the classifier's own alerts; on a flood or a newcomer it is noise.
  const score = detail.signal === 'spam' && typeof detail.score === 'number' ? detail.score : null
  const grams = score !== null && Array.isArray(detail.topGrams) ? (detail.topGrams as { gram: string }[]) : []
  const finding = ([detail.repeat, detail.newcomer, detail.flood] as (Finding | null | undefined)[]).find((item) => item?.reason !== undefined)
  const flood = detail.flood as { perMinute?: number } | null | undefined
  const opinion = detail.secondOpinion as { verdict?: 'spam' | 'ham'; reason?: string } | undefined
  return (
    <div className="feed-detail signal-evidence" data-testid="signal-evidence">
      <Space size={6} wrap>
        {score !== null && (
          <Tag color={score >= 0.8 ? 'red' : 'gold'} data-testid="signal-score">
            {t('signal.score', { score: format.percent(score) })}
          </Tag>
        )}
        {grams.length > 0 && <Typography.Text type="secondary">{t('signal.topGrams')}</Typography.Text>}
        {grams.map(({ gram }) => (
          <Tag key={gram} data-testid="signal-gram">
            {gram}
          </Tag>
        ))}
        {finding && <Typography.Text type="secondary">{findingText(t, finding)}</Typography.Text>}
        {!finding && flood?.perMinute !== undefined && detail.signal === 'flood' && (
          <Typography.Text type="secondary">{t('signal.reason.flood', { perMinute: flood.perMinute })}</Typography.Text>
        )}
      </Space>
      {opinion?.verdict && (
        <Typography.Paragraph type="secondary" className="signal-opinion" data-testid="signal-opinion">
          {t(`signal.secondOpinion.${opinion.verdict}`, { reason: opinion.reason ?? '' })}
          {detail.loweredBy === 'llm' && ` ${t('signal.lowered')}`}
          {detail.raisedBy === 'llm' && ` ${t('signal.raised')}`}
        </Typography.Paragraph>
      )}
    </div>
  )
}

function findingText(t: ReturnType<typeof useT>, finding: Finding): string {
  const number = (key: string) => Number(finding[key] ?? 0)
  switch (finding.reason) {
    case 'same_member':
      return t('signal.reason.same_member', { groups: number('groups') })
    case 'bot_farm':
      return t('signal.reason.bot_farm', { members: number('members') })
    case 'contact':
      return t('signal.reason.contact', { what: t(`signal.contact.${String(finding.what)}` as MessageKey) })
    case 'fast_post':
      return t('signal.reason.fast_post', { seconds: number('seconds') })
    case 'join_burst':
      return t('signal.reason.join_burst', { joins: number('joins') })
    default:
      return ''
  }
}

const FAILURE_KEYS = new Set([
  'retrain_failed', 'llm_timeout', 'llm_unreachable', 'llm_http_status', 'llm_bad_answer', 'llm_not_configured', 'llm_budget_spent',
])

function SignalFailure({ code, params, alsoFailed }: { code: string; params: unknown; alsoFailed: unknown }) {
  const t = useT()
  const values = typeof params === 'object' && params !== null ? (params as Record<string, string>) : {}
  const text = FAILURE_KEYS.has(code) ? t(`signal.failed.${code}` as MessageKey, values) : t('signal.failed.unknown', { code })
  const more = typeof alsoFailed === 'number' && alsoFailed > 0 ? ` ${t('signal.failed.more', { count: alsoFailed })}` : ''
  return <Alert type="error" showIcon className="feed-todo" title={`${text}${more}`} data-testid="signal-failure" />
}
