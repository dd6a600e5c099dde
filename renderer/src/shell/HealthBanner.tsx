// Says, above every screen, when moderation is not running as it should: paused by the data file (locked by
// another program, disk full, read-only, damaged) with how many messages wait, messages that could not be kept,
// or a data file that failed its check at start and was kept aside. Nothing is shown while all is well.
import { Alert, Button } from 'antd'
import type { HealthView, StoreFault } from '../../../shared/api/types.ts'
import { useApi } from '../api/ApiProvider.tsx'
import { useLiveResource } from '../api/useLiveResource.ts'
import { useT, type MessageKey } from '../i18n/index.tsx'

const FAULT_TEXT: Record<StoreFault, MessageKey> = {
  locked: 'health.fault.locked',
  disk_full: 'health.fault.disk_full',
  read_only: 'health.fault.read_only',
  damaged: 'health.fault.damaged',
  io: 'health.fault.io',
}

export function HealthBanner() {
  const t = useT()
  const api = useApi()
  const health = useLiveResource<HealthView>(() => api.getHealth({}), (current, event) => (event.type === 'health' ? event.health : current))
  const view = health.data
  if (!view) return null
  return (
    <>
      {view.status === 'paused' && (
        <Alert
          type="error"
          showIcon
          className="screen-alert"
          data-testid="health-paused"
          title={t('health.paused', { reason: t(FAULT_TEXT[view.fault ?? 'io']) })}
          description={`${t('health.waiting', { count: view.waiting })} ${t('health.resumes')}`}
        />
      )}
      {view.dropped > 0 && <Alert type="warning" showIcon className="screen-alert" title={t('health.dropped', { count: view.dropped })} />}
      {view.damagedFile && (
        <Alert
          type="warning"
          showIcon
          className="screen-alert"
          data-testid="health-damaged"
          title={t('health.damaged')}
          description={t('health.damagedKept', { file: view.damagedFile })}
          // The backups card in Settings lists the daily backups and restores one at the next start.
          action={
            <Button size="small" href="#/settings" data-testid="health-restore">
              {t('health.restoreFromBackup')}
            </Button>
          }
        />
      )}
    </>
  )
}
