// The contract suite, signals: a quiet alert from the classifier through either door, the classifier's state,
// retrain and reset, precision flags from five verdicts on, and the LLM key kept like every secret.
import { describe, expect, it } from 'vitest'
import type { ApiEnv } from './api-harness.ts'

const SPAM = '宝妈兼职在家就能做，日结三百，私聊我'

export function signalsTests(env: () => ApiEnv): void {
  describe('signals', () => {
    it('shows a classifier alert in the review list; verdicts count, retrain and reset move the model version', async () => {
      const { api, events } = env()
      const from = events.mark()
      const messageId = await env().say('shop', '小王', SPAM)
      const alert = await events.feed({ messageId, kind: 'alert' }, from)
      expect(alert).toMatchObject({ rule: 'signal:spam', review: 'open' })
      expect(alert.detail.score as number).toBeGreaterThanOrEqual(0.8)
      expect((await api.listReviews({})).map((review) => review.id)).toContain(alert.id)

      const before = await api.getSignals({})
      expect(before.model).toMatchObject({ version: 1, source: 'starter', verdictsSinceRetrain: 0, retraining: false })
      await api.setVerdict({ eventId: alert.id, verdict: 'false_positive' })
      expect((await api.getSignals({})).model.verdictsSinceRetrain).toBe(1)

      const retrained = await api.retrainClassifier({})
      expect(retrained.model).toMatchObject({ version: 2, source: 'retrained', verdictsSinceRetrain: 0 })
      const reset = await api.resetClassifier({})
      expect(reset.model).toMatchObject({ version: 3, source: 'starter' })
    })

    it('flags a rule from five verdicts on, not before, with a suggestion', async () => {
      const { api, events } = env()
      const from = events.mark()
      const hits = []
      // Two warnings each at most, so that all five are warnings (the third offence would be a removal).
      for (const [k, member] of ['小王', '小王', '小李', '小李', '老张'].entries()) {
        const messageId = await env().say('shop', member, `代购${k}号`)
        hits.push(await events.feed({ messageId, kind: 'warning' }, from))
      }
      for (const hit of hits.slice(0, 4)) await api.setVerdict({ eventId: hit.id, verdict: 'false_positive' })
      expect((await api.getSignals({})).precisionFlags).toEqual([])
      await api.setVerdict({ eventId: hits[4]!.id, verdict: 'confirmed' })
      expect((await api.getSignals({})).precisionFlags).toEqual([{ rule: '广告', precision: 0.2, judged: 5, suggestion: 'switch_to_alert' }])
    })

    it('keeps the LLM key write-only', async () => {
      const { api } = env()
      const view = await api.setSecret({ name: 'llmApiKey', value: 'sk-live-abcdef123456' })
      expect(view.secrets.llmApiKey).toEqual({ set: true, hint: '…3456' })
      expect(JSON.stringify(await api.getSettings({}))).not.toContain('sk-live')
    })
  })
}
