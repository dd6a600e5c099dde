import { Card, Flex, Space, Tag, Typography } from 'antd'
import type { ReactNode } from 'react'
import type { FeedEvent } from '../../../../shared/api/types.ts'
import { HighlightedText } from '../../components/HighlightedText.tsx'
import { useFormat } from '../../i18n/format.ts'
import { useT } from '../../i18n/index.tsx'
import { useRuleLabel } from '../../components/useRuleLabel.ts'
import { MemberName } from '../../members/MemberStory.tsx'
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
    // Focusable, so that focus has somewhere to go when an action's button goes away (a pardon done).
    <Card size="small" className="feed-card" data-testid="feed-card" data-kind={event.kind} data-event-id={event.id} tabIndex={-1}>
      <Flex justify="space-between" align="flex-start" gap={12} wrap>
        <Space size={6} wrap>
          <Tag color={KIND_COLOR[event.kind]}>{t(`feedKind.${event.kind}`)}</Tag>
          {event.memberName && <MemberName memberKey={event.memberKey} name={event.memberName} />}
          {event.groupTopic && <Typography.Text type="secondary">{t('feed.inGroup', { group: event.groupTopic })}</Typography.Text>}
          {event.rule && <Tag>{t('feed.rule', { rule: ruleLabel(event.rule) })}</Tag>}
        </Space>
        <Space size={4} wrap>
          {event.dryRun && <Tag color="purple">{t('feed.dryRun')}</Tag>}
          {status && <Tag color={STATUS_COLOR[status]} data-testid="feed-status">{t(`status.${status}`)}</Tag>}
          {event.overridden && <Tag color="cyan" data-testid="feed-overridden">{t(`feed.overridden.${event.kind === 'removal' || event.kind === 'offender_marked' ? 'removal' : 'other'}`)}</Tag>}
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
      {typeof event.detail.said === 'string' && (
        <div className="feed-said" data-testid="feed-said">
          <Typography.Text type="secondary" className="feed-said-label">
            {t(event.dryRun ? 'feed.wouldSay' : 'feed.said')}
          </Typography.Text>
          <div className="template-bubble">{event.memberName ? `@${event.memberName} ${event.detail.said}` : event.detail.said}</div>
        </div>
      )}
      <EventDetail event={event} />
      <SignalEvidence event={event} />
      {actions}
    </Card>
  )
}
