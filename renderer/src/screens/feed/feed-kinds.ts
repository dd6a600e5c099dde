import type { EventStatus, FeedEventKind } from '../../../../shared/api/types.ts'

export const KIND_COLOR: Record<FeedEventKind, string> = {
  warning: 'orange',
  removal: 'red',
  removal_failed: 'volcano',
  alert: 'blue',
  pardon: 'green',
  undo: 'cyan',
  known_offender_joined: 'magenta',
  action_failed: 'volcano',
  rules_invalid: 'red',
  login: 'default',
  logout: 'default',
  removal_needed: 'gold',
  outsider_invite: 'geekblue',
  signal_failed: 'volcano',
  image_failed: 'gold',
  voice_untranscribed: 'gold',
  team_pack_updated: 'geekblue',
  offender_marked: 'purple',
}

export const STATUS_COLOR: Record<EventStatus, string> = {
  pending: 'processing',
  done: 'success',
  failed: 'error',
  expired: 'default',
  cancelled: 'default',
  needs_rep: 'warning',
}


/**
 * Kinds whose status is about what happened in the group (a warning said, a member removed or added back). For the
 * others it is about the note to the rep, worth showing only when it went wrong.
 */
const GROUP_EFFECT: ReadonlySet<FeedEventKind> = new Set(['warning', 'removal', 'undo', 'removal_needed'])

export function shownStatus(kind: FeedEventKind, status: EventStatus | null): EventStatus | null {
  if (status === null || GROUP_EFFECT.has(kind)) return status
  return status === 'failed' || status === 'needs_rep' ? status : null
}
