import { DownloadOutlined } from '@ant-design/icons'
import { Button } from 'antd'
import { useApi } from '../../api/ApiProvider.tsx'
import { downloadText } from '../../components/download.ts'
import { useCommand } from '../../components/useCommand.ts'
import { useT } from '../../i18n/index.tsx'
import { feedQueryOf, sinceOf, type FeedFilter } from './feed-filter.ts'

/** The feed as filtered, as a CSV file for reports (Excel reads it: UTF-8 with a byte-order mark). */
export function FeedExportButton({ filter }: { filter: FeedFilter }) {
  const t = useT()
  const api = useApi()
  const exportFeed = useCommand(() => api.exportFeed(feedQueryOf(filter, sinceOf(filter.time, Date.now()))), {
    onDone: ({ csv }) => downloadText(csv, 'text/csv;charset=utf-8', `qunguard-feed-${new Date().toISOString().slice(0, 10)}.csv`),
  })
  return (
    <Button icon={<DownloadOutlined />} onClick={() => void exportFeed.run()} loading={exportFeed.busy} data-testid="feed-export">
      {t('feed.export')}
    </Button>
  )
}
