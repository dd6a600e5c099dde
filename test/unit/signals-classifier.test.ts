import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import {
  NaiveBayes,
  confusionOf,
  corpusSplit,
  evaluate,
  featuresOf,
  ngramsOfCompact,
  starterCorpus,
  trainStarterModel,
  weighted,
} from '../../shared/signals/index.ts'

const ALERT_THRESHOLD = 0.8

describe('the starter corpus', () => {
  const corpus = starterCorpus()

  it('has at least 800 spam and 800 ham, no text twice', () => {
    expect(corpus.filter((m) => m.label === 'spam').length).toBeGreaterThanOrEqual(800)
    expect(corpus.filter((m) => m.label === 'ham').length).toBeGreaterThanOrEqual(800)
    expect(new Set(corpus.map((m) => `${m.label}\u0000${m.text}`)).size).toBe(corpus.length)
  })

  it('covers every kind of marketing the issue names, and hard ham', () => {
    const spamCategories = new Set(corpus.filter((m) => m.label === 'spam').map((m) => m.category))
    for (const category of ['poaching', 'daigou', 'jobs', 'loans', 'gambling', 'investment', 'prizes', 'counterfeits', 'health']) {
      expect(spamCategories).toContain(category)
    }
    const hard = corpus.filter((m) => m.label === 'ham' && m.category === 'hard')
    expect(hard.some((m) => m.text.includes('微信'))).toBe(true)
    expect(hard.some((m) => m.text.includes('客服'))).toBe(true)
  })

  it('holds out whole template families: no family is in both splits', () => {
    const train = new Set(corpusSplit('train').map((m) => m.family))
    const heldOut = new Set(corpusSplit('heldout').map((m) => m.family))
    expect(heldOut.size).toBeGreaterThanOrEqual(10)
    for (const family of heldOut) expect(train.has(family)).toBe(false)
  })

  it('is the same on every run', () => {
    expect(starterCorpus().slice(0, 3)).toEqual(corpus.slice(0, 3))
  })
})

describe('the starter model on the held-out families', () => {
  const model = trainStarterModel()
  const heldOut = corpusSplit('heldout')
  const figures = evaluate(
    confusionOf(heldOut.map((m) => ({ label: m.label, predicted: model.score(featuresOf(m.text)).spam >= ALERT_THRESHOLD ? 'spam' : 'ham' }))),
  )

  it('meets its floors at the default alert threshold', () => {
    expect(figures.precision).toBeGreaterThanOrEqual(0.95)
    expect(figures.recall).toBeGreaterThanOrEqual(0.95)
    expect(figures.f1).toBeGreaterThanOrEqual(0.95)
  })

  it('does better than guessing on hard ham (WeChat, adding, groups, customer service said innocently)', () => {
    const hard = heldOut.filter((m) => m.label === 'ham' && m.category === 'hard')
    const flagged = hard.filter((m) => model.score(featuresOf(m.text)).spam >= ALERT_THRESHOLD)
    expect(flagged.length / hard.length).toBeLessThan(0.2)
  })

  it('names the n-grams that weighed most towards spam', () => {
    const score = model.score(featuresOf('加我微信abc123，日结三百，宝妈兼职'))
    expect(score.spam).toBeGreaterThan(ALERT_THRESHOLD)
    expect(score.top.length).toBeGreaterThan(0)
    expect(score.top.every((gram, k) => k === 0 || gram.weight <= score.top[k - 1]!.weight)).toBe(true)
    expect(score.top.every((gram) => gram.weight > 0)).toBe(true)
  })

  it('reads through spacing, emoji and traditional characters (the compact text)', () => {
    const plain = model.score(featuresOf('免费领取奶粉，加微信')).spam
    expect(model.score(featuresOf('免 费 领 取 奶 粉 🎁 加 微 信')).spam).toBeCloseTo(plain, 6)
    expect(model.score(featuresOf('免費領取奶粉，加微信')).spam).toBeCloseTo(plain, 6)
  })
})

describe('learning', () => {
  it('a verdict moves the score of that message and its like in the right direction', () => {
    const model = trainStarterModel()
    const text = '团购的苹果到了，明天下午自提'
    const before = model.score(featuresOf(text)).spam
    model.learn(weighted(text, 'spam', 'verdict'))
    const afterSpam = model.score(featuresOf(text)).spam
    expect(afterSpam).toBeGreaterThan(before)
    expect(model.score(featuresOf('团购的橙子到了，明天下午自提')).spam).toBeGreaterThan(before)
    model.learn(weighted(text, 'ham', 'verdict'))
    model.learn(weighted(text, 'ham', 'verdict'))
    expect(model.score(featuresOf(text)).spam).toBeLessThan(afterSpam)
  })

  it('unlearning an example gives back the model it was before', () => {
    const model = trainStarterModel()
    const text = '这款纸尿裤在哪买的'
    const before = model.score(featuresOf(text)).spam
    model.learn(weighted(text, 'spam', 'verdict'))
    model.learn(weighted(text, 'spam', 'verdict', -1))
    expect(model.score(featuresOf(text)).spam).toBeCloseTo(before, 9)
  })

  it('survives its plain-data form unchanged', () => {
    const model = trainStarterModel()
    const copy = NaiveBayes.fromData(JSON.parse(JSON.stringify(model.toData())))
    for (const m of corpusSplit('heldout').slice(0, 50)) {
      expect(copy.score(featuresOf(m.text)).spam).toBe(model.score(featuresOf(m.text)).spam)
    }
  })

  it('an empty model scores everything undecided', () => {
    expect(new NaiveBayes().score(featuresOf('加微信')).spam).toBe(0.5)
  })

  it('scores any text in [0, 1] without throwing', () => {
    const model = trainStarterModel()
    fc.assert(
      fc.property(fc.string({ maxLength: 2000 }), (text) => {
        const { spam } = model.score(featuresOf(text))
        return spam >= 0 && spam <= 1
      }),
      { numRuns: 300 },
    )
  })
})

describe('n-grams', () => {
  it('are 1- to 3-grams of code points, also outside the BMP', () => {
    expect(ngramsOfCompact('加微信')).toEqual(['加', '微', '信', '加微', '微信', '加微信'])
    expect(ngramsOfCompact('𠀀好')).toEqual(['𠀀', '好', '𠀀好'])
  })
})
