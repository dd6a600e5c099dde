// Precision the rep can act on: a rule or signal is judged only from MIN_VERDICTS verdicts on (one verdict says
// nothing), and one below the threshold is flagged with a concrete suggestion.
import type { RuleAction } from '../rules/types.ts'
import { signalOfRule } from './decide.ts'

export const MIN_VERDICTS = 5

export interface PrecisionCounts {
  rule: string
  confirmed: number
  falsePositive: number
}

export type PrecisionSuggestion =
  /** A rule that warns or removes: let it only alert the rep until it is fixed. */
  | 'switch_to_alert'
  /** A rule that already only alerts: open it in the editor with its false positives in the tester. */
  | 'edit_rule'
  /** The classifier: raise its alert threshold. */
  | 'raise_spam_threshold'
  /** A behaviour signal: switch its alerts off or loosen its setting. */
  | 'tune_signal'

export interface PrecisionFlag {
  rule: string
  precision: number
  judged: number
  suggestion: PrecisionSuggestion
}

/** Precision once there are enough verdicts; null before. */
export function shownPrecision(counts: Pick<PrecisionCounts, 'confirmed' | 'falsePositive'>): number | null {
  const judged = counts.confirmed + counts.falsePositive
  return judged < MIN_VERDICTS ? null : counts.confirmed / judged
}

export function precisionFlags(
  counts: readonly PrecisionCounts[],
  actionOf: (rule: string) => RuleAction | null,
  threshold: number,
): PrecisionFlag[] {
  const flags: PrecisionFlag[] = []
  for (const entry of counts) {
    const precision = shownPrecision(entry)
    if (precision === null || precision >= threshold) continue
    const signal = signalOfRule(entry.rule)
    const action = actionOf(entry.rule)
    const suggestion: PrecisionSuggestion =
      signal === 'spam'
        ? 'raise_spam_threshold'
        : signal
          ? 'tune_signal'
          : action === 'warn' || action === 'remove'
            ? 'switch_to_alert'
            : 'edit_rule'
    flags.push({ rule: entry.rule, precision, judged: entry.confirmed + entry.falsePositive, suggestion })
  }
  return flags.sort((a, b) => a.precision - b.precision)
}
