// Writes one decision: its strike, its event and the actions that carry it out. Callers run it inside the
// transaction that also made the decision, so nothing is ever sent for a decision that is not on disk.
import { renderTemplate, renderWarning, type Decision, type Sanction } from '../../shared/policy/index.ts'
import type { Rule } from '../../shared/rules/types.ts'
import { queueRepNote } from '../actions/rep-channel.ts'
import { alertNote, reviewNote } from '../actions/rep-notes.ts'
import type { EventDetail, EventKind, GroupRecord, Store } from '../store/index.ts'
import { openRemovalTask } from '../tasks/removal-task.ts'
import type { KnownMember } from './member-identity.ts'
import type { RemovalPlan } from './removal-plan.ts'

export interface Offence {
  group: GroupRecord
  member: KnownMember
  rule: Pick<Rule, 'name' | 'reply'>
  message: { id: string | null; text: string | null }
  /** True for the rule hit on a message itself; false for later decisions about it (a resolved review). */
  hit: boolean
  detail: EventDetail
  /** Who would carry out a removal in this group: where it is the rep, a removal becomes their task. */
  removal: RemovalPlan
}

const EVENT_KIND_OF: Record<Exclude<Sanction['kind'], 'none'>, EventKind> = {
  warn: 'warning',
  remove: 'removal',
  alert: 'alert',
}

/** What every offence's event says of it: the group, the member, the rule, and the message. */
export function offenceFields(offence: Pick<Offence, 'group' | 'member' | 'rule' | 'message'>) {
  const { group, member, rule, message } = offence
  return {
    groupId: group.id,
    memberKey: member.key,
    memberId: member.id,
    memberName: member.displayName,
    rule: rule.name,
    messageId: message.id,
    text: message.text,
  }
}

/** Returns the decision's event id, or null for a decision to do nothing. */
export function recordDecision(store: Store, offence: Offence, decision: Decision, now: number): number | null {
  const { sanction } = decision
  if (sanction.kind === 'none') return null
  const { group, member, rule, message } = offence

  const strikeId = decision.strike
    ? store.strikes.add({
        groupId: group.id,
        memberKey: member.key,
        rule: rule.name,
        messageId: message.id,
        at: now,
        expiresAt: decision.strike.expiresAt,
        dryRun: decision.strike.dryRun,
      })
    : null
  const diverted = decision.divertedToRep
  if (sanction.kind === 'remove' && !diverted && !decision.dryRun && offence.removal.route === 'rep') {
    const detail = { ...offence.detail, sanction }
    const task = { ...offenceFields(offence), strikeId, hit: offence.hit }
    return openRemovalTask(store, task, { reason: offence.removal.reason, detail }, now)
  }
  // The exact words the group reads (or would read, in a dry run), so the window can show them on the card.
  const said = sanction.kind === 'warn' && !diverted ? { said: warningText(store, offence, sanction) } : {}
  const eventId = store.events.add({
    // A diverted sanction is an alert to the rep that stays open as a review item until they decide.
    kind: diverted ? 'alert' : EVENT_KIND_OF[sanction.kind],
    at: now,
    ...offenceFields(offence),
    detail: { ...offence.detail, sanction, ...said, ...(diverted ? { divertedToRep: true } : {}) },
    hit: offence.hit,
    dryRun: decision.dryRun,
    strikeId,
    review: diverted && !decision.dryRun ? 'open' : null,
  })
  if (!decision.dryRun && queueEffects(store, offence, decision, eventId, now)) {
    store.events.setStatus(eventId, 'pending')
  }
  return eventId
}

function warningText(store: Store, offence: Offence, sanction: Extract<Sanction, { kind: 'warn' }>): string {
  // Where the rep removes by hand, the default warning must not promise what the bot cannot do.
  const template = offence.removal.route === 'rep' ? 'warningWithoutRemovalTemplate' : 'defaultWarningTemplate'
  return renderWarning(offence.rule, store.settings.get(template), { name: offence.member.displayName }, sanction)
}

/** Returns whether anything was queued. */
function queueEffects(store: Store, offence: Offence, decision: Decision, eventId: number, now: number): boolean {
  const { group, member, rule } = offence
  const { sanction } = decision
  const note = { groupTopic: group.topic, memberName: member.displayName, rule: rule.name, text: offence.message.text ?? '' }
  if (decision.divertedToRep && (sanction.kind === 'warn' || sanction.kind === 'remove')) {
    return queueRepNote(store, { text: reviewNote(note, sanction.kind), eventId, at: now })
  }
  switch (sanction.kind) {
    case 'none':
      return false
    case 'alert':
      return queueRepNote(store, { text: alertNote(note), eventId, at: now })
    case 'warn': {
      const text = warningText(store, offence, sanction)
      const payload = { groupId: group.id, text, mentionIds: [member.id] }
      store.actions.enqueue({ kind: 'say', payload, eventId, createdAt: now })
      return true
    }
    case 'remove': {
      const template = store.settings.get('removalNoticeTemplate')
      const notice = template.trim()
        ? renderTemplate(template, {
            name: member.displayName,
            rule: rule.name,
            count: sanction.strikeNumber,
            limit: store.settings.get('warningsBeforeRemoval'),
          })
        : null
      const payload = { groupId: group.id, memberId: member.id, notice }
      store.actions.enqueue({ kind: 'remove', payload, eventId, createdAt: now })
      return true
    }
  }
}
