// The construction of a compiled rule set (compile.ts), written as steps that may pause between rules and terms so
// that the service can build a large set in slices (staged.ts): the term table, the patterns each automaton looks
// for, which terms wake which rules (triggers.ts), and the automata.
import type { RE2JS } from 're2js'
import { buildAutomaton, type Automaton } from './automaton.ts'
import { compileRegex, termsOf, type Expr, type Term } from './parse.ts'
import { requiredLiterals } from './regex-literal.ts'
import type { ParsedRule } from './ruleset.ts'
import { SyllableStream } from './pinyin-letters.ts'
import { isSyllableCode, soundCode, soundsOf } from './sounds.ts'
import type { Staged } from './staged.ts'
import { triggersOf } from './triggers.ts'
import type { MessageKind, Rule, TextKind } from './types.ts'

export interface TermSlot {
  term: Term
  /** The rules this term wakes up (see triggers.ts). */
  rules: number[]
  regex: RE2JS | null
  /** For a regex: whether its required literal must be seen before it is worth running. */
  gated: boolean
}

/** An expression with its terms resolved to term ids, evaluated without look-ups. */
export type Node = { op: 'term'; id: number } | { op: 'not'; item: Node } | { op: 'and' | 'or'; items: Node[] }

export interface CompiledRule {
  rule: Rule
  expr: Expr
  node: Node
  scope: Set<string> | null
}

/** Terms that occurred, or regexes worth running now. */
export interface Targets {
  terms: number[]
  regexGates: number[]
}

/** What a pattern (a sound string) found by an automaton means. */
export interface PatternTargets extends Targets {
  /** Words, phrases and regex literals that sound like the pattern: each only where the compact text is exactly it. */
  exact: (Targets & { text: string })[]
}

export class TermTable {
  readonly slots: TermSlot[] = []
  readonly idOf = new Map<Term, number>()
  private readonly byKey = new Map<string, number>()

  add(term: Term): void {
    // Words and phrases are both plain compact substrings, so the same text is one term.
    const key = `${term.kind === 'phrase' ? 'word' : term.kind}\u0000${term.value}\u0000${term.domain ?? ''}`
    let id = this.byKey.get(key)
    if (id === undefined) {
      id = this.slots.length
      this.byKey.set(key, id)
      const regex = term.kind === 'regex' ? compileRegex(term.value) : null
      this.slots.push({ term, rules: [], regex, gated: false })
    }
    this.idOf.set(term, id)
  }
}

export class PatternIndex {
  readonly patterns: string[] = []
  readonly targets: PatternTargets[] = []
  private readonly byText = new Map<string, number>()

  targetsFor(text: string): PatternTargets {
    let id = this.byText.get(text)
    if (id === undefined) {
      id = this.patterns.length
      this.byText.set(text, id)
      this.patterns.push(text)
      this.targets.push({ terms: [], regexGates: [], exact: [] })
    }
    return this.targets[id]!
  }

  /** Where a literal (compact text) is looked for: under its sounds, checked letter for letter when found. */
  exactFor(literal: string): Targets {
    const { exact } = this.targetsFor(soundsOf(literal))
    let targets = exact.find((candidate) => candidate.text === literal)
    if (!targets) exact.push((targets = { text: literal, terms: [], regexGates: [] }))
    return targets
  }
}

/** What a compiled set holds besides its per-message scratch. */
export interface RuleSetParts {
  rules: Rule[]
  compiled: CompiledRule[]
  terms: TermTable
  sounds: PatternIndex
  automaton: Automaton
  pinyin: PatternIndex
  pinyinAutomaton: Automaton | null
  stream: SyllableStream
  kindTerms: Map<string, number>
  domainTerms: { domain: string; id: number }[]
  detectsKinds: boolean
  ungatedRules: number[]
}

/** The construction of a compiled set, pausable after each rule, term and automaton step (staged.ts). */
export function* buildParts(parsed: readonly ParsedRule[]): Staged<RuleSetParts> {
  const terms = new TermTable()
  for (const { expr } of parsed) {
    yield
    for (const { term } of termsOf(expr)) terms.add(term)
  }
  const compiled: CompiledRule[] = []
  for (const { rule, expr } of parsed) {
    yield
    compiled.push({ rule, expr, node: resolve(expr, terms), scope: rule.scope === 'all' ? null : new Set(rule.scope) })
  }

  const sounds = new PatternIndex()
  const pinyin = new PatternIndex()
  const kindTerms = new Map<string, number>()
  const domainTerms: { domain: string; id: number }[] = []
  const gates = new Map<number, string[]>()
  for (const [id, slot] of terms.slots.entries()) {
    yield
    const { term } = slot
    if (term.kind === 'word' || term.kind === 'phrase') sounds.exactFor(term.value).terms.push(id)
    else if (term.kind === 'sounds') {
      sounds.targetsFor(term.value).terms.push(id)
      if (term.value.length >= 2 && [...term.value].every((ch) => isSyllableCode(ch.charCodeAt(0)))) pinyin.targetsFor(term.value).terms.push(id)
    }
    else if (term.kind === 'kind' && term.domain !== undefined) domainTerms.push({ domain: term.domain, id })
    else if (term.kind === 'kind') kindTerms.set(term.value, id)
    else {
      const required = requiredLiterals(term.value)
      slot.gated = required.length > 0
      if (slot.gated) {
        for (const literal of required) sounds.exactFor(literal).regexGates.push(id)
        gates.set(id, required)
      }
    }
  }
  // Longer texts are rarer in chat; a regex without a literal to wait for runs on every message.
  const cost = (term: Term): number => {
    const id = terms.idOf.get(term)!
    if (term.kind === 'regex') {
      const required = gates.get(id)
      return required ? required.length / required[0]!.length ** 2 : Number.POSITIVE_INFINITY
    }
    if (term.kind === 'kind') return 0.25
    return 1 / term.value.length ** 2
  }
  const ungated = new Set<number>()
  for (const [index, { rule, expr }] of parsed.entries()) {
    yield
    if (!rule.enabled) continue
    for (const term of triggersOf(expr, cost).terms) {
      const slot = terms.slots[terms.idOf.get(term)!]!
      if (slot.regex && !slot.gated) ungated.add(index)
      else if (slot.rules.at(-1) !== index) slot.rules.push(index)
    }
  }
  const automaton = yield* buildAutomaton(sounds.patterns, soundCode)
  const pinyinAutomaton = pinyin.patterns.length ? yield* buildAutomaton(pinyin.patterns) : null
  const pairs = new Set<number>()
  for (const pattern of pinyin.patterns) for (let k = 1; k < pattern.length; k++) pairs.add(pattern.charCodeAt(k - 1) * 0x10000 + pattern.charCodeAt(k))
  return {
    rules: parsed.map((p) => p.rule),
    compiled,
    terms,
    sounds,
    automaton,
    pinyin,
    pinyinAutomaton,
    stream: new SyllableStream(pairs),
    kindTerms,
    domainTerms,
    detectsKinds: domainTerms.length > 0 || TEXT_FOUND_KINDS.some((kind) => kindTerms.has(kind)),
    ungatedRules: [...ungated].sort((a, b) => a - b),
  }
}

function resolve(expr: Expr, terms: TermTable): Node {
  switch (expr.type) {
    case 'term':
      return { op: 'term', id: terms.idOf.get(expr)! }
    case 'not':
      return { op: 'not', item: resolve(expr.item, terms) }
    default:
      return { op: expr.type, items: expr.items.map((item) => resolve(item, terms)) }
  }
}

/** The kinds the engine finds in a message's text itself (kinds/). */
export const TEXT_FOUND_KINDS = ['link', 'phone', 'wechat-id'] as const satisfies readonly (MessageKind | TextKind)[]
