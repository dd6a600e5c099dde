import { RollbackOutlined } from '@ant-design/icons'
import { App, Button, Checkbox, Popconfirm } from 'antd'
import { useState } from 'react'
import type { FeedEvent } from '../../../../shared/api/types.ts'
import { useApi } from '../../api/ApiProvider.tsx'
import { useCommand } from '../../components/useCommand.ts'
import { useT } from '../../i18n/index.tsx'
import { useReasonText } from '../../i18n/reason-text.ts'
import { todoOf } from './EventDetail.tsx'

/**
 * Brings a removed member back; when WeChat will not let the bot re-add them, tells the rep how to do it by hand, and
 * when the re-add is queued (logged out, or the rate limit) says so rather than that it is done.
 * The removal's card changes through the event stream (it is marked undone, and an undo event follows).
 */
export function UndoRemovalButton({ event }: { event: FeedEvent }) {
  const t = useT()
  const reasonText = useReasonText()
  const api = useApi()
  const { modal, message } = App.useApp()
  // Unticked: an undo is usually a mistake corrected, not a promise never to act on the member again.
  const [allowList, setAllowList] = useState(false)
  const undo = useCommand(() => api.undoRemoval({ eventId: event.id, allowList }), {
    onDone: (result) => {
      const name = event.memberName ?? ''
      switch (result.outcome) {
        case 'readded':
          return void message.success(t('feed.undone', { name }))
        // Not done yet (logged out, or the rate limit): the feed shows the outcome when it comes.
        case 'pending':
          return void message.info(t('feed.undoQueued', { name }))
        case 'needs_rep':
          return void modal.warning({
            title: t('feed.undoNeedsRep'),
            content: <div className="message-text" data-testid="undo-instructions">{todoOf(result.event, t, reasonText(result.event.detail)) ?? result.instructions}</div>,
            okText: t('common.ok'),
          })
      }
    },
  })
  return (
    <Popconfirm
      title={t('feed.undoConfirm', { name: event.memberName ?? '' })}
      description={
        <Checkbox checked={allowList} onChange={(change) => setAllowList(change.target.checked)} data-testid="undo-allow-list">
          {t('feed.undoAlsoAllow')}
        </Checkbox>
      }
      onConfirm={() => void undo.run()}
      okText={t('feed.undo')}
      cancelText={t('common.cancel')}
      okButtonProps={{ autoFocus: true, 'data-testid': 'feed-undo-ok' }}
      destroyOnHidden
    >
      <Button size="small" icon={<RollbackOutlined />} loading={undo.busy} data-testid="feed-undo">
        {t('feed.undo')}
      </Button>
    </Popconfirm>
  )
}
