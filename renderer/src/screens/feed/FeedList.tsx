import { Alert, Button, Empty, Flex, Spin } from 'antd'
import { useEffect, useState } from 'react'
import { FEED_NEEDS_REP, showView, useHashView } from '../../shell/routes.ts'
import { useT } from '../../i18n/index.tsx'
import { FeedActions } from './FeedActions.tsx'
import { FeedCard } from './FeedCard.tsx'
import type { FeedFilter } from './feed-filter.ts'
import { FeedFilters } from './FeedFilters.tsx'
import { useFeed } from './useFeed.ts'

export function FeedList() {
  const t = useT()
  const { view, asked } = useHashView()
  const [filter, setFilter] = useState<FeedFilter>(() => ({ time: 'all', needsRep: view === FEED_NEEDS_REP }))
  // The bell asks for what needs the rep, even when the feed is open already.
  useEffect(() => {
    const needsRep = view === FEED_NEEDS_REP
    // A new filter reloads the list: only when the view asked for differs from the one shown.
    if (asked > 0) setFilter((current) => (current.needsRep === needsRep ? current : { ...current, needsRep }))
  }, [view, asked])
  const change = (next: FeedFilter) => {
    if (next.needsRep !== filter.needsRep) showView('feed', next.needsRep ? FEED_NEEDS_REP : null)
    setFilter(next)
  }
  const feed = useFeed(filter)
  return (
    <>
      <FeedFilters filter={filter} onChange={change} />
      {feed.error && <Alert type="error" showIcon title={feed.error.message} className="screen-alert" />}
      {feed.items.length === 0 && !feed.loading ? (
        <Empty description={t(filter.needsRep ? 'feed.emptyNeedsRep' : 'feed.empty')} />
      ) : (
        <div data-testid="feed-list">
          {feed.items.map((event) => (
            <FeedCard key={event.id} event={event} actions={<FeedActions event={event} onChanged={feed.replace} />} />
          ))}
        </div>
      )}
      <Flex justify="center" className="feed-more">
        {feed.loading ? (
          <Spin />
        ) : (
          feed.hasMore && <Button onClick={feed.loadMore}>{t('feed.more')}</Button>
        )}
      </Flex>
    </>
  )
}
