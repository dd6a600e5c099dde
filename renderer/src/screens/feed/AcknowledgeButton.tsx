import { CheckOutlined } from '@ant-design/icons'
import { Button } from 'antd'
import type { FeedEvent } from '../../../../shared/api/types.ts'
import { useApi } from '../../api/ApiProvider.tsx'
import { useCommand } from '../../components/useCommand.ts'
import { useT } from '../../i18n/index.tsx'

/** "Got it" on a failure or an alert with nothing else to decide: it stops counting as something that needs the rep. */
export function AcknowledgeButton({ event, onChanged }: { event: FeedEvent; onChanged: (event: FeedEvent) => void }) {
  const t = useT()
  const api = useApi()
  const acknowledge = useCommand(() => api.acknowledgeEvent({ eventId: event.id }), { onDone: onChanged })
  return (
    <Button size="small" icon={<CheckOutlined />} loading={acknowledge.busy} onClick={() => void acknowledge.run()} data-testid="feed-acknowledge">
      {t('feed.acknowledge')}
    </Button>
  )
}
