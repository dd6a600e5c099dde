// The grammar, lowest precedence first:
//   or     := and (('|' | OR) and)*
//   and    := unary (('&' | '+' | AND | juxtaposition) unary | '-' unary)*      A-B = A and not B
//   unary  := ('!' | NOT) unary | '(' or ')' | term
// Terms are checked here, once, so a compiled rule can never fail at match time.
import { RE2JS } from 're2js'
import { RuleSyntaxError, tokenize, type SourceMap, type Token } from './lex.ts'
import { compactText, simplifyHan } from './normalize.ts'
import { soundsOf } from './sounds.ts'
import { MESSAGE_KINDS, type MessageKind, type SourcePosition, type TermKind } from './types.ts'

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
  position: SourcePosition
}

export type Expr =
  | Term
  | { type: 'and'; items: Expr[] }
  | { type: 'or'; items: Expr[] }
  | { type: 'not'; item: Expr }

/** Deep enough for any rule a person writes; bounded so no input can exhaust the stack. */
const MAX_DEPTH = 64

const OPERATOR_NAMES: Record<string, string> = { '|': 'OR', '&': 'AND', '-': 'EXCEPT (-)', '!': 'NOT' }

export function compileRegex(source: string): RE2JS {
  return RE2JS.compile(simplifyHan(source), RE2JS.CASE_INSENSITIVE)
}

function makeTerm(token: Extract<Token, { type: 'term' }>, position: SourcePosition): Term {
  const fail = (message: string): never => {
    throw new RuleSyntaxError(message, position)
  }
  let value: string
  switch (token.kind) {
    case 'word':
    case 'phrase':
    case 'sounds': {
      const compact = compactText(token.text)
      if (compact === '') fail(`${token.written} has no letter or digit, so it can never be found in a message`)
      value = token.kind === 'sounds' ? soundsOf(compact) : compact
      break
    }
    case 'regex': {
      if (token.text === '') fail('empty regex //')
      let regex: RE2JS | undefined
      try {
        regex = compileRegex(token.text)
      } catch (error) {
        fail(`invalid regex ${token.written}: ${(error as Error).message}`)
      }
      if (regex!.test('')) fail(`regex ${token.written} matches an empty text, so it would match every message`)
      value = token.text
      break
    }
    case 'kind':
      if (!(MESSAGE_KINDS as readonly string[]).includes(token.text)) {
        fail(`unknown message kind "${token.text}" in ${token.written}; known kinds: ${MESSAGE_KINDS.map((k) => `kind:${k}`).join(', ')}`)
      }
      value = token.text as MessageKind
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

  private fail(message: string, at: number): never {
    throw new RuleSyntaxError(message, this.map.position(at))
  }

  private peek(): Token | undefined {
    return this.tokens[this.index]
  }

  private peekOp(): string | undefined {
    const token = this.peek()
    return token?.type === 'op' ? token.op : undefined
  }

  parse(): Expr {
    if (this.tokens.length === 0) this.fail('empty expression: write at least one word to look for', 0)
    const expr = this.or(0)
    const rest = this.peek()
    if (rest) this.fail(rest.type === 'op' && rest.op === ')' ? "unmatched ')': there is no '(' before it" : 'unexpected text', rest.at)
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
    if (depth > MAX_DEPTH) this.fail(`too deeply nested (more than ${MAX_DEPTH} levels of brackets or NOT)`, this.peek()?.at ?? this.end)
    const token = this.peek()
    const previous = this.tokens[this.index - 1]
    if (!token) {
      if (previous?.type === 'op') this.fail(`${OPERATOR_NAMES[previous.op] ?? previous.written} has nothing after it`, previous.at)
      this.fail('unexpected end of expression', this.end)
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
      if (this.peekOp() === ')') this.fail('empty brackets ()', token.at)
      const inner = this.or(depth + 1)
      if (this.peekOp() !== ')') {
        const next = this.peek()
        if (next) this.fail('unexpected text', next.at)
        this.fail("unclosed '(': add the missing ')'", token.at)
      }
      this.index++
      return inner
    }
    if (token.op === ')') {
      if (previous?.type === 'op' && previous.op !== '(') this.fail(`${OPERATOR_NAMES[previous.op]} has nothing after it`, previous.at)
      this.fail("unmatched ')': there is no '(' before it", token.at)
    }
    // A binary operator where an operand should be.
    if (previous?.type === 'op' && previous.op !== '(') {
      this.fail(`${OPERATOR_NAMES[previous.op]} is followed by ${OPERATOR_NAMES[token.op]} with nothing between them`, token.at)
    }
    this.fail(`${OPERATOR_NAMES[token.op]} has nothing before it`, token.at)
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
    const firstNot = tokens.find((token) => token.type === 'op' && token.op === '!' || token.type === 'op' && token.op === '-')
    throw new RuleSyntaxError(
      'this rule requires no positive term: it would match every message that lacks the excluded words. Add a word the message must contain',
      map.position(firstNot?.at ?? 0),
    )
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
