import type { LoginStatus } from '../../../../shared/api/types.ts'

export const LOGIN_STATUS_COLOR: Record<LoginStatus, string> = {
  stopped: 'default',
  starting: 'processing',
  waiting: 'processing',
  scanned: 'processing',
  confirmed: 'processing',
  timeout: 'warning',
  cancel: 'warning',
  'logged-in': 'success',
  'logged-out': 'default',
  failed: 'error',
}

/** States from which the rep can start a login (again). */
export const CAN_START_LOGIN: ReadonlySet<LoginStatus> = new Set(['stopped', 'timeout', 'cancel', 'logged-out', 'failed'])
