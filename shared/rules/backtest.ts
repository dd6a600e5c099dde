// What an edited rule set would change over past messages: which rule would have acted first on each message, with
// the saved rules and with the edited ones. Pure; the caller supplies the history and receives progress.
//
// Only messages that some changed or moved rule matches can come out differently: a message matched only by rules
// both sets share, in the same relative order, gets the same first rule from both. So the history is screened with
// a small set of just the changed and moved rules, and the two full sets run only on what it lets through.
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

/**
 * Positions (into `sequence`) of a longest increasing subsequence: the shared rules that kept their relative order
 * when the rest moved. Patience sorting, O(n log n).
 */
function longestIncreasing(sequence: readonly number[]): Set<number> {
  const tails: number[] = []
  const previous = new Array<number>(sequence.length).fill(-1)
  sequence.forEach((value, position) => {
    let low = 0
    let high = tails.length
    while (low < high) {
      const middle = (low + high) >> 1
      if (sequence[tails[middle]!]! < value) low = middle + 1
      else high = middle
    }
    if (low > 0) previous[position] = tails[low - 1]!
    tails[low] = position
  })
  const kept = new Set<number>()
  for (let position = tails.at(-1) ?? -1; position >= 0; position = previous[position]!) kept.add(position)
  return kept
}

/**
 * The set that screens messages: every rule that was added, removed, changed, or moved relative to the others.
 * A message none of them matches is matched only by rules both sets share in the same relative order, so both
 * sets give it the same first rule.
 */
function screenFor(saved: readonly Rule[], edited: readonly Rule[]): CompiledRuleSet {
  const savedIndex = new Map(saved.map((rule, index) => [rule.name, index]))
  const shared = edited.filter((rule) => {
    const twin = savedIndex.has(rule.name) ? saved[savedIndex.get(rule.name)!]! : undefined
    return twin !== undefined && sameCatch(rule, twin)
  })
  const inPlace = longestIncreasing(shared.map((rule) => savedIndex.get(rule.name)!))
  const stays = new Set(shared.filter((_, position) => inPlace.has(position)).map((rule) => rule.name))
  const changed = [
    ...saved.filter((rule) => !stays.has(rule.name)),
    ...edited.filter((rule) => !stays.has(rule.name)),
  ]
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
    if (screen.first(message.text, context)) {
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
