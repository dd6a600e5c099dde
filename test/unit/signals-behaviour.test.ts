import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import {
  FloodTracker,
  JoinBurstTracker,
  RepetitionTracker,
  newcomerFinding,
  precisionFlags,
  secondOpinionEffect,
  shownPrecision,
  signalKinds,
  signalOffence,
  signatureOf,
  similarity,
  wantsSecondOpinion,
  type SignalFindings,
} from '../../shared/signals/index.ts'
import type { MessageKind } from '../../shared/rules/types.ts'
import { compactText } from '../../shared/rules/normalize.ts'
import { DEFAULT_SETTINGS } from '../../shared/policy/settings.ts'

const MINUTE = 60_000
const repeatSettings = { windowMs: 60 * MINUTE, minGroups: 3, farmMembers: 3, minSimilarity: 0.6 }
const AD = '宝妈兼职在家做手工，日结三百，加我微信abc8866详聊'

function post(text: string, groupId: string, memberKey: string, at: number, recentJoiner = false) {
  return { signature: signatureOf(text, 8)!, groupId, memberKey, at, recentJoiner }
}

describe('near-duplicate signatures', () => {
  it('rate a lightly edited text as similar and a different one as not', () => {
    const a = signatureOf(AD, 8)!
    expect(similarity(a, signatureOf('宝妈兼职在家做手工，日结三百！！加我微信abc8866', 8)!)).toBeGreaterThan(0.6)
    expect(similarity(a, signatureOf('宝宝今天发烧了，要去医院吗，好担心', 8)!)).toBeLessThan(0.2)
  })

  it('skip texts too short to say anything', () => {
    expect(signatureOf('好的', 8)).toBeNull()
  })
})

describe('repetition', () => {
  it('one member posting nearly the same text in three groups within the window', () => {
    const tracker = new RepetitionTracker()
    expect(tracker.record(post(AD, 'g1', 'm1', 0), repeatSettings)).toBeNull()
    expect(tracker.record(post(`${AD}！`, 'g2', 'm1', MINUTE), repeatSettings)).toBeNull()
    expect(tracker.record(post(`🔥${AD}`, 'g3', 'm1', 2 * MINUTE), repeatSettings)).toEqual({ reason: 'same_member', groups: 3 })
  })

  it('forgets posts older than the window', () => {
    const tracker = new RepetitionTracker()
    tracker.record(post(AD, 'g1', 'm1', 0), repeatSettings)
    tracker.record(post(AD, 'g2', 'm1', MINUTE), repeatSettings)
    expect(tracker.record(post(AD, 'g3', 'm1', 90 * MINUTE), repeatSettings)).toBeNull()
  })

  it('the same text in one group many times is not cross-group repetition', () => {
    const tracker = new RepetitionTracker()
    for (let k = 0; k < 5; k++) expect(tracker.record(post(AD, 'g1', 'm1', k), repeatSettings)).toBeNull()
  })

  it('several recently joined members posting it: a bot farm; old members saying it are not', () => {
    const tracker = new RepetitionTracker()
    expect(tracker.record(post(AD, 'g1', 'a', 0, true), repeatSettings)).toBeNull()
    expect(tracker.record(post(AD, 'g1', 'old', 1, false), repeatSettings)).toBeNull()
    expect(tracker.record(post(AD, 'g2', 'b', 2, true), repeatSettings)).toBeNull()
    expect(tracker.record(post(AD, 'g1', 'c', 3, true), repeatSettings)).toEqual({ reason: 'bot_farm', members: 3 })
  })

  it('stays fast on a flood of one text (bounded per band)', () => {
    const tracker = new RepetitionTracker()
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.string({ minLength: 8, maxLength: 60 }), fc.integer({ min: 0, max: 5 })), { maxLength: 300 }), (posts) => {
        let at = 0
        for (const [text, group] of posts) {
          const signature = signatureOf(text, 8)
          if (signature) tracker.record({ signature, groupId: `g${group}`, memberKey: 'm', at: (at += 1000), recentJoiner: true }, repeatSettings)
        }
      }),
      { numRuns: 50 },
    )
  })
})

describe('floods', () => {
  it('more than N a minute from one member in one group, once per flood', () => {
    const tracker = new FloodTracker()
    const results = Array.from({ length: 14 }, (_, k) => tracker.record('g1', 'm1', k * 1000, 10))
    expect(results.slice(0, 10).every((result) => result === null)).toBe(true)
    expect(results[10]).toEqual({ perMinute: 11 })
    expect(results.slice(11).every((result) => result === null)).toBe(true)
    expect(tracker.record('g1', 'm2', 11_000, 10)).toBeNull()
    expect(tracker.record('g1', 'm1', 200_000, 10)).toBeNull()
    // Slowed down, then flooding again: a new flood, reported again.
    const again = Array.from({ length: 11 }, (_, k) => tracker.record('g1', 'm1', 300_000 + k * 1000, 10))
    expect(again[10]).toEqual({ perMinute: 11 })
  })
})

describe('newcomers', () => {
  const settings = { newcomerMs: 24 * 60 * MINUTE, fastPostMs: 30_000 }
  const base: { joinedAt: number; at: number; kinds: MessageKind[] } = { joinedAt: 0, at: 10 * MINUTE, kinds: ['text'] }
  const check = (text: string, extra: Partial<typeof base> = {}) =>
    newcomerFinding({ ...base, ...extra, kinds: extra.kinds ?? base.kinds, text, compact: compactText(text) }, settings)

  it('a new member posting a phone number, a WeChat id, a link or a card', () => {
    expect(check('有事打 138 1234 5678')).toEqual({ reason: 'contact', what: 'phone' })
    expect(check('加我 V X ：abc_8866')).toEqual({ reason: 'contact', what: 'wechat_id' })
    expect(check('看这里 https://example.cn/a')).toEqual({ reason: 'contact', what: 'link' })
    expect(check('[名片]', { kinds: ['card'] })).toEqual({ reason: 'contact', what: 'card' })
  })

  it('posting within seconds of joining', () => {
    expect(check('大家好', { at: 5000 })).toEqual({ reason: 'fast_post', seconds: 5 })
  })

  it('nothing for an ordinary message, an old member, or an unknown join time', () => {
    expect(check('大家好，宝宝三个月了')).toBeNull()
    expect(check('有事打13812345678', { at: 25 * 60 * MINUTE })).toBeNull()
    expect(check('有事打13812345678', { joinedAt: null as unknown as number })).toBeNull()
  })

  it('one alert when an inviter brings in a burst of members', () => {
    const tracker = new JoinBurstTracker()
    const burst = { windowMs: 10 * MINUTE, minJoins: 5 }
    expect(tracker.record({ groupId: 'g', inviterId: 'x', members: 3, at: 0 }, burst)).toBeNull()
    expect(tracker.record({ groupId: 'g', inviterId: 'x', members: 2, at: MINUTE }, burst)).toEqual({ reason: 'join_burst', joins: 5, inviterId: 'x' })
    expect(tracker.record({ groupId: 'g', inviterId: 'x', members: 1, at: 2 * MINUTE }, burst)).toBeNull()
    expect(tracker.record({ groupId: 'g', inviterId: 'y', members: 4, at: 2 * MINUTE }, burst)).toBeNull()
  })
})

describe('signal decisions', () => {
  const none: SignalFindings = { spam: { score: 0.1, top: [] }, repeat: null, newcomer: null, flood: null }

  it('the kinds the rules see, whether or not alerts are on', () => {
    const settings = { ...DEFAULT_SETTINGS, spamAlerts: false }
    expect(signalKinds({ ...none, spam: { score: 0.85, top: [] }, flood: { perMinute: 12 } }, settings)).toEqual(['spam', 'flood'])
    expect(signalKinds(none, settings)).toEqual([])
  })

  it('uncertain signals only alert; a score above the rule threshold warns only when switched on', () => {
    const high = { ...none, spam: { score: 0.99, top: [] } }
    expect(signalOffence(high, DEFAULT_SETTINGS)).toEqual({ kind: 'spam', action: 'alert' })
    expect(signalOffence(high, { ...DEFAULT_SETTINGS, spamRuleEnabled: true })).toEqual({ kind: 'spam', action: 'warn' })
    expect(signalOffence({ ...none, repeat: { reason: 'same_member', groups: 3 } }, DEFAULT_SETTINGS)).toEqual({ kind: 'repeat', action: 'alert' })
    expect(signalOffence({ ...none, flood: { perMinute: 11 } }, { ...DEFAULT_SETTINGS, floodAlerts: false })).toBeNull()
    expect(signalOffence(none, DEFAULT_SETTINGS)).toBeNull()
  })

  it('asks the LLM only inside the band and only when switched on', () => {
    const on = { ...DEFAULT_SETTINGS, llmEnabled: true }
    expect(wantsSecondOpinion(0.6, DEFAULT_SETTINGS)).toBe(false)
    expect(wantsSecondOpinion(0.6, on)).toBe(true)
    expect(wantsSecondOpinion(0.95, on)).toBe(false)
    expect(wantsSecondOpinion(0.2, on)).toBe(false)
    expect(secondOpinionEffect('spam', false)).toBe('raise')
    expect(secondOpinionEffect('ham', true)).toBe('lower')
    expect(secondOpinionEffect('ham', false)).toBe('none')
  })
})

describe('precision flags', () => {
  it('no precision before five verdicts', () => {
    expect(shownPrecision({ confirmed: 0, falsePositive: 4 })).toBeNull()
    expect(shownPrecision({ confirmed: 1, falsePositive: 4 })).toBe(0.2)
  })

  it('flags rules and signals below the threshold with a concrete suggestion', () => {
    const actions: Record<string, 'warn' | 'alert'> = { 加微信: 'warn', 价格: 'alert' }
    const flags = precisionFlags(
      [
        { rule: '加微信', confirmed: 2, falsePositive: 3 },
        { rule: '价格', confirmed: 1, falsePositive: 5 },
        { rule: 'signal:spam', confirmed: 3, falsePositive: 3 },
        { rule: 'signal:flood', confirmed: 0, falsePositive: 5 },
        { rule: '好规则', confirmed: 9, falsePositive: 1 },
        { rule: '新规则', confirmed: 0, falsePositive: 2 },
      ],
      (rule) => actions[rule] ?? null,
      0.7,
    )
    expect(flags.map((flag) => [flag.rule, flag.suggestion])).toEqual([
      ['signal:flood', 'tune_signal'],
      ['价格', 'edit_rule'],
      ['加微信', 'switch_to_alert'],
      ['signal:spam', 'raise_spam_threshold'],
    ])
  })
})
