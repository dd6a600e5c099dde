import { Badge, Tabs } from 'antd'
import { useEffect, useState } from 'react'
import { useT } from '../../i18n/index.tsx'
import { FEED_NEEDS_REP, useHashView } from '../../shell/routes.ts'
import { FeedList } from './FeedList.tsx'
import { ReviewList } from './ReviewList.tsx'
import { useReviews } from './useReviews.ts'

export default function FeedScreen() {
  const t = useT()
  const [tab, setTab] = useState('feed')
  // The bell asks for what needs the rep: that is in the feed, whichever tab was open.
  const { view, asked } = useHashView()
  useEffect(() => {
    if (view === FEED_NEEDS_REP) setTab('feed')
  }, [view, asked])
  const reviews = useReviews()
  const open = reviews.data?.length ?? 0
  return (
    <Tabs
      activeKey={tab}
      onChange={setTab}
      items={[
        { key: 'feed', label: t('feed.tab'), children: <FeedList /> },
        {
          key: 'reviews',
          label: (
            <span className="menu-label-with-badge" data-testid="reviews-tab">
              {t('reviews.tab')} <Badge count={open} size="small" />
            </span>
          ),
          children: <ReviewList reviews={reviews} />,
        },
      ]}
    />
  )
}
