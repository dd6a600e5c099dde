// Rules as data: their shape, their defaults, and every problem a set of them can have, found in one pass.
import { z } from 'zod'
import { findUnsafeCharacter } from '../text/unsafe-characters.ts'
import { ruleErrorText } from './messages.ts'
import { parseExpression, RuleSyntaxError, type Expr } from './parse.ts'
import { runToEnd, type Staged } from './staged.ts'
import { RULE_ACTIONS, type Rule, type RuleInput, type RuleProblem } from './types.ts'

export const ruleInputSchema = z.object({
  name: z.string().trim().min(1, 'a rule needs a name').max(200, 'a rule name may have at most 200 characters'),
  match: z.string(),
  reply: z.string().max(2000, 'a reply may have at most 2000 characters').nullable().optional(),
  action: z.enum(RULE_ACTIONS).optional(),
  enabled: z.boolean().optional(),
  scope: z.union([z.literal('all'), z.array(z.string().min(1).max(200)).max(5000)]).optional(),
  dryRun: z.boolean().optional(),
})

/** The longest match expression a rule may have: far more than any rule a rep writes, well short of a stall. */
export const MAX_EXPRESSION_LENGTH = 20_000

export class RuleSetError extends Error {
  constructor(readonly problems: RuleProblem[]) {
    super(problems.map(describeProblem).join('\n'))
    this.name = 'RuleSetError'
  }
}

export function describeProblem(problem: RuleProblem): string {
  const where = problem.position ? `${problem.position.line}:${problem.position.column}: ` : ''
  return `${where}rule "${problem.rule}": ${problem.message}`
}

export function resolveRule(input: RuleInput): Rule {
  return {
    name: input.name.trim(),
    match: input.match,
    reply: input.reply ?? null,
    action: input.action ?? 'warn',
    enabled: input.enabled ?? true,
    scope: input.scope ?? 'all',
    dryRun: input.dryRun ?? false,
  }
}

export interface ParsedRule {
  rule: Rule
  expr: Expr
}

export interface ParsedRules {
  rules: ParsedRule[]
  problems: RuleProblem[]
}

/** Checks shape, names and expressions of every rule; returns the parsed rules only when there is no problem. */
export function parseRules(inputs: readonly unknown[]): ParsedRules {
  return runToEnd(parseRulesInSteps(inputs))
}

/** parseRules, pausable after each rule (staged.ts). */
export function* parseRulesInSteps(inputs: readonly unknown[]): Staged<ParsedRules> {
  const problems: RuleProblem[] = []
  const rules: ParsedRule[] = []
  const seen = new Set<string>()
  for (const [index, input] of inputs.entries()) {
    yield
    const written = (input as { name?: unknown } | null)?.name
    const fallbackName = typeof written === 'string' && written.trim() ? written.trim() : `#${index + 1}`
    const shape = ruleInputSchema.safeParse(input)
    if (!shape.success) {
      for (const issue of shape.error.issues) {
        const field = issue.path.join('.') || 'rule'
        const params = { field, reason: issue.message }
        problems.push({ rule: fallbackName, index, message: ruleErrorText('bad_field', params), code: 'bad_field', params })
      }
      continue
    }
    const rule = resolveRule(shape.data)
    if (seen.has(rule.name)) problems.push({ rule: rule.name, index, message: ruleErrorText('duplicate_name'), code: 'duplicate_name' })
    seen.add(rule.name)
    for (const [field, text, multiline] of [['name', rule.name, false], ['reply', rule.reply ?? '', true]] as const) {
      const unsafe = findUnsafeCharacter(text, multiline)
      if (unsafe) {
        const params = { field, char: unsafe.code }
        problems.push({ rule: rule.name, index, message: ruleErrorText('unsafe_character', params), code: 'unsafe_character', params })
      }
    }
    if (rule.match.length > MAX_EXPRESSION_LENGTH) {
      // Refused before parsing: a rule this long is a pasted word list, and parsing it would hold the app up.
      const params = { length: String(rule.match.length), max: String(MAX_EXPRESSION_LENGTH) }
      problems.push({ rule: rule.name, index, message: ruleErrorText('too_long', params), code: 'too_long', params })
      continue
    }
    try {
      rules.push({ rule, expr: parseExpression(rule.match) })
    } catch (error) {
      if (!(error instanceof RuleSyntaxError)) throw error
      problems.push({ rule: rule.name, index, message: error.message, code: error.code, params: error.params, position: error.position })
    }
  }
  return { rules: problems.length ? [] : rules, problems }
}

export function validateRules(inputs: readonly unknown[]): RuleProblem[] {
  return parseRules(inputs).problems
}
