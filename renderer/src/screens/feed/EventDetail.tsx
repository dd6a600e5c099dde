import { Alert, Typography } from 'antd'
import { isReasonCode, isTodoCode } from '../../../../shared/api/reasons.ts'
import type { FeedEvent } from '../../../../shared/api/types.ts'
import { useT, type Translate } from '../../i18n/index.tsx'

function text(value: unknown): string | null {
  return typeof value === 'string' && value.trim() !== '' ? value : null
}

/** Why it failed in the window's language when the main process gave a code; WeChat's own words otherwise. */
export function reasonOf(event: FeedEvent, t: Translate): string | null {
  const code = event.detail.reasonCode
  return isReasonCode(code) ? t(`reason.${code}`) : text(event.detail.reason)
}

/** What the rep must do by hand, in the window's language. */
export function todoOf(event: FeedEvent, t: Translate): string | null {
  const code = event.detail.repTodoCode
  const params = (event.detail.repTodoParams ?? {}) as Record<string, string>
  if (!isTodoCode(code)) return text(event.detail.repTodo)
  return t(`todo.${code}`, { group: String(params.group ?? ''), member: String(params.member ?? ''), reason: reasonOf(event, t) ?? '' })
}

/** The parts of an event's detail a rep acts on: which warning this was, why something failed, what to do by hand. */
export function EventDetail({ event }: { event: FeedEvent }) {
  const t = useT()
  const sanction = event.detail.sanction as { kind?: string; strikeNumber?: unknown; limit?: unknown } | undefined
  const reason = reasonOf(event, t)
  const todo = todoOf(event, t)
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
    </>
  )
}
