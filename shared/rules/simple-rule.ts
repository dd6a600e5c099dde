// Rules for reps who do not want expressions: a list of words (any of them), the message kinds that count as well
// (a QR code, a card...), and "but not" words. The window writes the expression from them, and reads an expression
// back into them when it has that shape, so both views edit the same rule.
import { parseExpression, type Expr, type Term } from './parse.ts'
import { MESSAGE_KINDS, type MessageKind } from './types.ts'

export interface SimpleRule {
  words: string[]
  kinds: MessageKind[]
  butNot: string[]
}

/** A word as the language reads it: bare when it can be, else a "phrase" with its quotes and backslashes escaped. */
function termOf(word: string): string {
  const plain = /^[^\s|&+\-!()#"~/:\\]+$/u.test(word) && !/^(OR|AND|NOT)$/u.test(word)
  return plain ? word : `"${word.replace(/[\\"]/gu, (ch) => `\\${ch}`)}"`
}

const cleaned = (words: readonly string[]) => [...new Set(words.map((word) => word.trim()).filter((word) => word !== ''))]

/** The expression for a simple rule; empty when it has nothing to look for. */
export function simpleToMatch(simple: SimpleRule): string {
  const any = [...simple.kinds.map((kind) => `kind:${kind}`), ...cleaned(simple.words).map(termOf)]
  if (any.length === 0) return ''
  const butNot = cleaned(simple.butNot).map(termOf)
  const found = any.length > 1 && butNot.length > 0 ? `(${any.join(' | ')})` : any.join(' | ')
  return [found, ...butNot].join(' - ')
}

/** The text a word or phrase term stands for, as the rep would type it in the word list. */
function wordOf(term: Term): string | null {
  if (term.kind === 'word') return term.written
  if (term.kind === 'phrase') return term.written.replace(/^"(.*)"$/su, '$1').replace(/\\(.)/gu, '$1')
  return null
}

/** Words and kinds of an OR of plain terms; null when anything else is in it. */
function alternatives(expr: Expr, into: Pick<SimpleRule, 'words' | 'kinds'>): boolean {
  if (expr.type === 'or') return expr.items.every((item) => alternatives(item, into))
  if (expr.type !== 'term') return false
  if (expr.kind === 'kind') {
    const kind = expr.value as MessageKind
    if (!(MESSAGE_KINDS as readonly string[]).includes(kind)) return false
    into.kinds.push(kind)
    return true
  }
  const word = wordOf(expr)
  if (word === null) return false
  into.words.push(word)
  return true
}

/** The simple view of an expression, or null when it uses more than words, kinds and "but not" words. */
export function matchToSimple(match: string): SimpleRule | null {
  if (match.trim() === '') return { words: [], kinds: [], butNot: [] }
  let expr: Expr
  try {
    expr = parseExpression(match)
  } catch {
    return null
  }
  const simple: SimpleRule = { words: [], kinds: [], butNot: [] }
  const [found, ...rest] = expr.type === 'and' ? expr.items : [expr]
  if (!found || !alternatives(found, simple)) return null
  for (const item of rest) {
    const word = item.type === 'not' && item.item.type === 'term' ? wordOf(item.item) : null
    if (word === null) return null
    simple.butNot.push(word)
  }
  return simple
}
