import { CheckOutlined, CloseOutlined, UserDeleteOutlined } from '@ant-design/icons'
import { Button, Tag } from 'antd'
import type { FeedEvent } from '../../../../shared/api/types.ts'
import { useApi } from '../../api/ApiProvider.tsx'
import { useCommand } from '../../components/useCommand.ts'
import { useT } from '../../i18n/index.tsx'

type JoinChoice = 'remove' | 'dismiss' | 'allow'
const CHOICES: readonly JoinChoice[] = ['remove', 'dismiss', 'allow']

export function isJoinCard(event: FeedEvent): boolean {
  return (event.kind === 'known_offender_joined' || event.kind === 'outsider_invite') && !event.dryRun
}

/** A join the rep may act on: remove the member, dismiss the card, or allow them in this group. Once chosen, says so. */
export function JoinCardButtons({ event, onChanged }: { event: FeedEvent; onChanged: (event: FeedEvent) => void }) {
  const t = useT()
  const api = useApi()
  const act = useCommand((choice: JoinChoice) => api.resolveJoinCard({ eventId: event.id, choice }), { onDone: onChanged })
  const resolution = event.detail.resolution
  if (typeof resolution === 'string' && (CHOICES as readonly string[]).includes(resolution)) {
    return <Tag data-testid="join-resolution">{t(`feed.join.resolved.${resolution as JoinChoice}`)}</Tag>
  }
  // A removal already decided by the setting leaves nothing to choose.
  if (event.detail.action === 'remove') return null
  return (
    <>
      <Button size="small" danger icon={<UserDeleteOutlined />} loading={act.busy} onClick={() => void act.run('remove')} data-testid="join-remove">
        {t('feed.join.remove')}
      </Button>
      <Button size="small" icon={<CloseOutlined />} loading={act.busy} onClick={() => void act.run('dismiss')} data-testid="join-dismiss">
        {t('feed.join.dismiss')}
      </Button>
      <Button size="small" icon={<CheckOutlined />} loading={act.busy} onClick={() => void act.run('allow')} data-testid="join-allow">
        {t('feed.join.allow')}
      </Button>
    </>
  )
}
