// The rule language: one import for the main process, the window and the command line.
export * from './types.ts'
export { normalizeText, compactText, type NormalizedText } from './normalize.ts'
export { soundsOf } from './sounds.ts'
export { parseExpression, termsOf, RuleSyntaxError, type Expr, type Term } from './parse.ts'
export { compileRuleSet, compileRuleSetInSteps, CompiledRuleSet } from './compile.ts'
export { runInSlices, runToEnd, type Slicer, type Staged } from './staged.ts'
export { parseRules, parseRulesInSteps, validateRules, resolveRule, describeProblem, ruleInputSchema, RuleSetError } from './ruleset.ts'
export { ruleErrorText, type RuleErrorCode, type RuleErrorLanguage, type RuleErrorParams } from './messages.ts'
