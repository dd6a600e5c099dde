// Tokens of the rule language. The expression is NFKC-normalised first (so a Chinese input method's full-width
// （ ） ｜ ＋ － ！ work), one code point at a time so that every token still knows where it stands in the text the
// rep typed: errors point at the rep's own line and column.
import { ruleErrorText, type RuleErrorCode, type RuleErrorParams } from './messages.ts'
import type { SourcePosition } from './types.ts'

/** A fault in an expression: what (a code the window can say in the rep's language) and where. */
export class RuleSyntaxError extends Error {
  constructor(
    readonly code: RuleErrorCode,
    readonly params: RuleErrorParams,
    readonly position: SourcePosition,
  ) {
    super(ruleErrorText(code, params))
    this.name = 'RuleSyntaxError'
  }
}

export type Operator = '|' | '&' | '-' | '!' | '(' | ')'
export type TermToken = 'word' | 'phrase' | 'regex' | 'sounds' | 'kind'

export type Token =
  | { type: 'op'; op: Operator; written: string; at: number }
  | { type: 'term'; kind: TermToken; text: string; written: string; at: number }

const OPERATOR_CHARS = new Map<string, Operator>([['|', '|'], ['&', '&'], ['+', '&'], ['-', '-'], ['!', '!'], ['(', '('], [')', ')']])
const OPERATOR_WORDS = new Map<string, Operator>([['OR', '|'], ['AND', '&'], ['NOT', '!']])
const KIND_PREFIX = 'kind:'

function isWordChar(ch: string): boolean {
  return !OPERATOR_CHARS.has(ch) && ch !== '"' && ch !== '#' && !/\s/u.test(ch)
}

/** Maps an offset in the normalised expression back to a position in the original text. */
export class SourceMap {
  /** Where each line starts, found once on first use: the parser asks for a position per term, and rescanning the
   * text from its start for each made a rule with 100,000 alternatives take half a minute (quadratic). */
  private lineStarts: number[] | null = null

  constructor(
    private readonly original: string,
    private readonly origins: number[],
  ) {}

  position(normalizedOffset: number): SourcePosition {
    const offset = this.origins[Math.min(normalizedOffset, this.origins.length - 1)] ?? 0
    const starts = (this.lineStarts ??= lineStartsOf(this.original))
    // The last line starting at or before `offset`.
    let low = 0
    let high = starts.length - 1
    while (low < high) {
      const middle = (low + high + 1) >> 1
      if (starts[middle]! <= offset) low = middle
      else high = middle - 1
    }
    return { line: low + 1, column: offset - starts[low]! + 1, offset }
  }
}

function lineStartsOf(text: string): number[] {
  const starts = [0]
  for (let k = 0; k < text.length; k++) if (text.charCodeAt(k) === 10) starts.push(k + 1)
  return starts
}

function normalizeExpression(source: string): { text: string; map: SourceMap } {
  let text = ''
  const origins: number[] = []
  let offset = 0
  for (const ch of source) {
    const normalized = ch.normalize('NFKC')
    for (let k = 0; k < normalized.length; k++) origins.push(offset)
    text += normalized
    offset += ch.length
  }
  origins.push(offset)
  return { text, map: new SourceMap(source, origins) }
}

/** Reads a delimited body ("phrase" or /regex/) starting after its opening delimiter. */
function readDelimited(text: string, from: number, close: string, unescape: boolean): { body: string; end: number } | null {
  let body = ''
  for (let k = from; k < text.length; k++) {
    const ch = text[k]!
    if (ch === '\\' && k + 1 < text.length) {
      const next = text[k + 1]!
      if (unescape && (next === close || next === '\\')) body += next
      else body += ch + next
      k++
    } else if (ch === close) return { body, end: k + 1 }
    else body += ch
  }
  return null
}

export function tokenize(source: string): { tokens: Token[]; map: SourceMap; end: number } {
  const { text, map } = normalizeExpression(source)
  const tokens: Token[] = []
  const fail = (code: RuleErrorCode, at: number): never => {
    throw new RuleSyntaxError(code, {}, map.position(at))
  }
  let i = 0
  while (i < text.length) {
    const ch = text[i]!
    if (/\s/u.test(ch)) {
      i++
    } else if (ch === '#') {
      while (i < text.length && text[i] !== '\n') i++
    } else if (OPERATOR_CHARS.has(ch)) {
      tokens.push({ type: 'op', op: OPERATOR_CHARS.get(ch)!, written: ch, at: i })
      i++
    } else if (ch === '"') {
      const read = readDelimited(text, i + 1, '"', true) ?? fail('unterminated_quote', i)
      tokens.push({ type: 'term', kind: 'phrase', text: read.body, written: text.slice(i, read.end), at: i })
      i = read.end
    } else if (ch === '/') {
      const read = readDelimited(text, i + 1, '/', false) ?? fail('unterminated_regex', i)
      tokens.push({ type: 'term', kind: 'regex', text: read.body, written: text.slice(i, read.end), at: i })
      i = read.end
    } else if (ch === '~') {
      const start = i
      i++
      let body: string
      if (text[i] === '"') {
        const read = readDelimited(text, i + 1, '"', true) ?? fail('unterminated_quote', i)
        body = read.body
        i = read.end
      } else {
        const wordStart = i
        while (i < text.length && isWordChar(text[i]!)) i++
        body = text.slice(wordStart, i)
        if (body === '') fail('sounds_needs_word', start)
      }
      tokens.push({ type: 'term', kind: 'sounds', text: body, written: text.slice(start, i), at: start })
    } else {
      const start = i
      while (i < text.length && isWordChar(text[i]!)) i++
      const word = text.slice(start, i)
      const op = OPERATOR_WORDS.get(word)
      if (op) tokens.push({ type: 'op', op, written: word, at: start })
      else if (word.toLowerCase().startsWith(KIND_PREFIX)) {
        tokens.push({ type: 'term', kind: 'kind', text: word.slice(KIND_PREFIX.length).toLowerCase(), written: word, at: start })
      } else tokens.push({ type: 'term', kind: 'word', text: word, written: word, at: start })
    }
  }
  return { tokens, map, end: text.length }
}
