import { Button, Space, Typography } from 'antd'
import { useEffect, useRef } from 'react'
import { useT, type MessageKey } from '../../i18n/index.tsx'
import type { GroupSwitch } from './GroupsScreen.tsx'

const ACTIONS: { key: string; which: GroupSwitch; on: boolean; label: MessageKey }[] = [
  { key: 'monitor', which: 'monitored', on: true, label: 'groups.bulk.monitor' },
  { key: 'unmonitor', which: 'monitored', on: false, label: 'groups.bulk.unmonitor' },
  { key: 'quiet', which: 'quiet', on: true, label: 'groups.bulk.quiet' },
  { key: 'unquiet', which: 'quiet', on: false, label: 'groups.bulk.unquiet' },
  { key: 'rep-admin', which: 'repIsAdmin', on: true, label: 'groups.bulk.repIsAdmin' },
  { key: 'rep-not-admin', which: 'repIsAdmin', on: false, label: 'groups.bulk.repNotAdmin' },
]

interface GroupBulkActionsProps {
  count: number
  busy: boolean
  onApply: (which: GroupSwitch, on: boolean) => Promise<unknown>
}

export function GroupBulkActions({ count, busy, onApply }: GroupBulkActionsProps) {
  const t = useT()
  // The button is disabled while the command runs, which drops the focus to the page: give it back once it is not.
  const pressed = useRef<HTMLElement | null>(null)
  useEffect(() => {
    if (busy || !pressed.current) return
    pressed.current.focus()
    pressed.current = null
  }, [busy])
  return (
    <Space wrap>
      <Typography.Text type="secondary">{t('groups.selected', { count })}</Typography.Text>
      {ACTIONS.map((action) => (
        <Button key={action.key} disabled={count === 0 || busy} onClick={(event) => {
            pressed.current = event.currentTarget
            void onApply(action.which, action.on)
          }} data-testid={`groups-bulk-${action.key}`}>
          {t(action.label)}
        </Button>
      ))}
    </Space>
  )
}
