import { Alert, Typography } from 'antd'
import type { FeedEvent } from '../../../../shared/api/types.ts'
import { useT } from '../../i18n/index.tsx'

function text(value: unknown): string | null {
  return typeof value === 'string' && value.trim() !== '' ? value : null
}

/** The parts of an event's detail a rep acts on: which warning this was, why something failed, what to do by hand. */
export function EventDetail({ event }: { event: FeedEvent }) {
  const t = useT()
  const sanction = event.detail.sanction as { kind?: string; strikeNumber?: unknown; limit?: unknown } | undefined
  const reason = text(event.detail.reason)
  const todo = text(event.detail.repTodo)
  const team = event.detail.team as { author?: unknown; groupTopic?: unknown; reason?: unknown } | undefined
  return (
    <>
      {team && (
        <Typography.Text type="secondary" className="feed-detail">
          {t('feed.teamOffender', { name: text(team.author) ?? '', group: text(team.groupTopic) ?? '—', reason: text(team.reason) ?? '—' })}
        </Typography.Text>
      )}
      {event.kind === 'team_pack_updated' && <TeamPackChange detail={event.detail} />}
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

/** What a new version of a team pack changed, in one line. */
function TeamPackChange({ detail }: { detail: FeedEvent['detail'] }) {
  const t = useT()
  const names = (value: unknown) => (Array.isArray(value) ? value.map((entry) => (typeof entry === 'string' ? entry : String((entry as { name?: unknown }).name))) : [])
  const list = (value: unknown) => names(value).join('、') || '—'
  return (
    <Typography.Text type="secondary" className="feed-detail">
      {t('feed.teamPack', { pack: String(detail.pack ?? ''), version: String(detail.version ?? ''), author: String(detail.author ?? ''), added: list(detail.added), removed: list(detail.removed), changed: list(detail.changed) })}
    </Typography.Text>
  )
}
