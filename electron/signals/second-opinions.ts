// When and how the LLM is asked. Off by default; only for scores in the uncertain band; within the daily budget; one
// call at a time per message, never awaited by the message loop. The answer only raises a quiet alert the score did
// not raise, or lowers (closes, with the reason) one it did: it never warns by itself.
import { secondOpinionEffect, signalRuleName, wantsSecondOpinion, type SignalFindings } from '../../shared/signals/decide.ts'
import type { Store } from '../store/index.ts'
import type { FailureLog } from './failure-log.ts'
import { recordSignalOffence, type SignalSubject } from './record-signal.ts'
import { askSecondOpinion, SecondOpinionError } from './second-opinion-client.ts'

export interface SecondOpinionOptions {
  store: Store
  clock: () => number
  apiKey: () => string | null
  failures: FailureLog
}

/** The rep's local calendar day: the budget is per day as they live it. */
export function localDay(at: number): string {
  const date = new Date(at)
  return `${date.getFullYear()}-${String(date.getMonth() + 1).padStart(2, '0')}-${String(date.getDate()).padStart(2, '0')}`
}

export function createSecondOpinions({ store, clock, apiKey, failures }: SecondOpinionOptions) {
  const inFlight = new Set<Promise<void>>()

  async function ask(subject: SignalSubject, findings: SignalFindings, alertId: number | null): Promise<void> {
    const settings = store.settings.all()
    let opinion
    try {
      opinion = await askSecondOpinion({
        baseUrl: settings.llmBaseUrl,
        model: settings.llmModel,
        apiKey: apiKey(),
        timeoutMs: settings.llmTimeoutSeconds * 1000,
        text: subject.message.text,
      })
    } catch (error) {
      if (error instanceof SecondOpinionError) failures.record(`llm_${error.code}`, error.params)
      else failures.record('llm_unreachable', { host: '' })
      return
    }
    const answer = { verdict: opinion.verdict, reason: opinion.reason }
    const now = clock()
    store.transaction(() => {
      const alert = alertId === null ? null : store.events.get(alertId)
      const effect = secondOpinionEffect(opinion.verdict, alert?.review === 'open')
      if (effect === 'raise' && alertId === null) {
        const raised = { score: findings.spam?.score ?? 0, top: findings.spam?.top ?? [] }
        const id = recordSignalOffence(store, subject, { ...findings, spam: raised }, { kind: 'spam', action: 'alert' }, now)
        if (id !== null) store.events.annotate(id, { secondOpinion: answer, raisedBy: 'llm' })
      } else if (alert) {
        store.events.annotate(alert.id, { secondOpinion: answer, ...(effect === 'lower' ? { loweredBy: 'llm' } : {}) })
        if (effect === 'lower') store.events.resolveReview(alert.id, 'dismissed')
      }
    })
  }

  return {
    consider(subject: SignalSubject, findings: SignalFindings, alertId: number | null): void {
      const settings = store.settings.all()
      if (!wantsSecondOpinion(findings.spam?.score ?? null, settings)) return
      // An alert raised by another signal (a flood, say) is not the classifier's to lower.
      if (alertId !== null && store.events.get(alertId)?.rule !== signalRuleName('spam')) return
      if (!store.signals.takeLlmCall(localDay(clock()), settings.llmDailyBudget)) {
        failures.record('llm_budget_spent', { budget: String(settings.llmDailyBudget) })
        return
      }
      const call = ask(subject, findings, alertId).finally(() => inFlight.delete(call))
      inFlight.add(call)
    },
    async idle(): Promise<void> {
      while (inFlight.size) await Promise.all(inFlight)
    },
  }
}
