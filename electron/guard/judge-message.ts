// The path of one group message: skip what the guard must not touch, record it, judge it, and record the
// decision with its strike, event and actions in one transaction before anything is sent.
import { decideOffence } from '../../shared/policy/index.ts'
import type { IncomingMessage } from '../wechat/chat-port.ts'
import type { GuardContext } from './guard-context.ts'
import { lookUpGroup } from './group-lookup.ts'
import { readMessageContent } from './message-content.ts'
import { identifyMember, isImmune } from './member-identity.ts'
import { recordDecision } from './record-decision.ts'

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
    const decision = decideOffence({
      rule,
      strikes: store.strikes.forMember(group.id, member.key),
      groupQuiet: group.quiet,
      settings: store.settings.all(),
      now,
    })
    const hits = ruleSet.explain(content.text, scope).matched.find((matched) => matched.name === rule.name)?.hits ?? []
    const offence = { group, member, rule, message: { id: message.id, text: content.text }, hit: true, detail: { hits, ...content.detail } }
    return recordDecision(store, offence, decision, now) !== null
  })
  if (queued) context.queue.poke()
}
