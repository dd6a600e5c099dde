// What the window's signals card shows: the classifier's state, the precision flags, today's LLM calls.
import type { SignalsView } from '../../shared/api/types.ts'
import { precisionFlags } from '../../shared/signals/precision-flags.ts'
import type { Guard } from '../guard/index.ts'
import { localDay } from '../signals/second-opinions.ts'
import type { Store } from '../store/index.ts'

export function signalsView(store: Store, guard: Guard, now: number): SignalsView {
  const { version, trainedAt, source, verdictsSinceRetrain, vocabulary, retraining } = guard.signals.classifier.status()
  const actions = new Map(store.rules.list().map((rule) => [rule.name, rule.action]))
  return {
    model: { version, trainedAt, source, verdictsSinceRetrain, vocabulary, retraining },
    precisionFlags: precisionFlags(guard.rulePrecision(), (rule) => actions.get(rule) ?? null, store.settings.get('precisionFlagBelow')),
    llmCallsToday: store.signals.llmCalls(localDay(now)),
  }
}
