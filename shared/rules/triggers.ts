// Which terms wake a rule up. A rule is evaluated only for messages in which one of its trigger terms occurs, and
// the triggers are chosen so that the rule cannot be true otherwise: for `A & (B | C)` it is enough to wake on A, or
// on B and C, whichever is rarer. Waking on every term instead would evaluate `加 & 微信 & 私聊` on every message
// containing 加, which is most of them.
import { matchesNothing, type Expr, type Term } from './parse.ts'

export interface Triggers {
  terms: Term[]
  /** Expected cost of waking on these: lower is rarer. */
  cost: number
}

/** All terms of a subtree: a NOT can only turn true when something in it changes, so any of them may matter. */
function allTerms(expr: Expr, out: Term[] = []): Term[] {
  if (expr.type === 'term') out.push(expr)
  else if (expr.type === 'not') allTerms(expr.item, out)
  else for (const item of expr.items) allTerms(item, out)
  return out
}

/** The triggers of an expression that `matchesNothing` reports false for (every parsed rule). */
export function triggersOf(expr: Expr, cost: (term: Term) => number): Triggers {
  switch (expr.type) {
    case 'term':
      return { terms: [expr], cost: cost(expr) }
    case 'not': {
      const terms = allTerms(expr.item)
      return { terms, cost: terms.reduce((sum, term) => sum + cost(term), 0) }
    }
    case 'or': {
      const parts = expr.items.map((item) => triggersOf(item, cost))
      return { terms: parts.flatMap((part) => part.terms), cost: parts.reduce((sum, part) => sum + part.cost, 0) }
    }
    case 'and': {
      let best: Triggers | null = null
      for (const item of expr.items) {
        if (matchesNothing(item)) continue
        const candidate = triggersOf(item, cost)
        if (!best || candidate.cost < best.cost) best = candidate
      }
      return best!
    }
  }
}
