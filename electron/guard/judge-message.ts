// The path of one group message: skip what the guard must not touch, record it, judge it, and record the
// decision with its strike, event and actions in one transaction before anything is sent.
import { decideOffence } from '../../shared/policy/index.ts'
import type { IncomingMessage } from '../wechat/chat-port.ts'
import type { GuardContext } from './guard-context.ts'
import { lookUpGroup } from './group-lookup.ts'
import { readMessageContent } from './message-content.ts'
import type { ProducedText } from './media-step.ts'
import { identifyMember, isImmune, rememberLook } from './member-identity.ts'
import { recordDecision } from './record-decision.ts'
import { planRemoval } from './removal-plan.ts'

/**
 * `produced` is text a media step worked out for the message (a voice transcript); without it, a message whose
 * kind a media step handles goes to that step, which comes back here with the text.
 */
export async function judgeMessage(context: GuardContext, message: IncomingMessage, produced?: ProducedText): Promise<void> {
  const { store, chat, clock } = context
  const admitted = await admit(context, message)
  if (!admitted) {
    if (produced) store.transaction(() => produced.commit())
    return
  }
  const { group, member } = admitted
  const mediaStep = produced ? undefined : context.media.find((step) => step.kinds.includes(message.kind))
  if (mediaStep) return mediaStep.take(message, member)
  const content = produced
    ? { text: produced.text, kinds: [message.kind], detail: produced.detail }
    : await readMessageContent(context, message, group, member)
  const text = content.text

  const now = clock()
  const ruleSet = await context.rules.ready(now)
  const signals = context.signals.assess({ ...message, text: content.text }, group.id, member, now)
  const scope = { groupId: group.id, groupTopic: group.topic, kinds: [...content.kinds, ...signals.kinds] }
  const removal = planRemoval(store, group, chat)
  const subject = { group, member, message: { id: message.id, text }, removal }
  // Set when the signals alone decided (no rule matched): the second opinion may raise or lower their alert afterwards.
  const bySignals = { decided: false, alertId: null as number | null }
  const queued = store.transaction(() => {
    produced?.commit()
    const firstDelivery = store.messages.insert({
      id: message.id,
      groupId: group.id,
      senderId: member.id,
      senderKey: member.key,
      kind: message.kind,
      text,
      at: message.time,
    })
    if (!firstDelivery) return false
    // One offence per message: the first matching rule in priority order, which may be an 'ignore' rule.
    const rule = ruleSet?.first(text, scope)
    if (!ruleSet || !rule) {
      bySignals.decided = true
      bySignals.alertId = context.signals.recordIfAny(subject, signals, now)
      return bySignals.alertId !== null
    }
    // One removal per offender per group: while one is under way, offences go on its card and queue nothing.
    const openRemoval = rule.action === 'ignore' ? null : store.events.openRemovalOf(group.id, member.key)
    if (openRemoval) {
      store.events.appendLaterOffence(openRemoval.id, { rule: rule.name, messageId: message.id, text, at: now })
      return false
    }
    const decision = decideOffence({
      rule,
      strikes: store.strikes.forMember(group.id, member.key),
      groupQuiet: group.quiet,
      settings: store.settings.all(),
      now,
    })
    const hits = ruleSet.explain(text, scope).matched.find((matched) => matched.name === rule.name)?.hits ?? []
    const offence = { group, member, rule, message: { id: message.id, text }, hit: true, detail: { ...content.detail, hits }, removal }
    return recordDecision(store, offence, decision, now) !== null
  })
  if (bySignals.decided) context.signals.secondOpinion(subject, signals, bySignals.alertId)
  if (!queued) return
  context.queue.poke()
  // An offender without a stable id is remembered by name and avatar, for when they come back under another id.
  await rememberLook(store, chat, group.id, member, clock())
}

/** The group and sender when the guard moderates this message: not the bot's own, a monitored group, not immune. */
async function admit(context: GuardContext, message: IncomingMessage) {
  const { store, chat, clock } = context
  if (message.senderId === chat.selfId()) return null
  const group = await lookUpGroup(store, chat, message.groupId, clock())
  if (!group?.monitored) return null
  const member = await identifyMember(store, chat, group.id, message.senderId, clock())
  return isImmune(store, group, member) ? null : { group, member }
}
