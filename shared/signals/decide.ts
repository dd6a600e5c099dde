// What the guard does with a message's signals. A signal that is not certain never warns in public: it raises one
// quiet alert for the rep; only a classifier score above the (off by default) rule threshold may count as a rule hit.
import type { Settings } from '../policy/settings.ts'
import type { RuleAction, SignalKind } from '../rules/types.ts'
import type { FloodFinding } from './behaviour/flood.ts'
import type { NewcomerFinding } from './behaviour/newcomer.ts'
import type { RepeatFinding } from './behaviour/repetition.ts'
import type { ScoredGram } from './naive-bayes.ts'

export type SignalSettings = Pick<
  Settings,
  | 'spamAlertThreshold'
  | 'spamRuleEnabled'
  | 'spamRuleThreshold'
  | 'spamAlerts'
  | 'repeatAlerts'
  | 'newcomerAlerts'
  | 'floodAlerts'
  | 'llmEnabled'
  | 'llmBandLow'
  | 'llmBandHigh'
>

export interface SignalFindings {
  /** The classifier's score and the n-grams that weighed most; null when there is no text to score. */
  spam: { score: number; top: ScoredGram[] } | null
  repeat: RepeatFinding | null
  newcomer: NewcomerFinding | null
  flood: FloodFinding | null
}

/** The name signal events are recorded under, so verdicts and precision work for them as for rules. */
export const SIGNAL_RULE_PREFIX = 'signal:'
export function signalRuleName(kind: SignalKind): string {
  return `${SIGNAL_RULE_PREFIX}${kind}`
}
export function signalOfRule(rule: string | null): SignalKind | null {
  if (!rule?.startsWith(SIGNAL_RULE_PREFIX)) return null
  const kind = rule.slice(SIGNAL_RULE_PREFIX.length)
  return kind === 'spam' || kind === 'repeat' || kind === 'newcomer' || kind === 'flood' ? kind : null
}

/** The kinds the rule engine is told the message has: `kind:spam` means a score at or above the alert threshold. */
export function signalKinds(findings: SignalFindings, settings: SignalSettings): SignalKind[] {
  const kinds: SignalKind[] = []
  if (findings.spam && findings.spam.score >= settings.spamAlertThreshold) kinds.push('spam')
  if (findings.repeat) kinds.push('repeat')
  if (findings.newcomer) kinds.push('newcomer')
  if (findings.flood) kinds.push('flood')
  return kinds
}

export interface SignalOffence {
  kind: SignalKind
  /** 'warn' only for a classifier score above the enabled rule threshold. */
  action: Extract<RuleAction, 'alert' | 'warn'>
}

/** The one offence a message's signals make when no rule matched it, strongest first; null for none. */
export function signalOffence(findings: SignalFindings, settings: SignalSettings): SignalOffence | null {
  const score = findings.spam?.score ?? 0
  if (settings.spamRuleEnabled && score >= settings.spamRuleThreshold) return { kind: 'spam', action: 'warn' }
  if (settings.spamAlerts && score >= settings.spamAlertThreshold) return { kind: 'spam', action: 'alert' }
  if (settings.repeatAlerts && findings.repeat) return { kind: 'repeat', action: 'alert' }
  if (settings.newcomerAlerts && findings.newcomer) return { kind: 'newcomer', action: 'alert' }
  if (settings.floodAlerts && findings.flood) return { kind: 'flood', action: 'alert' }
  return null
}

/** Whether the score is uncertain enough to ask the LLM (when it is switched on). */
export function wantsSecondOpinion(score: number | null, settings: SignalSettings): boolean {
  return settings.llmEnabled && score !== null && score >= settings.llmBandLow && score < settings.llmBandHigh
}

/** What the second opinion does: raise an alert where the score alone raised none, or lower one it raised. */
export function secondOpinionEffect(verdict: 'spam' | 'ham', alertRaised: boolean): 'raise' | 'lower' | 'none' {
  if (verdict === 'spam') return alertRaised ? 'none' : 'raise'
  return alertRaised ? 'lower' : 'none'
}
