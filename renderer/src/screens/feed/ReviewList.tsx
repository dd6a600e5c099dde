import { Button, Empty, Space } from 'antd'
import type { FeedEvent, ReviewDecision } from '../../../../shared/api/types.ts'
import { useApi } from '../../api/ApiProvider.tsx'
import type { LiveResource } from '../../api/useLiveResource.ts'
import { useCommand } from '../../components/useCommand.ts'
import { useT } from '../../i18n/index.tsx'
import { FeedCard } from './FeedCard.tsx'

/** Quiet mode's offences: nothing was said or done in the group; the rep decides each one here. */
export function ReviewList({ reviews }: { reviews: LiveResource<FeedEvent[]> }) {
  const t = useT()
  const items = reviews.data ?? []
  if (items.length === 0) return <Empty description={t('reviews.empty')} />
  return (
    <div data-testid="review-list">
      {items.map((review) => (
        <FeedCard
          key={review.id}
          event={review}
          actions={<ReviewDecisions review={review} onResolved={() => reviews.set((current) => (current ?? []).filter((item) => item.id !== review.id))} />}
        />
      ))}
    </div>
  )
}

function ReviewDecisions({ review, onResolved }: { review: FeedEvent; onResolved: () => void }) {
  const t = useT()
  const api = useApi()
  const resolve = useCommand((decision: ReviewDecision) => api.resolveReview({ eventId: review.id, decision }), { onDone: onResolved })
  return (
    <Space className="feed-actions">
      <Button size="small" onClick={() => void resolve.run('warn')} disabled={resolve.busy}>
        {t('reviews.warn')}
      </Button>
      <Button size="small" danger onClick={() => void resolve.run('remove')} disabled={resolve.busy}>
        {t('reviews.remove')}
      </Button>
      <Button size="small" type="text" onClick={() => void resolve.run('dismiss')} disabled={resolve.busy}>
        {t('reviews.dismiss')}
      </Button>
    </Space>
  )
}
