import { Alert, Button, Empty, Flex, Spin } from 'antd'
import { useState } from 'react'
import { useT } from '../../i18n/index.tsx'
import { FeedActions } from './FeedActions.tsx'
import { FeedCard } from './FeedCard.tsx'
import type { FeedFilter } from './feed-filter.ts'
import { FeedFilters } from './FeedFilters.tsx'
import { useFeed } from './useFeed.ts'

export function FeedList() {
  const t = useT()
  const [filter, setFilter] = useState<FeedFilter>({ time: 'all' })
  const feed = useFeed(filter)
  return (
    <>
      <FeedFilters filter={filter} onChange={setFilter} />
      {feed.error && <Alert type="error" showIcon title={feed.error.message} className="screen-alert" />}
      {feed.items.length === 0 && !feed.loading ? (
        <Empty description={t('feed.empty')} />
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
