// Colours for the rule language, token by token. It follows shared/rules/lex.ts but never throws: the text being
// typed is unfinished most of the time, and an unclosed quote simply colours to the end of the line.

export type HighlightKind = 'op' | 'paren' | 'word' | 'phrase' | 'regex' | 'sounds' | 'kind' | 'comment' | 'space'

export interface HighlightToken {
  kind: HighlightKind
  start: number
  end: number
}

const OPERATORS = new Set(['|', '&', '+', '-', '!'])
const OPERATOR_WORDS = new Set(['OR', 'AND', 'NOT'])

/** Characters as the engine reads them: a Chinese input method's full-width （ ） ｜ count as ( ) |. */
function plain(ch: string): string {
  return ch.normalize('NFKC')
}

function isSpace(ch: string): boolean {
  return /\s/u.test(ch)
}

function isWordChar(ch: string): boolean {
  const p = plain(ch)
  return !OPERATORS.has(p) && p !== '(' && p !== ')' && p !== '"' && p !== '#' && !isSpace(p)
}

/** End of a delimited body starting after its opening delimiter; the line's end when it is not closed. */
function delimitedEnd(text: string, from: number, close: string): number {
  for (let k = from; k < text.length; k++) {
    const ch = plain(text[k]!)
    if (ch === '\\') k++
    else if (ch === close) return k + 1
    else if (text[k] === '\n') return k
  }
  return text.length
}

function wordEnd(text: string, from: number): number {
  let k = from
  while (k < text.length && isWordChar(text[k]!)) k++
  return k
}

export function highlightTokens(text: string): HighlightToken[] {
  const tokens: HighlightToken[] = []
  let i = 0
  const push = (kind: HighlightKind, end: number) => {
    tokens.push({ kind, start: i, end })
    i = end
  }
  while (i < text.length) {
    const ch = plain(text[i]!)
    if (isSpace(ch)) {
      let end = i + 1
      while (end < text.length && isSpace(text[end]!)) end++
      push('space', end)
    } else if (ch === '#') {
      const newline = text.indexOf('\n', i)
      push('comment', newline < 0 ? text.length : newline)
    } else if (OPERATORS.has(ch)) push('op', i + 1)
    else if (ch === '(' || ch === ')') push('paren', i + 1)
    else if (ch === '"') push('phrase', delimitedEnd(text, i + 1, '"'))
    else if (ch === '/') push('regex', delimitedEnd(text, i + 1, '/'))
    else if (ch === '~') push('sounds', plain(text[i + 1] ?? '') === '"' ? delimitedEnd(text, i + 2, '"') : wordEnd(text, i + 1))
    else {
      const end = Math.max(wordEnd(text, i), i + 1)
      const word = text.slice(i, end)
      const normalized = word.normalize('NFKC')
      push(OPERATOR_WORDS.has(normalized) ? 'op' : normalized.toLowerCase().startsWith('kind:') ? 'kind' : 'word', end)
    }
  }
  return tokens
}
