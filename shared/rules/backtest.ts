// What an edited rule set would change over past messages: run both sets over the history and compare which rule
// each message would have fired first. Pure; the caller supplies the history and receives progress.
import type { CompiledRuleSet } from './compile.ts'
import type { MessageContext, MessageKind } from './types.ts'

export interface BacktestMessage {
  id: string
  groupId: string
  groupTopic?: string
  senderName: string
  kind: MessageKind
  text: string
  at: number
}

export interface BacktestDifference {
  messageId: string
  groupId: string
  senderName: string
  text: string
  at: number
  /** The rule that fires first with the saved set, and with the edited one; null for none. */
  before: string | null
  after: string | null
}

export interface BacktestOutcome {
  scanned: number
  newlyCaught: BacktestDifference[]
  noLongerCaught: BacktestDifference[]
  changedRule: number
}

/** The rule that acts on a message: the first match, unless that first match is an 'ignore' rule. */
function actingRule(set: CompiledRuleSet, message: BacktestMessage): string | null {
  const context: MessageContext = { groupId: message.groupId, groupTopic: message.groupTopic, kinds: [message.kind] }
  const rule = set.first(message.text, context)
  return rule && rule.action !== 'ignore' ? rule.name : null
}

export function* backtestSteps(
  saved: CompiledRuleSet,
  edited: CompiledRuleSet,
  messages: readonly BacktestMessage[],
  chunk = 5000,
): Generator<{ done: number; total: number }, BacktestOutcome> {
  const outcome: BacktestOutcome = { scanned: 0, newlyCaught: [], noLongerCaught: [], changedRule: 0 }
  for (const message of messages) {
    const before = actingRule(saved, message)
    const after = actingRule(edited, message)
    if (before !== after) {
      const difference = { messageId: message.id, groupId: message.groupId, senderName: message.senderName, text: message.text, at: message.at, before, after }
      if (before === null) outcome.newlyCaught.push(difference)
      else if (after === null) outcome.noLongerCaught.push(difference)
      else outcome.changedRule++
    }
    outcome.scanned++
    if (outcome.scanned % chunk === 0) yield { done: outcome.scanned, total: messages.length }
  }
  return outcome
}
