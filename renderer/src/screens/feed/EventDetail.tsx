import { Alert, Typography } from 'antd'
import type { FeedEvent } from '../../../../shared/api/types.ts'
import { QR_CODE_KINDS, type QrCodeSeen } from '../../../../shared/images/qr-codes.ts'
import { IMAGE_FAILURE_CODES } from '../../../../shared/images/image-failures.ts'
import { useT } from '../../i18n/index.tsx'

function text(value: unknown): string | null {
  return typeof value === 'string' && value.trim() !== '' ? value : null
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
  const reason = imageFailure ? null : text(event.detail.reason)
  const todo = text(event.detail.repTodo)
  return (
    <>
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
    </>
  )
}
