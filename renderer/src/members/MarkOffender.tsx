// Marking a member as a known offender from their story, with an optional reason, and taking the mark back. From the
// mark on, their joins of any monitored group are screened like a removed member's (the service does it).
import { StopOutlined, UndoOutlined } from '@ant-design/icons'
import { Alert, Button, Input, Modal, Popconfirm, Tag, Typography } from 'antd'
import { useState } from 'react'
import type { MemberStory } from '../../../shared/api/member-story.ts'
import { useApi } from '../api/ApiProvider.tsx'
import { useCommand } from '../components/useCommand.ts'
import { useT } from '../i18n/index.tsx'

/** As long as the contract allows (shared/api/contract.ts setKnownOffender). */
const REASON_MAX = 500

/** The mark as a tag with its reason, and the button that puts it on or takes it off. */
export function MarkOffender({ story, onChanged }: { story: MemberStory; onChanged: () => void }) {
  const t = useT()
  const api = useApi()
  const [asking, setAsking] = useState(false)
  const [reason, setReason] = useState('')
  const name = story.name
  const mark = useCommand((marked: boolean) => api.setKnownOffender({ memberKey: story.memberKey, marked, ...(marked && reason.trim() ? { reason: reason.trim() } : {}) }), {
    onDone: () => {
      setAsking(false)
      setReason('')
      onChanged()
    },
  })

  if (story.mark) {
    return (
      <>
        <Tag color="purple" data-testid="member-marked">
          {t('member.marked')}
        </Tag>
        {story.mark.reason && (
          <Typography.Text type="secondary" data-testid="member-mark-reason">
            {t('member.markedWhy', { reason: story.mark.reason })}
          </Typography.Text>
        )}
        <Popconfirm
          title={t('member.unmarkConfirm', { name })}
          onConfirm={() => void mark.run(false)}
          okText={t('member.unmark')}
          cancelText={t('common.cancel')}
          okButtonProps={{ autoFocus: true, 'data-testid': 'member-unmark-ok' }}
          destroyOnHidden
        >
          <Button size="small" icon={<UndoOutlined />} loading={mark.busy} data-testid="member-unmark">
            {t('member.unmark')}
          </Button>
        </Popconfirm>
      </>
    )
  }
  return (
    <>
      <Button size="small" danger icon={<StopOutlined />} onClick={() => setAsking(true)} data-testid="member-mark">
        {t('member.mark')}
      </Button>
      <Modal
        open={asking}
        title={t('member.markTitle', { name })}
        okText={t('member.mark')}
        cancelText={t('common.cancel')}
        okButtonProps={{ danger: true, loading: mark.busy, 'data-testid': 'member-mark-ok' }}
        onOk={() => void mark.run(true)}
        onCancel={() => setAsking(false)}
        destroyOnHidden
      >
        <Typography.Paragraph>{t('member.markExplain', { name })}</Typography.Paragraph>
        <Typography.Text>{t('member.markReason')}</Typography.Text>
        <Input.TextArea
          autoFocus
          value={reason}
          onChange={(change) => setReason(change.target.value)}
          maxLength={REASON_MAX}
          showCount
          autoSize={{ minRows: 2, maxRows: 5 }}
          placeholder={t('member.markReasonPlaceholder')}
          data-testid="member-mark-reason-input"
        />
      </Modal>
    </>
  )
}

/** A marked member who is still in some groups: the rep may want them out now (the table has "remove by hand"). */
export function MarkedStillIn({ story }: { story: MemberStory }) {
  const t = useT()
  const stillIn = story.groups.filter((standing) => !standing.removed && standing.memberId !== null).length
  if (!story.mark || stillIn === 0) return null
  return <Alert type="warning" showIcon title={t('member.markedStillIn', { name: story.name, count: stillIn })} data-testid="member-marked-still-in" />
}
