// Records what a message's signals decided, when no rule matched it. A quiet alert is an open review item (one click
// warns, removes or dismisses) and a private note to the rep, never anything in the group; only the classifier's rule
// threshold, when the rep switched it on, goes through the strike policy like a rule hit.
import type { RemovalPlan } from '../guard/removal-plan.ts'
import { decideOffence } from '../../shared/policy/index.ts'
import { signalRuleName, type SignalFindings, type SignalOffence } from '../../shared/signals/decide.ts'
import { queueRepNote } from '../actions/rep-channel.ts'
import { offenceFields, recordDecision } from '../guard/record-decision.ts'
import type { KnownMember } from '../guard/member-identity.ts'
import type { GroupRecord, Store } from '../store/index.ts'
import { signalDetail, signalNote, signalReason } from './signal-notes.ts'

export interface SignalSubject {
  group: GroupRecord
  member: KnownMember
  message: { id: string | null; text: string }
  /** Who would remove the member in this group, should a signal's warnings reach the limit. */
  removal: RemovalPlan
}

/** The rule a signal's warning is given under: its name keys verdicts and precision; its reply is a setting. */
export function signalRule(name: string, store: Store): { name: string; reply: string } {
  return { name, reply: store.settings.get('signalWarningTemplate') }
}

/** Returns the event id, or null when nothing was recorded. Call inside the message's transaction. */
export function recordSignalOffence(
  store: Store,
  subject: SignalSubject,
  findings: SignalFindings,
  offence: SignalOffence,
  now: number,
): number | null {
  const { group, member, message } = subject
  const rule = signalRule(signalRuleName(offence.kind), store)
  const settings = store.settings.all()
  const detail = signalDetail(findings, offence)
  const strikes = store.strikes.forMember(group.id, member.key)
  if (offence.action === 'warn') {
    const decision = decideOffence({ rule: { action: 'warn', dryRun: false }, strikes, groupQuiet: group.quiet, settings, now })
    return recordDecision(store, { group, member, rule, message, hit: true, detail, removal: subject.removal }, decision, now)
  }
  // Quiet: what a warning would be, proposed to the rep. The strike is recorded only if they choose to warn.
  const proposal = decideOffence({ rule: { action: 'warn', dryRun: false }, strikes, groupQuiet: true, settings, now })
  const eventId = store.events.add({
    kind: 'alert',
    at: now,
    ...offenceFields({ group, member, rule, message }),
    detail: { ...detail, sanction: proposal.sanction, divertedToRep: true },
    hit: true,
    dryRun: proposal.dryRun,
    review: proposal.dryRun ? null : 'open',
  })
  if (proposal.dryRun) return eventId
  const note = signalNote({ groupTopic: group.topic, memberName: member.displayName, reason: signalReason(offence.kind, findings), text: message.text })
  if (queueRepNote(store, { text: note, eventId, at: now })) store.events.setStatus(eventId, 'pending')
  return eventId
}
