// The rep marking a member as a known offender by hand (from the member's story), and taking the mark back. The mark
// is an event of its own, so the feed shows it and it can be undone there; from then on every join of a monitored
// group screens the member like someone removed before (known-offenders.ts).
import type { GuardEvent } from '../store/index.ts'
import type { GuardContext } from './guard-context.ts'
import { OverrideError } from './overrides.ts'

export interface MarkTarget {
  memberKey: string
  /** What the rep wrote: why they are an offender. */
  reason?: string | null
}

/** Marks the member; returns the mark's event. */
export function markOffender(context: GuardContext, target: MarkTarget): GuardEvent {
  const { store } = context
  const now = context.clock()
  const id = store.transaction(() => {
    if (store.markedOffenders.get(target.memberKey)) throw new OverrideError(`${target.memberKey} is marked as a known offender already`)
    // Marked from their story, so the guard has seen them: their latest event names them.
    const seen = store.events.list({ memberKey: target.memberKey, limit: 50 })
    if (seen.length === 0) throw new OverrideError(`there is no event about member ${target.memberKey}`)
    const memberName = seen.find((event) => event.memberName)?.memberName ?? target.memberKey
    const reason = target.reason?.trim() || null
    const eventId = store.events.add({
      kind: 'offender_marked',
      at: now,
      memberKey: target.memberKey,
      memberId: seen.find((event) => event.memberId)?.memberId ?? null,
      memberName,
      detail: { markReason: reason },
    })
    store.markedOffenders.mark({ memberKey: target.memberKey, memberName, reason, markedAt: now, eventId })
    return eventId
  })
  return store.events.get(id)!
}

/** Takes the mark back: the mark's event shows it undone. */
export function unmarkOffender(context: GuardContext, memberKey: string): void {
  const { store } = context
  const now = context.clock()
  store.transaction(() => {
    const mark = store.markedOffenders.unmark(memberKey)
    if (!mark) throw new OverrideError(`${memberKey} is not marked as a known offender`)
    // The event may be gone (an imported file replaced the events); the mark goes all the same.
    if (mark.eventId !== null && store.events.markOverridden(mark.eventId)) store.events.patchDetail(mark.eventId, { unmarkedAt: now })
  })
}
