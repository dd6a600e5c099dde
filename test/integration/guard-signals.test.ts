// The classifier in the guard: quiet alerts with the score and the n-grams, kind:spam as a rule term, the rule
// threshold, learning from clicks, the background retrain, the model in SQLite across restarts, reset.
import { afterEach, describe, expect, it } from 'vitest'
import { createHarness, type Harness } from './guard-harness.ts'

let h: Harness
afterEach(() => h?.close())

const SPAM = '宝妈兼职在家就能做，日结三百，私聊我'
const HAM = '宝宝三个月了，晚上老是醒，大家怎么哄睡的'

describe('the classifier in the guard', () => {
  it('raises a quiet alert with the score and top n-grams when no rule matched; nothing is said in the group', async () => {
    h = await createHarness()
    await h.send('alice', SPAM)
    await h.send('carol', HAM)
    await h.guard.flush()
    expect(h.chat.said).toEqual([])
    const [review, ...others] = h.store.events.openReviews()
    expect(others).toEqual([])
    expect(review).toMatchObject({ kind: 'alert', rule: 'signal:spam', hit: true, text: SPAM, memberId: 'alice' })
    expect(review!.detail.score as number).toBeGreaterThanOrEqual(0.8)
    expect((review!.detail.topGrams as { gram: string }[]).length).toBeGreaterThan(0)
    expect(review!.detail.sanction).toEqual({ kind: 'warn', strikeNumber: 1, limit: 2 })
    expect(h.chat.notes).toHaveLength(1)
    expect(h.chat.notes[0]).toContain('疑似营销')
  })

  it('a rule still comes first; signals only speak when no rule matched', async () => {
    h = await createHarness()
    await h.send('alice', `${SPAM} 加微信`)
    expect(h.store.events.list().map((event) => event.rule)).toEqual(['广告'])
  })

  it('one click on the review warns with the signal warning template, and teaches the classifier', async () => {
    h = await createHarness()
    const before = h.guard.signals.classifier.score(SPAM).spam
    await h.send('alice', SPAM)
    const [review] = h.store.events.openReviews()
    h.guard.resolveReview(review!.id, 'warn')
    await h.guard.flush()
    expect(h.chat.said.map((said) => said.text)).toEqual(['请勿在群内发布广告或引流信息，警告 1/2，超过将被移出群聊。'])
    expect(h.guard.signals.classifier.score(SPAM).spam).toBeGreaterThan(before)
  })

  it('kind:spam is a rule term the rep can combine with keywords', async () => {
    h = await createHarness({ rules: [{ name: '营销私聊', match: 'kind:spam & 私聊', action: 'warn' }] })
    await h.send('alice', SPAM)
    await h.send('carol', '私聊你了，你家宝宝的推车在哪买的')
    await h.guard.flush()
    expect(h.store.events.list().map((event) => [event.kind, event.rule, event.memberId])).toEqual([['warning', '营销私聊', 'alice']])
  })

  it('the rule threshold, when switched on, warns in public like a rule', async () => {
    h = await createHarness({ settings: { spamRuleEnabled: true, spamRuleThreshold: 0.9 } })
    const text = '招宝妈兼职，在家手机操作，日结三百，不收押金，加我微信'
    expect(h.guard.signals.classifier.score(text).spam).toBeGreaterThanOrEqual(0.9)
    await h.send('carol', text.replace('加我微信', '私聊'))
    await h.guard.flush()
    expect(h.store.events.list().map((event) => [event.kind, event.rule])).toEqual([['warning', 'signal:spam']])
    expect(h.chat.said).toHaveLength(1)
  })

  it('a false-positive verdict lowers the score of that message; taking the verdict back restores it', async () => {
    h = await createHarness()
    await h.send('alice', SPAM)
    const [review] = h.store.events.openReviews()
    const before = h.guard.signals.classifier.score(SPAM).spam
    expect(h.guard.setVerdict(review!.id, 'false_positive')).toBe(true)
    const lowered = h.guard.signals.classifier.score(SPAM).spam
    expect(lowered).toBeLessThan(before)
    h.guard.setVerdict(review!.id, null)
    expect(h.guard.signals.classifier.score(SPAM).spam).toBeCloseTo(before, 9)
  })

  it('keeps the model in SQLite: a restart scores as before, with the same version', async () => {
    h = await createHarness()
    await h.send('alice', SPAM)
    h.guard.setVerdict(h.store.events.openReviews()[0]!.id, 'false_positive')
    const status = h.guard.signals.classifier.status()
    const score = h.guard.signals.classifier.score(SPAM).spam
    h.restart()
    expect(h.guard.signals.classifier.status()).toMatchObject({ version: status.version, verdictsSinceRetrain: 1 })
    expect(h.guard.signals.classifier.score(SPAM).spam).toBe(score)
  })

  it('retrains in the background after N verdicts, keeping a verdict given meanwhile; reset goes back to the starter model', async () => {
    h = await createHarness({ settings: { retrainAfterVerdicts: 2 } })
    await h.send('alice', SPAM)
    await h.send('carol', '在家做手工赚钱，先交材料费')
    await h.send('bob', '拼单买纸尿裤的私聊我，一箱便宜二十')
    const [first, second, third] = h.store.events.openReviews()
    expect(third).toBeDefined()
    h.guard.setVerdict(first!.id, 'confirmed')
    h.guard.setVerdict(second!.id, 'false_positive')
    expect(h.guard.signals.classifier.status().retraining).toBe(true)
    h.guard.setVerdict(third!.id, 'false_positive')
    const meanwhile = h.guard.signals.classifier.score(third!.text!).spam
    await h.guard.signals.idle()
    const retrained = h.guard.signals.classifier.status()
    expect(retrained).toMatchObject({ version: 2, source: 'retrained', retraining: false, verdictsSinceRetrain: 0 })
    // The retrained model learned the verdict given during the retrain too: it scores that text as low as before or lower.
    expect(h.guard.signals.classifier.score(third!.text!).spam).toBeLessThanOrEqual(meanwhile + 1e-9)
    expect(h.store.signals.model()!.version).toBe(2)

    const reset = h.guard.signals.classifier.reset()
    expect(reset).toMatchObject({ version: 3, source: 'starter' })
    expect(h.store.signals.model()!.source).toBe('starter')
  })

  it('records a failed retrain for the rep and keeps the model in use', async () => {
    const { createGuard } = await import('../../electron/guard/index.ts')
    h = await createHarness({ settings: { retrainAfterVerdicts: 1 } })
    h.guard = createGuard({
      store: h.store,
      chat: h.chat,
      clock: h.now,
      signals: { runRetrain: async () => Promise.reject(new Error('out of memory')) },
    })
    await h.send('alice', SPAM)
    h.guard.setVerdict(h.store.events.openReviews()[0]!.id, 'confirmed')
    await h.guard.signals.idle()
    expect(h.store.events.list({ kind: 'signal_failed' }).map((event) => event.detail)).toEqual([
      { code: 'retrain_failed', params: { reason: 'out of memory' }, alsoFailed: 0 },
    ])
    expect(h.guard.signals.classifier.status()).toMatchObject({ version: 1, source: 'starter' })
  })
})
