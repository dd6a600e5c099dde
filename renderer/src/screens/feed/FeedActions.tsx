import { CheckOutlined, CloseOutlined, SafetyOutlined, UndoOutlined } from '@ant-design/icons'
import { Button, Popconfirm, Space } from 'antd'
import type { FeedEvent, Verdict } from '../../../../shared/api/types.ts'
import { useApi } from '../../api/ApiProvider.tsx'
import { useCommand } from '../../components/useCommand.ts'
import { useT } from '../../i18n/index.tsx'
import { AllowListButton } from './AllowListButton.tsx'
import { isJoinCard, JoinCardButtons } from './JoinCardButtons.tsx'
import { StaffButton } from './StaffButton.tsx'
import { isOpenTask, TaskButtons } from './TaskButtons.tsx'
import { UndoRemovalButton } from './UndoRemovalButton.tsx'

export function FeedActions({ event, onChanged }: { event: FeedEvent; onChanged: (event: FeedEvent) => void }) {
  const t = useT()
  const api = useApi()
  const pardon = useCommand(() => api.pardon({ eventId: event.id }), { onDone: onChanged, success: t('feed.pardoned') })
  const judge = useCommand((verdict: Verdict | null) => api.setVerdict({ eventId: event.id, verdict }), { onDone: onChanged })
  // Clicking the verdict already given takes it back.
  const toggle = (verdict: Verdict) => void judge.run(event.verdict === verdict ? null : verdict)

  const canPardon = event.kind === 'warning' && !event.overridden && event.status !== 'failed'
  const canUndo = event.kind === 'removal' && !event.overridden && event.status === 'done'
  // Only a rule's own catch can be judged right or wrong (a failure or a join was not the rule's doing).
  const judgeable = event.hit
  const task = isOpenTask(event)
  const joinCard = isJoinCard(event)
  if (!canPardon && !canUndo && !judgeable && !task && !joinCard) return null
  return (
    <Space wrap size={8} className="feed-actions">
      {task && <TaskButtons event={event} onChanged={onChanged} />}
      {joinCard && <JoinCardButtons event={event} onChanged={onChanged} />}
      {canPardon && (
        <Popconfirm title={t('feed.pardonConfirm')} onConfirm={() => void pardon.run()} okText={t('feed.pardon')} cancelText={t('common.cancel')}>
          <Button size="small" icon={<UndoOutlined />} loading={pardon.busy} data-testid="feed-pardon">
            {t('feed.pardon')}
          </Button>
        </Popconfirm>
      )}
      {canUndo && <UndoRemovalButton event={event} />}
      {judgeable && (
        <>
          <Button
            size="small"
            icon={<CheckOutlined />}
            type={event.verdict === 'confirmed' ? 'primary' : 'default'}
            danger={event.verdict === 'confirmed'}
            onClick={() => toggle('confirmed')}
            loading={judge.busy}
            data-testid="feed-confirm"
          >
            {t('feed.confirm')}
          </Button>
          <Button
            size="small"
            icon={<CloseOutlined />}
            type={event.verdict === 'false_positive' ? 'primary' : 'default'}
            onClick={() => toggle('false_positive')}
            loading={judge.busy}
            data-testid="feed-false-positive"
          >
            {t('feed.falsePositive')}
          </Button>
        </>
      )}
      {judgeable && <StaffButton event={event} />}
      {event.memberKey && judgeable && <AllowListButton memberKey={event.memberKey} name={event.memberName ?? event.memberKey} icon={<SafetyOutlined />} />}
    </Space>
  )
}
