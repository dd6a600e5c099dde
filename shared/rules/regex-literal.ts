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

/** The longest text (in compact form) that every match of the regex contains, or '' when there is none to rely on. */
export function requiredLiteral(source: string): string {
  if (hasTopLevelAlternation(source)) return ''
  const runs: string[] = []
  let run = ''
  const breakRun = () => {
    if (run) runs.push(run)
    run = ''
  }
  for (let k = 0; k < source.length; k++) {
    const ch = source[k]!
    const next = source[k + 1]
    if (ch === '?' || ch === '*' || (ch === '{' && next === '0')) {
      // The character before is optional: it cannot be relied on.
      run = run.slice(0, -1)
      breakRun()
      if (ch === '{') k = source.indexOf('}', k) < 0 ? source.length : source.indexOf('}', k)
    } else if (ch === '+' || ch === '{') {
      breakRun()
      if (ch === '{') k = source.indexOf('}', k) < 0 ? source.length : source.indexOf('}', k)
    } else if (ch === '\\') {
      // An escape is a class (\d, \p{Han}...) or punctuation, never a letter the compact text holds as such.
      breakRun()
      k++
    } else if (ch === '(' || ch === '[') {
      breakRun()
      k = skipBracketed(source, k) - 1
    } else if (ch === '.' || ch === '^' || ch === '$' || ch === ')' || ch === ']') {
      breakRun()
    } else {
      run += ch
    }
  }
  breakRun()
  let best = ''
  for (const candidate of runs) {
    // A run must be letters and digits only: anything else can never appear in the compact text it runs on.
    const compact = compactText(candidate)
    if (compact.length === candidate.length && compact.length > best.length) best = compact
  }
  return best
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
