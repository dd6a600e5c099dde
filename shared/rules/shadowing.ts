// Rules that can never act: first match wins, so a rule below one that always matches its messages first is dead.
// Decided conservatively (a rule reported shadowed really is; some shadowed rules go unreported): the earlier rule
// must be a plain list of words (A | B | ~C, no exclusions, regexes or kinds), since only then does containing one
// of its words guarantee it matches; the later rule is shadowed when every way it can match needs a word that
// already contains one of those.
import { compileRuleSet } from './compile.ts'
import { parseExpression, type Expr, type Term } from './parse.ts'
import type { Rule } from './types.ts'

export interface Shadowing {
  /** The rule that can never act. */
  rule: string
  /** The earlier rule that always matches first. */
  by: string
}

const LITERAL_KINDS = new Set<Term['kind']>(['word', 'phrase', 'sounds'])

function parsed(rule: Rule): Expr | null {
  try {
    return parseExpression(rule.match)
  } catch {
    return null
  }
}

function isWordList(expr: Expr): boolean {
  if (expr.type === 'term') return LITERAL_KINDS.has(expr.kind)
  return expr.type === 'or' && expr.items.every(isWordList)
}

/** A message holding just the term: what the rep wrote, without the quotes or the ~. */
function witnessOf(term: Term): string {
  return term.written.replace(/^~/u, '').replace(/^"(.*)"$/su, '$1')
}

/** Whether every message `expr` matches holds a word that `catches` (a word list) finds. */
function alwaysCaught(expr: Expr, catches: (text: string) => boolean): boolean {
  switch (expr.type) {
    case 'term':
      return LITERAL_KINDS.has(expr.kind) && catches(witnessOf(expr))
    case 'and':
      return expr.items.some((item) => alwaysCaught(item, catches))
    case 'or':
      return expr.items.every((item) => alwaysCaught(item, catches))
    case 'not':
      return false
  }
}

/** Whether rule `earlier` applies in every group `later` does. */
function coversScope(earlier: Rule, later: Rule): boolean {
  if (earlier.scope === 'all') return true
  if (later.scope === 'all') return false
  const groups = new Set(earlier.scope)
  return later.scope.every((group) => groups.has(group))
}

export function shadowedRules(rules: readonly Rule[]): Shadowing[] {
  const live = rules.filter((rule) => rule.enabled).map((rule) => ({ rule, expr: parsed(rule) }))
  const found: Shadowing[] = []
  live.forEach(({ rule: later, expr: laterExpr }, k) => {
    if (!laterExpr) return
    for (const { rule: earlier, expr: earlierExpr } of live.slice(0, k)) {
      if (!earlierExpr || !coversScope(earlier, later)) continue
      const same = earlier.match.trim() === later.match.trim()
      if (same || (isWordList(earlierExpr) && alwaysCaught(laterExpr, wordListCatcher(earlier)))) {
        found.push({ rule: later.name, by: earlier.name })
        return
      }
    }
  })
  return found
}

function wordListCatcher(rule: Rule): (text: string) => boolean {
  const set = compileRuleSet([{ ...rule, scope: 'all' }])
  return (text) => set.match(text).length > 0
}

/** Scope entries (group ids or topics) that name no group the account is in. */
export function unknownScopeGroups(rule: Rule, groups: readonly { id: string; topic: string }[]): string[] {
  if (rule.scope === 'all') return []
  const known = new Set(groups.flatMap((group) => [group.id, group.topic]))
  return rule.scope.filter((entry) => !known.has(entry))
}
