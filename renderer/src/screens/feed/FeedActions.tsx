import { CheckOutlined, CloseOutlined, SafetyOutlined, UndoOutlined } from '@ant-design/icons'
import { Button, Popconfirm, Space } from 'antd'
import { useRef } from 'react'
import type { FeedEvent, Verdict } from '../../../../shared/api/types.ts'
import { useApi } from '../../api/ApiProvider.tsx'
import { useCommand } from '../../components/useCommand.ts'
import { useT } from '../../i18n/index.tsx'
import { acknowledgeable } from '../../../../shared/api/needs-rep.ts'
import { AcknowledgeButton } from './AcknowledgeButton.tsx'
import { AllowListButton } from './AllowListButton.tsx'
import { isJoinCard, JoinCardButtons } from './JoinCardButtons.tsx'
import { StaffButton } from './StaffButton.tsx'
import { isOpenTask, TaskButtons } from './TaskButtons.tsx'
import { UndoRemovalButton } from './UndoRemovalButton.tsx'
import { UnmarkButton } from './UnmarkButton.tsx'

export function FeedActions({ event, onChanged }: { event: FeedEvent; onChanged: (event: FeedEvent) => void }) {
  const t = useT()
  const api = useApi()
  // The card the pardon was asked from, noted when its button is pressed.
  const pardonCard = useRef<HTMLElement | null>(null)
  const pardon = useCommand(() => api.pardon({ eventId: event.id }), {
    onDone: (changed) => {
      // The pardon button goes with the pardon: keep the keyboard on the card rather than the page. After the
      // confirmation has closed, which hands the focus back to its (now gone) button.
      const card = pardonCard.current
      onChanged(changed)
      window.setTimeout(() => card?.focus(), 0)
    },
    success: t('feed.pardoned'),
  })
  const judge = useCommand((verdict: Verdict | null) => api.setVerdict({ eventId: event.id, verdict }), { onDone: onChanged })
  // Clicking the verdict already given takes it back.
  const toggle = (verdict: Verdict) => void judge.run(event.verdict === verdict ? null : verdict)

  const canPardon = event.kind === 'warning' && !event.overridden && event.status !== 'failed'
  const canUndo = event.kind === 'removal' && !event.overridden && event.status === 'done'
  // Only a rule's own catch can be judged right or wrong (a failure or a join was not the rule's doing).
  const judgeable = event.hit
  const task = isOpenTask(event)
  const joinCard = isJoinCard(event)
  const canUnmark = event.kind === 'offender_marked' && !event.overridden && event.memberKey !== null
  const canAcknowledge = acknowledgeable(event)
  if (!canPardon && !canUndo && !judgeable && !task && !joinCard && !canUnmark && !canAcknowledge) return null
  return (
    <Space wrap size={8} className="feed-actions">
      {canAcknowledge && <AcknowledgeButton event={event} onChanged={onChanged} />}
      {canUnmark && <UnmarkButton memberKey={event.memberKey!} name={event.memberName ?? event.memberKey!} />}
      {task && <TaskButtons event={event} onChanged={onChanged} />}
      {joinCard && <JoinCardButtons event={event} onChanged={onChanged} />}
      {canPardon && (
        <Popconfirm
          title={t('feed.pardonConfirm')}
          onConfirm={() => void pardon.run()}
          okText={t('feed.pardon')}
          cancelText={t('common.cancel')}
          // Opened from the keyboard, the focus goes into the confirmation, not stay behind it.
          okButtonProps={{ autoFocus: true, 'data-testid': 'feed-pardon-ok' }}
          destroyOnHidden
        >
          <Button size="small" icon={<UndoOutlined />} loading={pardon.busy} data-testid="feed-pardon"
            onClick={(click) => (pardonCard.current = click.currentTarget.closest<HTMLElement>('[data-testid=feed-card]'))}
          >
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
