// A regex is run only on messages that contain a piece of text every match of it must contain (its required
// literal), found by the same automaton as the words. Running every regex on every message would cost more than
// everything else together. The extraction is conservative: when unsure, it finds nothing, and the regex then
// runs on every message in scope.
import { compactText } from './normalize.ts'

/** Index just past the bracketed part (group or class) starting at `from`, respecting escapes and nesting. */
function skipBracketed(source: string, from: number): number {
  let depth = 0
  let inClass = false
  for (let k = from; k < source.length; k++) {
    const ch = source[k]
    if (ch === '\\') k++
    else if (inClass) {
      if (ch === ']') {
        inClass = false
        if (depth === 0) return k + 1
      }
    } else if (ch === '[') inClass = true
    else if (ch === '(') depth++
    else if (ch === ')' && --depth === 0) return k + 1
  }
  return source.length
}

function hasTopLevelAlternation(source: string): boolean {
  for (let k = 0; k < source.length; k++) {
    const ch = source[k]
    if (ch === '\\') k++
    else if (ch === '(' || ch === '[') k = skipBracketed(source, k) - 1
    else if (ch === '|') return true
  }
  return false
}

/** At most this many alternative texts stand in for one regex (1[3-9] gives 13, 14 ... 19). */
const MAX_ALTERNATIVES = 64
/** A class wider than this (say [a-z]) narrows nothing worth the patterns it costs. */
const MAX_CLASS = 10
const DIGITS = [...'0123456789']

/** The characters a one-character class may match, or null when it is not small and plain (negated, \w, ranges of 26...). */
function classChars(body: string): string[] | null {
  if (body.startsWith('^')) return null
  const chars = new Set<string>()
  for (let k = 0; k < body.length; k++) {
    const ch = body[k]!
    if (ch === '\\') {
      if (body[k + 1] !== 'd') return null
      DIGITS.forEach((digit) => chars.add(digit))
      k++
    } else if (body[k + 1] === '-' && k + 2 < body.length) {
      const from = ch.codePointAt(0)!
      const to = body[k + 2]!.codePointAt(0)!
      if (to - from + 1 > MAX_CLASS) return null
      for (let code = from; code <= to; code++) chars.add(String.fromCodePoint(code))
      k += 2
    } else chars.add(ch)
  }
  const folded = [...chars].map((ch) => compactText(ch))
  if (folded.some((ch) => ch.length !== 1) || folded.length > MAX_CLASS) return null
  return [...new Set(folded)]
}

/**
 * Texts (compact form) of which every match of the regex contains at least one: the longest stretch of required
 * characters, with small classes spelt out (1[3-9]\d{9} gives 13 ... 19). Empty when there is nothing to rely on.
 */
export function requiredLiterals(source: string): string[] {
  if (hasTopLevelAlternation(source)) return []
  const runs: string[][][] = []
  let run: string[][] = []
  const breakRun = () => {
    if (run.length) runs.push(run)
    run = []
  }
  for (let k = 0; k < source.length; k++) {
    const ch = source[k]!
    let atom: string[] | null = null
    if (ch === '\\') {
      atom = source[k + 1] === 'd' ? DIGITS : null
      k++
    } else if (ch === '[') {
      const end = skipBracketed(source, k)
      atom = classChars(source.slice(k + 1, end - 1))
      k = end - 1
    } else if (ch === '(') {
      k = skipBracketed(source, k) - 1
    } else if (!'.^$)]|'.includes(ch) && !'?*+{'.includes(ch)) {
      const folded = compactText(ch)
      atom = folded.length === 1 ? [folded] : null
    }
    // What follows says how often the atom is required.
    const quantifier = /^(?:[?*]|\{0(?:,\d*)?\}|\+|\{(\d+)(,\d*)?\})\??/.exec(source.slice(k + 1))
    if (quantifier) k += quantifier[0].length
    if (atom === null || (quantifier && quantifier[1] === undefined && quantifier[0][0] !== '+')) {
      breakRun()
      continue
    }
    const times = quantifier?.[1] === undefined ? 1 : Math.min(Number(quantifier[1]), 8)
    for (let n = 0; n < times; n++) run.push(atom)
    // A repeat of open length (+, {n,}, {n,m}) ends the stretch of fixed characters.
    if (quantifier && (quantifier[0][0] === '+' || quantifier[2] !== undefined)) breakRun()
  }
  breakRun()
  let best: { from: number; to: number; run: string[][]; count: number } | null = null
  for (const atoms of runs) {
    for (let from = 0; from < atoms.length; from++) {
      let count = 1
      for (let to = from; to < atoms.length; to++) {
        count *= atoms[to]!.length
        if (count > MAX_ALTERNATIVES) break
        const length = to - from + 1
        const bestLength = best ? best.to - best.from + 1 : 0
        if (length > bestLength || (length === bestLength && count < best!.count)) best = { from, to, run: atoms, count }
      }
    }
  }
  if (!best) return []
  let texts = ['']
  for (const atom of best.run.slice(best.from, best.to + 1)) texts = texts.flatMap((text) => atom.map((ch) => text + ch))
  return texts
}

const REGEX_SYNTAX = new Set(['.', '^', '$', '*', '+', '?', '(', ')', '[', ']', '{', '}', '|'])
const LETTER_OR_DIGIT = /^[\p{L}\p{N}]$/u
// (?i) (?i:...) (?:...) (?P<name>...) (?<name>...): a group's prefix is syntax, not text to find.
const GROUP_PREFIX = /^\(\?(?:[a-zA-Z-]*[:)]|P?<[^>]*>)/

/**
 * A character the regex must find literally that the compact text never holds (a space, punctuation, an escaped
 * dot...), so the regex can never match; null when there is none. Character classes are left alone: `[ .a]` can
 * still match the `a`.
 */
export function unmatchableCharacter(source: string): string | null {
  let inClass = false
  for (let k = 0; k < source.length; k++) {
    const ch = source[k]!
    if (ch === '\\') {
      const next = source[k + 1]
      if (!inClass && next !== undefined && !LETTER_OR_DIGIT.test(next)) return `\\${next}`
      k++
    } else if (inClass) {
      if (ch === ']') inClass = false
    } else if (ch === '[') {
      inClass = true
      if (source[k + 1] === '^') k++
      if (source[k + 1] === ']') k++
    } else if (ch === '{' && /^\{\d*,?\d*\}/.test(source.slice(k))) {
      k = source.indexOf('}', k)
    } else if (ch === '(' && GROUP_PREFIX.test(source.slice(k))) {
      k += GROUP_PREFIX.exec(source.slice(k))![0].length - 1
    } else if (!REGEX_SYNTAX.has(ch) && !LETTER_OR_DIGIT.test(ch)) {
      return ch
    }
  }
  return null
}
