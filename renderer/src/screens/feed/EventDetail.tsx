import { Alert, Typography } from 'antd'
import { isTodoCode } from '../../../../shared/api/reasons.ts'
import type { FeedEvent } from '../../../../shared/api/types.ts'
import { QR_CODE_KINDS, type QrCodeSeen } from '../../../../shared/images/qr-codes.ts'
import { IMAGE_FAILURE_CODES } from '../../../../shared/images/image-failures.ts'
import { useT, type Translate } from '../../i18n/index.tsx'
import { useReasonText } from '../../i18n/reason-text.ts'

function text(value: unknown): string | null {
  return typeof value === 'string' && value.trim() !== '' ? value : null
}

/** Why it failed in the window's language when the main process gave a code; WeChat's own words otherwise. */
/** What the rep must do by hand, in the window's language. */
export function todoOf(event: FeedEvent, t: Translate, reason: string | null): string | null {
  const code = event.detail.repTodoCode
  const params = (event.detail.repTodoParams ?? {}) as Record<string, string>
  if (!isTodoCode(code)) return text(event.detail.repTodo)
  return t(`todo.${code}`, { group: String(params.group ?? ''), member: String(params.member ?? ''), reason: reason ?? '' })
}

/** The QR codes an image held, as the guard recorded them (detail.qr); anything else is ignored. */
function qrCodesOf(event: FeedEvent): QrCodeSeen[] {
  const qr = event.detail.qr
  if (!Array.isArray(qr)) return []
  return qr.filter((code): code is QrCodeSeen => typeof code?.text === 'string' && (QR_CODE_KINDS as readonly unknown[]).includes(code?.kind))
}

function imageFailureOf(event: FeedEvent): (typeof IMAGE_FAILURE_CODES)[number] | null {
  const code = event.detail.code
  return event.kind === 'image_failed' && (IMAGE_FAILURE_CODES as readonly unknown[]).includes(code) ? (code as (typeof IMAGE_FAILURE_CODES)[number]) : null
}

/** The parts of an event's detail a rep acts on: which warning this was, why something failed, what to do by hand. */
export function EventDetail({ event }: { event: FeedEvent }) {
  const t = useT()
  const sanction = event.detail.sanction as { kind?: string; strikeNumber?: unknown; limit?: unknown } | undefined
  const imageFailure = imageFailureOf(event)
  const reasonText = useReasonText()
  // A task the rep has closed no longer needs its reason spelled out.
  const closedTask = event.kind === 'removal_needed' && event.status !== 'needs_rep'
  const reason = imageFailure || closedTask ? null : reasonText(event.detail)
  const todo = todoOf(event, t, reason)
  const later = typeof event.detail.laterOffenceCount === 'number' ? event.detail.laterOffenceCount : 0
  const inviter = text(event.detail.inviterName)
  const team = event.detail.team as { author?: unknown; groupTopic?: unknown; reason?: unknown } | undefined
  return (
    <>
      {team && (
        <Typography.Text type="secondary" className="feed-detail">
          {t('feed.teamOffender', { name: text(team.author) ?? '', group: text(team.groupTopic) ?? '—', reason: text(team.reason) ?? '—' })}
        </Typography.Text>
      )}
      {event.kind === 'team_pack_updated' && <TeamPackChange detail={event.detail} />}
      {event.kind === 'offender_marked' && text(event.detail.markReason) && (
        <Typography.Text className="feed-detail" data-testid="feed-mark-reason">
          {t('feed.markReason', { reason: text(event.detail.markReason)! })}
        </Typography.Text>
      )}
      {event.detail.markedByRep === true && (
        <Typography.Text type="warning" className="feed-detail" data-testid="feed-marked-by-rep">
          {text(event.detail.markReason) ? t('feed.markedByRep', { reason: text(event.detail.markReason)! }) : t('feed.markedByRepNoReason')}
        </Typography.Text>
      )}
      {qrCodesOf(event).map((code, index) => (
        <Typography.Text key={index} className="feed-detail" data-testid="feed-qr">
          {t('feed.qrCode', { kind: t(`qrKind.${code.kind}`), text: code.text })}
        </Typography.Text>
      ))}
      {imageFailure && (
        <Typography.Text type="warning" className="feed-detail">
          {t(`imageFailure.${imageFailure}`, { code: text(event.detail.baidu) ?? '' })}
        </Typography.Text>
      )}
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
