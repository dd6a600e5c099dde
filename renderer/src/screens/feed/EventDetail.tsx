import { Alert, Typography } from 'antd'
import type { FeedEvent } from '../../../../shared/api/types.ts'
import { useT } from '../../i18n/index.tsx'
import { useReasonText } from '../../i18n/reason-text.ts'

function text(value: unknown): string | null {
  return typeof value === 'string' && value.trim() !== '' ? value : null
}

/** The parts of an event's detail a rep acts on: which warning this was, why something failed, what to do by hand. */
export function EventDetail({ event }: { event: FeedEvent }) {
  const t = useT()
  const sanction = event.detail.sanction as { kind?: string; strikeNumber?: unknown; limit?: unknown } | undefined
  // A task the rep has closed no longer needs its reason spelled out.
  const reasonText = useReasonText()
  const closedTask = event.kind === 'removal_needed' && event.status !== 'needs_rep'
  const reason = closedTask ? null : reasonText(event.detail)
  const todo = text(event.detail.repTodo)
  const later = typeof event.detail.laterOffenceCount === 'number' ? event.detail.laterOffenceCount : 0
  const inviter = text(event.detail.inviterName)
  return (
    <>
      {event.kind === 'warning' && typeof sanction?.strikeNumber === 'number' && typeof sanction.limit === 'number' && (
        <Typography.Text type="secondary" className="feed-detail">
          {t('feed.strike', { count: sanction.strikeNumber, limit: sanction.limit })}
        </Typography.Text>
      )}
      {todo && event.status === 'needs_rep' ? (
        // The to-do already says why.
        <Alert type="warning" showIcon className="feed-todo" title={todo} />
      ) : (
        reason && <Typography.Text type="danger" className="feed-detail">{t('feed.reason', { reason })}</Typography.Text>
      )}
      {event.detail.probable === true && (
        <Typography.Text type="warning" className="feed-detail" data-testid="feed-probable">
          {t('feed.probableMatch')}
        </Typography.Text>
      )}
      {inviter && <Typography.Text className="feed-detail">{t('feed.invitedBy', { name: inviter })}</Typography.Text>}
      {later > 0 && (
        <Typography.Text type="secondary" className="feed-detail" data-testid="feed-later-offences">
          {t('feed.laterOffences', { count: later })}
        </Typography.Text>
      )}
    </>
  )
}
