// A whole rule set compiled once: every term of every rule goes into one automaton over the sound string (each
// compact character read as its sound code, sounds.ts), and a rule's boolean logic is evaluated only when one of its
// terms occurred in the message. A sounds-like term is found wherever its sounds occur; a word, a phrase or a regex's
// required literal is looked for under its own sounds and counts only where the compact text is exactly it, so one
// scan reads the message for both. A parsed rule that no term of can occur is false (the parser refuses rules that would
// match a message containing none of their terms), so skipping the others is exact, and thousands of rules cost
// little more than a handful. Building one is build-rule-set.ts, in steps that the service runs in slices.
import { HitBuffer, type Automaton } from './automaton.ts'
import { buildParts, TEXT_FOUND_KINDS, type CompiledRule, type Node, type PatternIndex, type RuleSetParts, type Targets, type TermTable } from './build-rule-set.ts'
import { detectTextKinds, hostIsIn, KindTally, type Span, type TextKinds } from './kinds/index.ts'
import { CompactBuffer } from './normalize.ts'
import { termsOf } from './parse.ts'
import { parseRulesInSteps, RuleSetError, type ParsedRule } from './ruleset.ts'
import { runToEnd, type Staged } from './staged.ts'
import type { SyllableStream } from './pinyin-letters.ts'
import type { AnyKind, Explanation, MessageContext, Rule, RuleInput, TermHit, TextKind } from './types.ts'

export class CompiledRuleSet {
  readonly rules: readonly Rule[]
  private readonly compiled: CompiledRule[]
  private readonly terms: TermTable
  /** Every term's sound string: sounds-like terms, and words, phrases and regex literals to check exactly. */
  private readonly sounds: PatternIndex
  private readonly automaton: Automaton
  /** Sounds-like terms of two syllables or more, looked for again in pinyin typed in Latin letters. */
  private readonly pinyin: PatternIndex
  private readonly pinyinAutomaton: Automaton | null
  private readonly stream: SyllableStream
  private readonly kindTerms: Map<string, number>
  /** kind:link(domain) terms. */
  private readonly domainTerms: { domain: string; id: number }[]
  /** Whether some term needs the kinds found in the text (kinds/): only then are they looked for. */
  private readonly detectsKinds: boolean
  /** Rules that must be evaluated on every message: they hold a regex with no required literal. */
  private readonly ungatedRules: number[]

  // Per-message scratch, reused so that matching allocates next to nothing.
  private readonly buffer = new CompactBuffer()
  private readonly tally = new KindTally()
  private stamp = 0
  private readonly termSeen: Int32Array
  private readonly regexArmed: Int32Array
  private readonly regexTried: Int32Array
  private readonly regexResult: Uint8Array
  private readonly ruleSeen: Int32Array
  private candidates: number[] = []
  private compact: string | null = null
  private spans: Map<number, [number, number][]> | null = null
  private readonly hits = new HitBuffer()
  /** Per term id: 1 for a regex (evaluated lazily), 0 for a term the scan alone decides. */
  private readonly isRegex: Uint8Array

  /** Builds at once, unless compileRuleSetInSteps built the parts already, pausing between steps. */
  constructor(parsed: readonly ParsedRule[], parts: RuleSetParts = runToEnd(buildParts(parsed))) {
    this.rules = parts.rules
    this.compiled = parts.compiled
    this.terms = parts.terms
    this.sounds = parts.sounds
    this.automaton = parts.automaton
    this.pinyin = parts.pinyin
    this.pinyinAutomaton = parts.pinyinAutomaton
    this.stream = parts.stream
    this.kindTerms = parts.kindTerms
    this.domainTerms = parts.domainTerms
    this.detectsKinds = parts.detectsKinds
    this.ungatedRules = parts.ungatedRules

    const termCount = this.terms.slots.length
    this.termSeen = new Int32Array(termCount)
    this.regexArmed = new Int32Array(termCount)
    this.regexTried = new Int32Array(termCount)
    this.regexResult = new Uint8Array(termCount)
    this.ruleSeen = new Int32Array(this.compiled.length)
    this.isRegex = Uint8Array.from(this.terms.slots, (slot) => (slot.regex ? 1 : 0))
  }

  /** Names of all matching rules, in rule-set order. */
  match(text: string, context: MessageContext = NO_CONTEXT): string[] {
    return this.matchIndices(text, context).map((index) => this.rules[index]!.name)
  }

  /** The first matching rule in priority order (which may be an 'ignore' rule), or null. */
  first(text: string, context: MessageContext = NO_CONTEXT): Rule | null {
    const [index] = this.matchIndices(text, context, true)
    return index === undefined ? null : this.rules[index]!
  }

  matchIndices(text: string, context: MessageContext = NO_CONTEXT, firstOnly = false): number[] {
    this.scanMessage(text, context, null)
    sortSmall(this.candidates)
    const matched: number[] = []
    for (const index of this.candidates) {
      if (this.applies(index, context) && this.evaluate(this.compiled[index]!.node)) {
        matched.push(index)
        if (firstOnly) break
      }
    }
    return matched
  }

  /** Which rules match and why: the terms that made each match, as spans of the original text. */
  explain(text: string, context: MessageContext = NO_CONTEXT): Explanation {
    const spans = new Map<number, [number, number][]>()
    const found = detectTextKinds(text)
    this.scanMessage(text, context, spans, found)
    const { starts, ends } = this.buffer
    const matched = this.matchIndices(text, context).map((index) => {
      const hits: TermHit[] = []
      for (const { term, positive } of termsOf(this.compiled[index]!.expr)) {
        const id = this.terms.idOf.get(term)!
        if (!positive || !this.termTrue(id)) continue
        if (term.kind === 'kind') {
          const inText = kindSpans(found, term.value, term.domain)
          // A kind the context gave (a card, an image) is the whole message, not a place in it.
          if (inText.length === 0) hits.push({ term: term.written, kind: term.kind, start: 0, end: 0 })
          for (const span of inText) hits.push({ term: term.written, kind: term.kind, ...span })
          continue
        }
        const ranges = term.kind === 'regex' ? this.regexSpans(id) : (spans.get(id) ?? [])
        for (const [from, to] of ranges) hits.push({ term: term.written, kind: term.kind, start: starts[from]!, end: ends[to - 1]! })
      }
      hits.sort((a, b) => a.start - b.start || a.end - b.end)
      return { name: this.rules[index]!.name, hits: dedupe(hits) }
    })
    return { compact: this.compactString(), matched, kinds: kindsOf(context, found) }
  }

  private applies(index: number, context: MessageContext): boolean {
    const { rule, scope } = this.compiled[index]!
    if (!rule.enabled) return false
    if (!scope) return true
    return (context.groupId !== undefined && scope.has(context.groupId)) || (context.groupTopic !== undefined && scope.has(context.groupTopic))
  }

  private markTerm(id: number): void {
    if (this.termSeen[id] === this.stamp) return
    this.termSeen[id] = this.stamp
    this.addCandidates(this.terms.slots[id]!.rules)
  }

  private addCandidates(rules: readonly number[]): void {
    for (const rule of rules) {
      if (this.ruleSeen[rule] !== this.stamp) {
        this.ruleSeen[rule] = this.stamp
        this.candidates.push(rule)
      }
    }
  }

  private scanWith(automaton: Automaton, index: PatternIndex, codes: Uint16Array, length: number): void {
    const count = automaton.scan(codes, length, this.hits)
    const pairs = this.hits.pairs
    for (let k = 0; k < count; k++) {
      const pattern = pairs[2 * k]!
      const end = pairs[2 * k + 1]!
      this.patternFound(index, pattern, end - index.patterns[pattern]!.length, end)
    }
  }

  /** The syllable stream's hits, placed back in the compact text. */
  private scanStream(automaton: Automaton): void {
    const { stream } = this
    const count = automaton.scan(stream.codes, stream.length, this.hits)
    const pairs = this.hits.pairs
    for (let k = 0; k < count; k++) {
      const pattern = pairs[2 * k]!
      const end = pairs[2 * k + 1]!
      this.patternFound(this.pinyin, pattern, stream.starts[end - this.pinyin.patterns[pattern]!.length]!, stream.ends[end - 1]!)
    }
  }

  /** Pattern `pattern` of `index` occupies compact[start, end). */
  private patternFound(index: PatternIndex, pattern: number, start: number, end: number): void {
    const targets = index.targets[pattern]!
    this.targetsFound(targets, start, end)
    for (const exact of targets.exact) if (this.compactIs(exact.text, start)) this.targetsFound(exact, start, end)
  }

  /** Whether the compact text at `start` is `literal`, letter for letter (it is known to sound like it). */
  private compactIs(literal: string, start: number): boolean {
    const { codes } = this.buffer
    for (let k = 0; k < literal.length; k++) if (codes[start + k] !== literal.charCodeAt(k)) return false
    return true
  }

  private targetsFound(targets: Targets, start: number, end: number): void {
    for (const id of targets.terms) {
      this.markTerm(id)
      if (this.spans) {
        let list = this.spans.get(id)
        if (!list) this.spans.set(id, (list = []))
        list.push([start, end])
      }
    }
    for (const id of targets.regexGates) {
      if (this.regexArmed[id] !== this.stamp) {
        this.regexArmed[id] = this.stamp
        this.addCandidates(this.terms.slots[id]!.rules)
      }
    }
  }

  private scanMessage(text: string, context: MessageContext, spans: Map<number, [number, number][]> | null, found?: TextKinds): void {
    this.stamp++
    this.candidates.length = 0
    this.compact = null
    this.spans = spans
    this.buffer.fold(text, spans !== null)
    const { codes, length } = this.buffer
    this.scanWith(this.automaton, this.sounds, codes, length)
    // Counted once for both readers below that need it: most messages hold nothing either looks for.
    const tally = this.pinyinAutomaton || (this.detectsKinds && !found) ? this.tally.count(text, this.buffer) : null
    if (this.pinyinAutomaton && tally!.latin > 0 && this.stream.read(codes, length)) this.scanStream(this.pinyinAutomaton)
    if (context.kinds) {
      for (const kind of context.kinds) {
        const id = this.kindTerms.get(kind)
        if (id !== undefined) this.markTerm(id)
      }
    }
    if (found) this.markFoundKinds(found)
    else if (this.detectsKinds) this.markFoundKinds(detectTextKinds(text, tally!))
    this.addCandidates(this.ungatedRules)
    this.spans = null
  }

  private markFoundKinds(found: TextKinds): void {
    for (const kind of TEXT_FOUND_KINDS) {
      const id = this.kindTerms.get(kind)
      if (id !== undefined && kindSpans(found, kind).length > 0) this.markTerm(id)
    }
    for (const { domain, id } of this.domainTerms) {
      if (found.links.some((link) => hostIsIn(link.host, domain))) this.markTerm(id)
    }
  }

  private compactString(): string {
    if (this.compact === null) this.compact = this.buffer.text()
    return this.compact
  }

  private termTrue(id: number): boolean {
    if (this.isRegex[id] === 0) return this.termSeen[id] === this.stamp
    const slot = this.terms.slots[id]!
    if (slot.gated && this.regexArmed[id] !== this.stamp) return false
    if (this.regexTried[id] !== this.stamp) {
      this.regexTried[id] = this.stamp
      this.regexResult[id] = slot.regex!.test(this.compactString()) ? 1 : 0
    }
    return this.regexResult[id] === 1
  }

  private regexSpans(id: number): [number, number][] {
    const matcher = this.terms.slots[id]!.regex!.matcher(this.compactString())
    const ranges: [number, number][] = []
    while (matcher.find()) {
      if (matcher.end() > matcher.start()) ranges.push([matcher.start(), matcher.end()])
    }
    return ranges
  }

  private evaluate(node: Node): boolean {
    switch (node.op) {
      case 'term':
        return this.termTrue(node.id)
      case 'not':
        return !this.evaluate(node.item)
      case 'and':
        for (const item of node.items) if (!this.evaluate(item)) return false
        return true
      case 'or':
        for (const item of node.items) if (this.evaluate(item)) return true
        return false
    }
  }
}

/** A message with nothing known about it but its text (shared, so matching one allocates no context). */
const NO_CONTEXT: MessageContext = Object.freeze({})

/** Where in the text a kind was found: every link (or those in `domain`), phone number or WeChat id. */
function kindSpans(found: TextKinds, kind: string, domain?: string): Span[] {
  switch (kind) {
    case 'link':
      return domain === undefined ? found.links : found.links.filter((link) => hostIsIn(link.host, domain))
    case 'phone':
      return found.phones
    case 'wechat-id':
      return found.wechatIds
    default:
      return []
  }
}

function kindsOf(context: MessageContext, found: TextKinds): (AnyKind | TextKind)[] {
  const kinds = new Set<AnyKind | TextKind>(context.kinds ?? [])
  for (const kind of TEXT_FOUND_KINDS) if (kindSpans(found, kind).length > 0) kinds.add(kind)
  return [...kinds]
}

/**
 * Sorts rule indices in place. A message wakes a handful of rules, and an insertion sort of a few numbers costs less
 * than the built-in sort calling back into a comparator; a message that wakes many takes the built-in one.
 */
function sortSmall(indices: number[]): void {
  const n = indices.length
  if (n > 16) {
    indices.sort((a, b) => a - b)
    return
  }
  for (let i = 1; i < n; i++) {
    const value = indices[i]!
    let j = i - 1
    while (j >= 0 && indices[j]! > value) {
      indices[j + 1] = indices[j]!
      j--
    }
    indices[j + 1] = value
  }
}

/** Hits sorted by position, each once (a sounds-like term may be found by both of its scans). */
function dedupe(hits: TermHit[]): TermHit[] {
  return hits.filter((hit, k) => k === 0 || hit.start !== hits[k - 1]!.start || hit.end !== hits[k - 1]!.end || hit.term !== hits[k - 1]!.term)
}

/** Compiles a rule set; throws RuleSetError listing every bad rule (with line and column where that applies). */
export function compileRuleSet(inputs: readonly (RuleInput | Rule)[]): CompiledRuleSet {
  return runToEnd(compileRuleSetInSteps(inputs))
}

/** compileRuleSet, pausable between small steps: the service runs it in slices (runInSlices) off the event loop's back. */
export function* compileRuleSetInSteps(inputs: readonly (RuleInput | Rule)[]): Staged<CompiledRuleSet> {
  const { rules, problems } = yield* parseRulesInSteps(inputs)
  if (problems.length) throw new RuleSetError(problems)
  return new CompiledRuleSet(rules, yield* buildParts(rules))
}
