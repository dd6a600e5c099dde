import { CheckOutlined, UndoOutlined } from '@ant-design/icons'
import { Button, Popconfirm } from 'antd'
import type { FeedEvent } from '../../../../shared/api/types.ts'
import { useApi } from '../../api/ApiProvider.tsx'
import { useCommand } from '../../components/useCommand.ts'
import { useT } from '../../i18n/index.tsx'

/** Whether the event is a task the rep still has to close. */
export function isOpenTask(event: FeedEvent): boolean {
  return event.status === 'needs_rep' && !event.overridden && (event.kind === 'removal_needed' || event.kind === 'undo')
}

/** The buttons of an open task: "done" once the rep did it in WeChat, and for a removal, "pardon". */
export function TaskButtons({ event, onChanged }: { event: FeedEvent; onChanged: (event: FeedEvent) => void }) {
  const t = useT()
  const api = useApi()
  const name = event.memberName ?? ''
  const close = useCommand((outcome: 'done' | 'pardon') => api.resolveTask({ eventId: event.id, outcome }), {
    onDone: onChanged,
    success: t('feed.task.closed'),
  })
  const removal = event.kind === 'removal_needed'
  return (
    <>
      <Popconfirm
        title={removal ? t('feed.task.removedDoneConfirm', { name }) : t('feed.task.readdedDone')}
        onConfirm={() => void close.run('done')}
        okText={t('common.ok')}
        cancelText={t('common.cancel')}
      >
        <Button size="small" type="primary" icon={<CheckOutlined />} loading={close.busy} data-testid="task-done">
          {removal ? t('feed.task.removedDone') : t('feed.task.readdedDone')}
        </Button>
      </Popconfirm>
      {removal && (
        <Popconfirm title={t('feed.task.pardonConfirm', { name })} onConfirm={() => void close.run('pardon')} okText={t('feed.task.pardon')} cancelText={t('common.cancel')}>
          <Button size="small" icon={<UndoOutlined />} loading={close.busy} data-testid="task-pardon">
            {t('feed.task.pardon')}
          </Button>
        </Popconfirm>
      )}
    </>
  )
}
