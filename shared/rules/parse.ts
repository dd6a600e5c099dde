// The grammar, lowest precedence first:
//   or     := and (('|' | OR) and)*
//   and    := unary (('&' | '+' | AND | juxtaposition) unary | '-' unary)*      A-B = A and not B
//   unary  := ('!' | NOT) unary | '(' or ')' | term
// Terms are checked here, once, so a compiled rule can never fail at match time.
import { RE2JS } from 're2js'
import { RuleSyntaxError, tokenize, type SourceMap, type Token } from './lex.ts'
import type { RuleErrorCode, RuleErrorParams } from './messages.ts'
import { compactText, simplifyHan } from './normalize.ts'
import { unmatchableCharacter } from './regex-literal.ts'
import { soundsOf } from './sounds.ts'
import { MESSAGE_KINDS, TEXT_KINDS, type SourcePosition, type TermKind } from './types.ts'

export { RuleSyntaxError }

export interface Term {
  type: 'term'
  kind: TermKind
  /** As the rep wrote it, for explanations. */
  written: string
  /**
   * What is searched for: the compact text (word, phrase), the sound string (sounds), the regex source run on the
   * compact text (regex), or the message kind (kind).
   */
  value: string
  /** kind:link(taobao.com): the domain, lower case. */
  domain?: string
  position: SourcePosition
}

export type Expr =
  | Term
  | { type: 'and'; items: Expr[] }
  | { type: 'or'; items: Expr[] }
  | { type: 'not'; item: Expr }

/** Every kind a `kind:` term may name. */
export const KINDS = [...MESSAGE_KINDS, ...TEXT_KINDS] as const

/** A domain for kind:link(...): dot-separated labels of letters, digits and inner hyphens, ending in letters. */
const DOMAIN = /^(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/u

/** Deep enough for any rule a person writes; bounded so no input can exhaust the stack. */
const MAX_DEPTH = 64

export function compileRegex(source: string): RE2JS {
  return RE2JS.compile(simplifyHan(source), RE2JS.CASE_INSENSITIVE)
}

function makeTerm(token: Extract<Token, { type: 'term' }>, position: SourcePosition): Term {
  const fail = (code: RuleErrorCode, params: RuleErrorParams = {}): never => {
    throw new RuleSyntaxError(code, { term: token.written, ...params }, position)
  }
  let value: string
  switch (token.kind) {
    case 'word':
    case 'phrase':
    case 'sounds': {
      const compact = compactText(token.text)
      if (compact === '') fail('no_letter_or_digit')
      value = token.kind === 'sounds' ? soundsOf(compact) : compact
      break
    }
    case 'regex': {
      if (token.text === '') fail('empty_regex')
      let regex: RE2JS | undefined
      try {
        regex = compileRegex(token.text)
      } catch (error) {
        fail('invalid_regex', { reason: (error as Error).message })
      }
      if (regex!.test('')) fail('regex_matches_empty')
      const unmatchable = unmatchableCharacter(token.text)
      if (unmatchable !== null) fail('regex_unmatchable', { char: unmatchable === ' ' ? '" "' : unmatchable })
      value = token.text
      break
    }
    case 'kind':
      if (!(KINDS as readonly string[]).includes(token.text)) {
        fail('unknown_kind', { kind: token.text, known: KINDS.map((k) => `kind:${k}`).join(', ') })
      }
      value = token.text
      if (token.argument !== undefined) {
        if (value !== 'link') fail('kind_takes_no_argument', { kind: value })
        const domain = token.argument.normalize('NFKC').toLowerCase()
        if (!DOMAIN.test(domain)) fail('bad_domain', { domain: token.argument })
        return { type: 'term', kind: 'kind', written: token.written, value, domain, position }
      }
      break
  }
  return { type: 'term', kind: token.kind, written: token.written, value, position }
}

class Parser {
  private index = 0

  constructor(
    private readonly tokens: Token[],
    private readonly map: SourceMap,
    private readonly end: number,
  ) {}

  private fail(code: RuleErrorCode, at: number, params: RuleErrorParams = {}): never {
    throw new RuleSyntaxError(code, params, this.map.position(at))
  }

  private peek(): Token | undefined {
    return this.tokens[this.index]
  }

  private peekOp(): string | undefined {
    const token = this.peek()
    return token?.type === 'op' ? token.op : undefined
  }

  parse(): Expr {
    if (this.tokens.length === 0) this.fail('empty_expression', 0)
    const expr = this.or(0)
    const rest = this.peek()
    if (rest) this.fail(rest.type === 'op' && rest.op === ')' ? 'unmatched_close' : 'unexpected_text', rest.at)
    return expr
  }

  private or(depth: number): Expr {
    const items = [this.and(depth)]
    while (this.peekOp() === '|') {
      this.index++
      items.push(this.and(depth))
    }
    return items.length === 1 ? items[0]! : { type: 'or', items }
  }

  private and(depth: number): Expr {
    const items = [this.unary(depth)]
    for (;;) {
      const token = this.peek()
      if (!token) break
      if (token.type === 'op' && (token.op === '&' || token.op === '-')) {
        this.index++
        const operand = this.unary(depth)
        items.push(token.op === '-' ? { type: 'not', item: operand } : operand)
      } else if (token.type === 'term' || token.op === '(' || token.op === '!') {
        items.push(this.unary(depth))
      } else break
    }
    return items.length === 1 ? items[0]! : { type: 'and', items }
  }

  private unary(depth: number): Expr {
    if (depth > MAX_DEPTH) this.fail('too_deep', this.peek()?.at ?? this.end, { max: String(MAX_DEPTH) })
    const token = this.peek()
    const previous = this.tokens[this.index - 1]
    if (!token) {
      if (previous?.type === 'op') this.fail('nothing_after', previous.at, { op: previous.op })
      this.fail('unexpected_end', this.end)
    }
    if (token.type === 'term') {
      this.index++
      return makeTerm(token, this.map.position(token.at))
    }
    if (token.op === '!') {
      this.index++
      return { type: 'not', item: this.unary(depth + 1) }
    }
    if (token.op === '(') {
      this.index++
      if (this.peekOp() === ')') this.fail('empty_brackets', token.at)
      const inner = this.or(depth + 1)
      if (this.peekOp() !== ')') {
        const next = this.peek()
        if (next) this.fail('unexpected_text', next.at)
        this.fail('unclosed_open', token.at)
      }
      this.index++
      return inner
    }
    if (token.op === ')') {
      if (previous?.type === 'op' && previous.op !== '(') this.fail('nothing_after', previous.at, { op: previous.op })
      this.fail('unmatched_close', token.at)
    }
    // A binary operator where an operand should be.
    if (previous?.type === 'op' && previous.op !== '(') {
      this.fail('nothing_between', token.at, { left: previous.op, right: token.op })
    }
    this.fail('nothing_before', token.at, { op: token.op })
  }
}

/** Whether the expression is true for a message in which no term occurs. */
export function matchesNothing(expr: Expr): boolean {
  switch (expr.type) {
    case 'term':
      return false
    case 'not':
      return !matchesNothing(expr.item)
    case 'and':
      return expr.items.every(matchesNothing)
    case 'or':
      return expr.items.some(matchesNothing)
  }
}

export function parseExpression(source: string): Expr {
  const { tokens, map, end } = tokenize(source)
  const expr = new Parser(tokens, map, end).parse()
  if (matchesNothing(expr)) {
    const firstNot = tokens.find((token) => token.type === 'op' && (token.op === '!' || token.op === '-'))
    throw new RuleSyntaxError('no_positive_term', {}, map.position(firstNot?.at ?? 0))
  }
  return expr
}

/** Every term of an expression, each with whether it counts for the rule (true) or against it (under a NOT). */
export function termsOf(expr: Expr, positive = true, out: { term: Term; positive: boolean }[] = []): { term: Term; positive: boolean }[] {
  switch (expr.type) {
    case 'term':
      out.push({ term: expr, positive })
      break
    case 'not':
      termsOf(expr.item, !positive, out)
      break
    default:
      for (const item of expr.items) termsOf(item, positive, out)
  }
  return out
}
