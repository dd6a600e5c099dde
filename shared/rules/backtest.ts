// What an edited rule set would change over past messages: which rule would have acted first on each message, with
// the saved rules and with the edited ones. Pure; the caller supplies the history and receives progress.
//
// Only messages that some changed rule matches can come out differently: when the rules both sets share keep
// their relative order, a message matched by shared rules alone gets the same first rule from both. So the history
// is screened with a small set of just the changed rules, and the two full sets run only on what it lets through.
import type { CompiledRuleSet } from './compile.ts'
import { compileRuleSet } from './compile.ts'
import type { MessageContext, MessageKind, Rule } from './types.ts'

export interface BacktestMessage {
  id: string
  groupId: string
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
  /** The rule that acts first with the saved set, and with the edited one; null for none. */
  before: string | null
  after: string | null
}

export interface BacktestOutcome {
  scanned: number
  newlyCaught: BacktestDifference[]
  noLongerCaught: BacktestDifference[]
  changedRule: number
}

/** Whether two versions of a rule catch the same messages the same way (the reply and dry run do not matter). */
function sameCatch(a: Rule, b: Rule): boolean {
  return a.match === b.match && a.action === b.action && a.enabled === b.enabled && JSON.stringify(a.scope) === JSON.stringify(b.scope)
}

/** The set that screens messages, or null when every message must be compared (the shared rules were reordered). */
function screenFor(saved: readonly Rule[], edited: readonly Rule[]): CompiledRuleSet | null {
  const editedByName = new Map(edited.map((rule) => [rule.name, rule]))
  const savedByName = new Map(saved.map((rule) => [rule.name, rule]))
  const shared = (rule: Rule, other: Map<string, Rule>) => {
    const twin = other.get(rule.name)
    return twin !== undefined && sameCatch(rule, twin)
  }
  const sharedOrder = (rules: readonly Rule[], other: Map<string, Rule>) => rules.filter((rule) => shared(rule, other)).map((rule) => rule.name)
  if (sharedOrder(saved, editedByName).join('\u0000') !== sharedOrder(edited, savedByName).join('\u0000')) return null
  const changed = [...saved.filter((rule) => !shared(rule, editedByName)), ...edited.filter((rule) => !shared(rule, savedByName))]
  // Both versions of a changed rule go in; names are made unique, the expressions are already known to compile.
  return compileRuleSet(changed.map((rule, index) => ({ ...rule, name: `${index}` })))
}

/** The rule that acts on a message: the first match, unless that first match is an 'ignore' rule. */
function actingRule(set: CompiledRuleSet, message: BacktestMessage, context: MessageContext): string | null {
  const rule = set.first(message.text, context)
  return rule && rule.action !== 'ignore' ? rule.name : null
}

export function* backtestSteps(
  saved: CompiledRuleSet,
  edited: CompiledRuleSet,
  messages: readonly BacktestMessage[],
  /** A group's topic, for rules scoped by topic. */
  topicOf: (groupId: string) => string | undefined = () => undefined,
  chunk = 5000,
): Generator<{ done: number; total: number }, BacktestOutcome> {
  const outcome: BacktestOutcome = { scanned: 0, newlyCaught: [], noLongerCaught: [], changedRule: 0 }
  const screen = screenFor(saved.rules, edited.rules)
  for (const message of messages) {
    const context: MessageContext = { groupId: message.groupId, groupTopic: topicOf(message.groupId), kinds: [message.kind] }
    if (!screen || screen.first(message.text, context)) {
      const before = actingRule(saved, message, context)
      const after = actingRule(edited, message, context)
      if (before !== after) {
        const { id: messageId, groupId, senderName, text, at } = message
        const difference = { messageId, groupId, senderName, text, at, before, after }
        if (before === null) outcome.newlyCaught.push(difference)
        else if (after === null) outcome.noLongerCaught.push(difference)
        else outcome.changedRule++
      }
    }
    outcome.scanned++
    if (outcome.scanned % chunk === 0) yield { done: outcome.scanned, total: messages.length }
  }
  return outcome
}
