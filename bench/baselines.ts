// What the engine is measured against. All three see the keyword rules only (words and phrases joined by AND, OR
// and EXCEPT): sounds-like and regex rules have no counterpart in a keyword filter, and are left out of them.
import { AhoCorasick } from '@monyone/aho-corasick/fast'
import { Mint } from 'mint-filter'
import { compactText } from '../shared/rules/index.ts'
import type { GeneratedRule } from './generate.ts'

/** A keyword rule with its terms in compact form, which is what gets searched for in the compact text. */
export interface KeywordRule {
  name: string
  include: string[][]
  exclude: string[]
}

export function keywordRulesOf(rules: readonly GeneratedRule[]): KeywordRule[] {
  const compactAll = (terms: readonly string[]): string[] => terms.map((term) => compactText(term))
  return rules
    .filter((rule) => rule.family === 'keyword')
    .map((rule) => ({ name: rule.input.name, include: rule.include.map(compactAll), exclude: compactAll(rule.exclude) }))
}

/** Every distinct term of the rules, included or excluded: the keyword list a filter is built from. */
export function keywordListOf(rules: readonly KeywordRule[]): string[] {
  return [...new Set(rules.flatMap((rule) => [...rule.include.flat(), ...rule.exclude]))]
}

/** (b) The obvious program: for every rule, String.includes for its keywords, on the compact text. */
export class NaiveMatcher {
  constructor(private readonly rules: readonly KeywordRule[]) {}

  matches(compact: string): string[] {
    const names: string[] = []
    for (const rule of this.rules) {
      if (rule.include.every((group) => group.some((term) => compact.includes(term))) && !rule.exclude.some((term) => compact.includes(term))) {
        names.push(rule.name)
      }
    }
    return names
  }
}

/**
 * Rule logic over the set of keywords a multi-pattern search found: only rules that share a found keyword are
 * evaluated, as any filter built on such a search would do.
 */
class FoundKeywordRules {
  private readonly idOf = new Map<string, number>()
  private readonly rulesWith: number[][]
  private readonly include: number[][][]
  private readonly exclude: number[][]
  private readonly foundStamp: Int32Array
  private readonly ruleStamp: Int32Array
  private stamp = 0

  constructor(rules: readonly KeywordRule[]) {
    const keywords = keywordListOf(rules)
    keywords.forEach((keyword, id) => this.idOf.set(keyword, id))
    const id = (term: string): number => this.idOf.get(term)!
    this.include = rules.map((rule) => rule.include.map((group) => group.map(id)))
    this.exclude = rules.map((rule) => rule.exclude.map(id))
    this.rulesWith = keywords.map(() => [])
    this.include.forEach((groups, rule) => {
      for (const keyword of new Set(groups.flat())) this.rulesWith[keyword]!.push(rule)
    })
    this.foundStamp = new Int32Array(keywords.length)
    this.ruleStamp = new Int32Array(rules.length)
  }

  /** How many rules match, given the keywords found in one message. */
  countMatches(found: readonly string[]): number {
    const stamp = ++this.stamp
    for (const keyword of found) this.foundStamp[this.idOf.get(keyword)!] = stamp
    const isFound = (keyword: number): boolean => this.foundStamp[keyword] === stamp
    let count = 0
    for (const keyword of found) {
      for (const rule of this.rulesWith[this.idOf.get(keyword)!]!) {
        if (this.ruleStamp[rule] === stamp) continue
        this.ruleStamp[rule] = stamp
        if (this.include[rule]!.every((group) => group.some(isFound)) && !this.exclude[rule]!.some(isFound)) count++
      }
    }
    return count
  }
}

/** (c) mint-filter, a popular Aho-Corasick keyword filter for Chinese text, run on the compact text. */
export class MintFilterMatcher {
  private readonly mint: Mint
  private readonly logic: FoundKeywordRules

  constructor(rules: readonly KeywordRule[]) {
    this.mint = new Mint(keywordListOf(rules))
    this.logic = new FoundKeywordRules(rules)
  }

  countMatches(compact: string): number {
    return this.logic.countMatches(this.mint.filter(compact, { replace: false }).words)
  }
}

/**
 * (d) Only the multi-pattern search, on text already made compact: the double-array Aho-Corasick of
 * @monyone/aho-corasick finding every keyword occurrence. No normalising, no rule logic: close to the most any
 * JavaScript matcher can do per character.
 */
export class RawScanner {
  private readonly automaton: AhoCorasick

  constructor(rules: readonly KeywordRule[]) {
    this.automaton = new AhoCorasick(keywordListOf(rules))
  }

  countOccurrences(compact: string): number {
    return this.automaton.matchInText(compact).length
  }
}
