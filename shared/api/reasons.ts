// Why an action failed, as a code the window says in its own language. The stored `reason` text stays (the rep's
// note in WeChat and the command line read it); a reason WeChat gave in its own words has no code and is shown as is.
export const REASON_CODES = [
  'still_member_after_removal',
  'not_member_after_readd',
  'interrupted_send',
  'bot_not_admin',
  'member_not_in_group',
  'not_logged_in',
  'bot_not_in_group',
  'unknown_contact',
] as const
export type ReasonCode = (typeof REASON_CODES)[number]

/** What the rep must do by hand, by code; parameters fill the window's text. */
export const TODO_CODES = ['readd_by_hand'] as const
export type TodoCode = (typeof TODO_CODES)[number]

export function isReasonCode(value: unknown): value is ReasonCode {
  return typeof value === 'string' && (REASON_CODES as readonly string[]).includes(value)
}

export function isTodoCode(value: unknown): value is TodoCode {
  return typeof value === 'string' && (TODO_CODES as readonly string[]).includes(value)
}
