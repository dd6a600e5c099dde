// The edited rule set as the editor checks it, without compiling thousands of rules per keystroke: the saved rules
// other than the one being edited are parsed and compiled once (when the editor opens, or the saved rules change),
// each edit parses and compiles the draft alone, and the two answer together as the whole edited set would.
import { CompiledRuleSet, parseRules, ruleErrorText } from '../../../../../shared/rules/index.ts'
import type { MessageContext, MessageKind, Rule, RuleProblem, TermHit, TextKind } from '../../../../../shared/rules/types.ts'

/** The saved rules around the draft. */
export interface OtherRules {
  /** In priority order, without the rule being edited. */
  rules: readonly Rule[]
  /** The draft's place in the edited set: just before rules[index]; rules.length when it goes last (a new rule). */
  index: number
  /** Their problems, numbered as in the edited set. */
  problems: RuleProblem[]
  /** Null while they have problems. */
  compiled: CompiledRuleSet | null
}

export interface CheckedDraft {
  /** Its own problems, numbered as in the edited set: its fields, its expression, a name another rule has. */
  problems: RuleProblem[]
  /** The draft alone; null while it has problems. */
  compiled: CompiledRuleSet | null
}

export function prepareOthers(saved: readonly Rule[], originalName: string | null): OtherRules {
  const found = originalName === null ? -1 : saved.findIndex((rule) => rule.name === originalName)
  const rules = found < 0 ? [...saved] : saved.toSpliced(found, 1)
  const index = found < 0 ? rules.length : found
  const parsed = parseRules(rules)
  const problems = parsed.problems.map((problem) => (problem.index < index ? problem : { ...problem, index: problem.index + 1 }))
  return { rules, index, problems, compiled: problems.length ? null : new CompiledRuleSet(parsed.rules) }
}

export function checkDraft(others: OtherRules, draft: Rule): CheckedDraft {
  const parsed = parseRules([draft])
  const problems = parsed.problems.map((problem) => ({ ...problem, index: others.index }))
  const name = draft.name.trim()
  if (name && others.rules.some((rule) => rule.name.trim() === name)) {
    problems.push({ rule: name, index: others.index, message: ruleErrorText('duplicate_name'), code: 'duplicate_name' })
  }
  return { problems, compiled: problems.length ? null : new CompiledRuleSet(parsed.rules) }
}

/** The whole edited list, the draft in its place: what the backtest runs and what is saved. */
export function editedRules(others: OtherRules, draft: Rule): Rule[] {
  return others.rules.toSpliced(others.index, 0, draft)
}

export interface RuleMatch {
  rule: Rule
  /** The terms that made it match, as spans of the message. */
  hits: TermHit[]
}

/** What one compiled set says about a message: its matching rules with their index in that set, ascending. */
export interface SetMatches {
  compact: string
  /** The kinds the message has: those picked and those found in its text. */
  kinds: (MessageKind | TextKind)[]
  matched: { index: number; match: RuleMatch }[]
}

export function explainMatches(compiled: CompiledRuleSet, text: string, context: MessageContext): SetMatches {
  const { compact, matched, kinds } = compiled.explain(text, context)
  return {
    compact,
    kinds,
    matched: matched.map(({ name, hits }) => {
      // A set that compiled has no repeated name (that is a problem), so the name finds the rule.
      const index = compiled.rules.findIndex((rule) => rule.name === name)
      return { index, match: { rule: compiled.rules[index]!, hits } }
    }),
  }
}

export interface TesterAnswer {
  compact: string
  kinds: (MessageKind | TextKind)[]
  /** The draft's own match, or null. */
  draft: RuleMatch | null
  /** Every matching rule of the edited set in priority order, the draft in its place. */
  matched: RuleMatch[]
  /** The rule that acts on the message (an 'ignore' rule lets it through), as CompiledRuleSet.first would say. */
  first: Rule | null
}

/**
 * The edited set's answer from the other rules' and the draft's, the draft sitting just before others' rule
 * `draftIndex`: first comes the others' first match ahead of the draft, else the draft if it matches, else the
 * others' first match after it.
 */
export function combineMatches(others: SetMatches, draftIndex: number, draft: SetMatches): TesterAnswer {
  const own = draft.matched[0]?.match ?? null
  const ahead = others.matched.filter(({ index }) => index < draftIndex).map(({ match }) => match)
  const after = others.matched.filter(({ index }) => index >= draftIndex).map(({ match }) => match)
  const matched = own ? [...ahead, own, ...after] : [...ahead, ...after]
  return { compact: others.compact, kinds: others.kinds, draft: own, matched, first: matched[0]?.rule ?? null }
}
