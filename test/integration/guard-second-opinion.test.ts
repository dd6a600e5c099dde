// The optional LLM second opinion, against a local fake of the chat-completions protocol: it only raises or lowers
// quiet alerts, never blocks the message loop, keeps to its budget and timeout, and records every failure.
import { afterEach, describe, expect, it, vi } from 'vitest'
import { createGuard } from '../../electron/guard/index.ts'
import { createHarness, type Harness } from './guard-harness.ts'
import { startFakeCompletions, type FakeCompletions } from './fake-chat-completions.ts'

let h: Harness
let fake: FakeCompletions
afterEach(async () => {
  h?.close()
  await fake?.close()
})

const SPAM = '宝妈兼职在家就能做，日结三百，私聊我'
const HAM = '宝宝三个月了，晚上老是醒，大家怎么哄睡的'

/** A guard whose LLM is the fake, with a band wide enough that every message is "uncertain". */
async function setUp(settings: Record<string, unknown> = {}) {
  fake = await startFakeCompletions()
  h = await createHarness({
    settings: { llmEnabled: true, llmBaseUrl: fake.baseUrl, llmModel: 'qwen-test', llmBandLow: 0, llmBandHigh: 1, ...settings },
  })
  h.guard = createGuard({ store: h.store, chat: h.chat, clock: h.now, signals: { llmApiKey: () => 'sk-test-secret-1234' } })
}

describe('the LLM second opinion', () => {
  it('is not asked when switched off (the default)', async () => {
    fake = await startFakeCompletions()
    h = await createHarness({ settings: { llmBaseUrl: fake.baseUrl, llmModel: 'm', llmBandLow: 0, llmBandHigh: 1 } })
    await h.send('alice', HAM)
    await h.guard.signals.idle()
    expect(fake.requests).toEqual([])
  })

  it('sends the fixed prompt with the model and key; a spam verdict raises a quiet alert the score did not', async () => {
    await setUp({ spamAlertThreshold: 0.99 })
    fake.answer = { content: '{"verdict":"spam","reason":"以育儿为名引流"}' }
    await h.send('carol', HAM)
    await h.guard.signals.idle()
    expect(fake.requests).toHaveLength(1)
    const [request] = fake.requests
    expect(request!.path).toBe('/v1/chat/completions')
    expect(request!.authorization).toBe('Bearer sk-test-secret-1234')
    expect(request!.body.model).toBe('qwen-test')
    expect(request!.body.messages.at(-1)!.content).toContain(HAM)
    const [review] = h.store.events.openReviews()
    expect(review).toMatchObject({ kind: 'alert', rule: 'signal:spam', memberId: 'carol' })
    expect(review!.detail).toMatchObject({ raisedBy: 'llm', secondOpinion: { verdict: 'spam', reason: '以育儿为名引流' } })
    expect(h.chat.said).toEqual([])
  })

  it('a ham verdict lowers the alert the score raised: closed, with the reason', async () => {
    await setUp()
    fake.answer = { content: '{"verdict":"ham","reason":"普通拼单"}' }
    await h.send('alice', SPAM)
    await h.guard.signals.idle()
    expect(h.store.events.openReviews()).toEqual([])
    const [alert] = h.store.events.list({ kind: 'alert' })
    expect(alert).toMatchObject({ review: 'dismissed', detail: { loweredBy: 'llm', secondOpinion: { verdict: 'ham', reason: '普通拼单' } } })
    // Lowering is not the rep's click: it does not teach the classifier.
    expect(h.guard.signals.classifier.status().verdictsSinceRetrain).toBe(0)
  })

  it('never holds up the message loop: the message is judged while the LLM has not answered', async () => {
    await setUp({ spamAlertThreshold: 0.99 })
    fake.answer = { content: '{"verdict":"spam","reason":"引流"}' }
    fake.hold()
    await h.send('carol', HAM)
    await h.send('bob', '好的，谢谢')
    // Both messages were judged and stored while the first question is still unanswered.
    expect(h.store.messages.recent('g1', 10).map((message) => message.senderId).sort()).toEqual(['bob', 'carol'])
    await vi.waitFor(() => expect(fake.requests).toHaveLength(2))
    expect(h.store.events.openReviews()).toEqual([])
    fake.release()
    await h.guard.signals.idle()
    expect(h.store.events.openReviews()).toHaveLength(2)
  })

  it('gives up after the timeout and records it once for the rep', async () => {
    await setUp({ llmTimeoutSeconds: 1 })
    fake.answer = { hang: true }
    await h.send('carol', HAM)
    await h.send('bob', '好的，谢谢')
    await h.guard.signals.idle()
    const failures = h.store.events.list({ kind: 'signal_failed' })
    expect(failures.map((event) => event.detail)).toEqual([{ code: 'llm_timeout', params: { seconds: '1' }, alsoFailed: 0 }])
  })

  it('records an HTTP error, an unreadable answer and an unreachable endpoint with their codes, never the key', async () => {
    await setUp()
    fake.answer = { status: 500 }
    await h.send('carol', HAM)
    await h.guard.signals.idle()
    fake.answer = { raw: '{"choices":[{"message":{"content":"我觉得是广告"}}]}' }
    await h.send('bob', HAM)
    await h.guard.signals.idle()
    h.store.settings.update({ llmBaseUrl: 'http://127.0.0.1:1/v1' })
    await h.send('alice', HAM)
    await h.guard.signals.idle()
    const failures = h.store.events.list({ kind: 'signal_failed' }).reverse()
    expect(failures.map((event) => event.detail.code)).toEqual(['llm_http_status', 'llm_bad_answer', 'llm_unreachable'])
    expect(failures[0]!.detail.params).toEqual({ status: '500' })
    expect(JSON.stringify(h.store.events.list())).not.toContain('sk-test-secret')
    // No verdict, no change: nothing raised, nothing lowered.
    expect(h.store.events.openReviews()).toEqual([])
  })

  it('keeps to the daily budget, and says when it is spent', async () => {
    await setUp({ llmDailyBudget: 2 })
    for (const sender of ['alice', 'bob', 'carol']) await h.send(sender, HAM)
    await h.guard.signals.idle()
    expect(fake.requests).toHaveLength(2)
    expect(h.store.events.list({ kind: 'signal_failed' }).map((event) => event.detail.code)).toEqual(['llm_budget_spent'])
  })
})
