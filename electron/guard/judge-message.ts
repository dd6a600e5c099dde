// The path of one group message: skip what the guard must not touch, record it, judge it, and record the
// decision with its strike, event and actions in one transaction before anything is sent.
import { decideOffence } from '../../shared/policy/index.ts'
import type { IncomingMessage } from '../wechat/chat-port.ts'
import type { GuardContext } from './guard-context.ts'
import { lookUpGroup } from './group-lookup.ts'
import { readMessageContent } from './message-content.ts'
import { identifyMember, isImmune, rememberLook } from './member-identity.ts'
import { recordDecision } from './record-decision.ts'
import { planRemoval } from './removal-plan.ts'

export async function judgeMessage(context: GuardContext, message: IncomingMessage): Promise<void> {
  const { store, chat, clock } = context
  if (message.senderId === chat.selfId()) return
  const group = await lookUpGroup(store, chat, message.groupId, clock())
  if (!group?.monitored) return
  const member = await identifyMember(store, chat, group.id, message.senderId, clock())
  if (isImmune(store, group, member)) return
  const content = await readMessageContent(context, message, group, member)

  const now = clock()
  const ruleSet = context.rules.current(now)
  const scope = { groupId: group.id, groupTopic: group.topic, kinds: content.kinds }
  const queued = store.transaction(() => {
    const firstDelivery = store.messages.insert({
      id: message.id,
      groupId: group.id,
      senderId: member.id,
      senderKey: member.key,
      kind: message.kind,
      text: content.text,
      at: message.time,
    })
    if (!firstDelivery || !ruleSet) return false
    // One offence per message: the first matching rule in priority order, which may be an 'ignore' rule.
    const rule = ruleSet.first(content.text, scope)
    if (!rule) return false
    // One removal per offender per group: while one is under way, offences go on its card and queue nothing.
    const openRemoval = rule.action === 'ignore' ? null : store.events.openRemovalOf(group.id, member.key)
    if (openRemoval) {
      store.events.appendLaterOffence(openRemoval.id, { rule: rule.name, messageId: message.id, text: content.text, at: now })
      return false
    }
    const decision = decideOffence({
      rule,
      strikes: store.strikes.forMember(group.id, member.key),
      groupQuiet: group.quiet,
      settings: store.settings.all(),
      now,
    })
    const hits = ruleSet.explain(content.text, scope).matched.find((matched) => matched.name === rule.name)?.hits ?? []
    const removal = planRemoval(store, group, chat)
    const offence = { group, member, rule, message: { id: message.id, text: content.text }, hit: true, detail: { hits, ...content.detail }, removal }
    return recordDecision(store, offence, decision, now) !== null
  })
  if (!queued) return
  context.queue.poke()
  // An offender without a stable id is remembered by name and avatar, for when they come back under another id.
  await rememberLook(store, chat, group.id, member, clock())
}
