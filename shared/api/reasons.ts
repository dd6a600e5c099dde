// What the rep must do by hand, as a code the window says in its own language; parameters fill its text. (Why an
// action failed has its own codes: shared/outcomes/action-reasons.ts.)
export const TODO_CODES = ['readd_by_hand'] as const
export type TodoCode = (typeof TODO_CODES)[number]

export function isTodoCode(value: unknown): value is TodoCode {
  return typeof value === 'string' && (TODO_CODES as readonly string[]).includes(value)
}
