import { Card, Flex, Space, Tag, Typography } from 'antd'
import type { ReactNode } from 'react'
import type { FeedEvent } from '../../../../shared/api/types.ts'
import { HighlightedText } from '../../components/HighlightedText.tsx'
import { useFormat } from '../../i18n/format.ts'
import { useT } from '../../i18n/index.tsx'
import { useRuleLabel } from '../../components/useRuleLabel.ts'
import { EventDetail } from './EventDetail.tsx'
import { SignalEvidence } from './SignalEvidence.tsx'
import { KIND_COLOR, shownStatus, STATUS_COLOR } from './feed-kinds.ts'
import { useMessageHits } from './useMessageHits.ts'
import { VoicePanel } from './VoicePanel.tsx'

/** One event as the rep reads it; `actions` are what can be done about it where the card is shown. */
export function FeedCard({ event, actions }: { event: FeedEvent; actions: ReactNode }) {
  const t = useT()
  const format = useFormat()
  const hits = useMessageHits(event)
  const ruleLabel = useRuleLabel()
  const status = shownStatus(event.kind, event.status)
  return (
    <Card size="small" className="feed-card" data-testid="feed-card" data-kind={event.kind} data-event-id={event.id}>
      <Flex justify="space-between" align="flex-start" gap={12} wrap>
        <Space size={6} wrap>
          <Tag color={KIND_COLOR[event.kind]}>{t(`feedKind.${event.kind}`)}</Tag>
          {event.memberName && <Typography.Text strong>{event.memberName}</Typography.Text>}
          {event.groupTopic && <Typography.Text type="secondary">{t('feed.inGroup', { group: event.groupTopic })}</Typography.Text>}
          {event.rule && <Tag>{t('feed.rule', { rule: ruleLabel(event.rule) })}</Tag>}
        </Space>
        <Space size={4} wrap>
          {event.dryRun && <Tag color="purple">{t('feed.dryRun')}</Tag>}
          {status && <Tag color={STATUS_COLOR[status]} data-testid="feed-status">{t(`status.${status}`)}</Tag>}
          {event.overridden && <Tag color="cyan" data-testid="feed-overridden">{t(`feed.overridden.${event.kind === 'removal' ? 'removal' : 'other'}`)}</Tag>}
          {event.verdict && <Tag color={event.verdict === 'confirmed' ? 'red' : 'green'}>{t(`verdict.${event.verdict}`)}</Tag>}
          <Typography.Text type="secondary" className="feed-time">
            {format.dateTime(event.at)}
          </Typography.Text>
        </Space>
      </Flex>
      {event.text && (
        <div className="feed-message">
          <HighlightedText text={event.text} hits={hits} />
        </div>
      )}
      <VoicePanel event={event} />
      <EventDetail event={event} />
      <SignalEvidence event={event} />
      {actions}
    </Card>
  )
}
