// The engine's shortcuts must never change what matches: one scan over sounds for words too (checked letter for
// letter), the tally that lets most messages skip the kind detectors, and the pinyin reading's cached cuts.
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { compileRuleSet } from '../../shared/rules/index.ts'
import { detectTextKinds } from '../../shared/rules/kinds/index.ts'
import { findLinks } from '../../shared/rules/kinds/links.ts'
import { findPhones, isPhoneDigit } from '../../shared/rules/kinds/phones.ts'
import { KindTally, VIEW_PUNCTUATION } from '../../shared/rules/kinds/tally.ts'
import { DetectionView } from '../../shared/rules/kinds/view.ts'
import { findWechatIds } from '../../shared/rules/kinds/wechat-ids.ts'
import { CompactBuffer } from '../../shared/rules/normalize.ts'

const names = (rules: { name: string; match: string }[], text: string) => compileRuleSet(rules).match(text)

describe('words looked for under their sounds', () => {
  const rules = [
    { name: 'word', match: '微信' },
    { name: 'sounds', match: '~微信' },
    { name: 'homophone word', match: '威信' },
    { name: 'regex', match: '/加微.{0,3}信/' },
  ]

  it('match only where the text is exactly theirs', () => {
    expect(names(rules, '加我微信')).toEqual(['word', 'sounds'])
    expect(names(rules, '加我威信')).toEqual(['sounds', 'homophone word'])
    expect(names(rules, '加我薇信')).toEqual(['sounds'])
    expect(names(rules, '加威一下信')).toEqual([])
    expect(names(rules, '加微一下信')).toEqual(['regex'])
  })

  it('agree with a plain substring test on random text built from their own sounds', () => {
    const homophones = ['微', '威', '薇', '维', '信', '心', '新', '加', '家', '佳', '我', 'x', ' ']
    const words = ['微信', '威信', '加微', '家', '心新']
    const set = compileRuleSet(words.map((word) => ({ name: word, match: word })))
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...homophones), { maxLength: 24 }), (pieces) => {
        const text = pieces.join('')
        const compact = text.replace(/\s/gu, '')
        expect(set.match(text)).toEqual(words.filter((word) => compact.includes(word)))
      }),
      { numRuns: 500 },
    )
  })
})

describe('the tally that lets a message skip the kind detectors', () => {
  const view = new DetectionView()
  const buffer = new CompactBuffer()
  const tally = new KindTally()
  const LETTER = /[a-z0-9]/u
  const HINTS = new Set('信微泡号xhv')

  it('never counts fewer digits, letters or WeChat-word characters than the detectors would see, for any character', () => {
    const short: string[] = []
    for (let code = 0; code < 0x10000; code++) {
      const text = String.fromCharCode(code)
      const seen = view.of(text)
      buffer.fold(text, false)
      tally.count(text, buffer)
      if (tally.clusters > 0) continue
      const digit = isPhoneDigit(seen.charCodeAt(0)) ? 1 : 0
      const letter = LETTER.test(seen) ? 1 : 0
      const hint = HINTS.has(seen) ? 1 : 0
      if (tally.digits < digit || tally.letters < letter || tally.hints < hint) short.push(code.toString(16))
    }
    expect(short).toEqual([])
  })

  it('knows every character the detectors read as a full stop, a dash or an underscore', () => {
    for (const [mark, forms] of Object.entries(VIEW_PUNCTUATION)) {
      const read: string[] = []
      for (let code = 0; code < 0x10000; code++) if (view.of(String.fromCharCode(code)) === mark) read.push(String.fromCharCode(code))
      expect(read.sort()).toEqual([...forms].sort())
    }
  })

  it.each([
    ['微信abcdef', 'wechatIds'],
    ['vxa-_-0a', 'wechatIds'],
    ['v信：ｂ－＿－０ａ', 'wechatIds'],
    ['jd.cn', 'links'],
    ['13800138000', 'phones'],
    ['幺三八 零零幺三 八零零零', 'phones'],
  ] as const)('lets the shortest %j through', (text, kind) => {
    expect(detectTextKinds(text)[kind]).toHaveLength(1)
  })

  it('gives what the detectors find when they read every message', () => {
    const piece = fc.constantFrom('1', '3', '8', '一', '三', '八', '幺', '两', '①', '１', ' ', '-', '.', '．', '。', 'a', 'x', 'v', 'w', 'q', '微', '信', '号', ':', '：', 'taobao', 'com', '/', '好的', '\u0301', '😀')
    // Numbers around a phone number's length, in every way of writing a digit, some with separators.
    const digitForms = ['0123456789', '零一二三四五六七八九', '〇壹贰叁肆伍陆柒捌玖', '０１２３４５６７８９']
    const number = fc
      .tuple(fc.integer({ min: 9, max: 13 }), fc.integer({ min: 0, max: 3 }), fc.integer({ min: 3, max: 9 }), fc.array(fc.integer({ min: 0, max: 9 }), { minLength: 13, maxLength: 13 }), fc.constantFrom('', ' ', '-', '  '))
      .map(([length, form, second, rest, separator]) => {
        const digits = [1, second, ...rest].slice(0, length)
        return digits.map((digit, k) => (k === 3 || k === 7 ? separator : '') + digitForms[form]![digit]).join('')
      })
    // WeChat ids of about the shortest length, after a WeChat word.
    const id = fc
      .tuple(fc.constantFrom('vx', 'wx:', '微信', 'v信：', 'wechat '), fc.stringMatching(/^[a-z][a-z0-9_-]{4,6}$/u))
      .map(([word, handle]) => word + handle)
    const text = fc.array(fc.oneof({ arbitrary: piece, weight: 6 }, { arbitrary: number, weight: 1 }, { arbitrary: id, weight: 1 }), { maxLength: 30 })
    fc.assert(
      fc.property(text, (pieces) => {
        const text = pieces.join('')
        const seen = view.of(text)
        expect(detectTextKinds(text)).toEqual({ links: findLinks(seen), phones: findPhones(seen), wechatIds: findWechatIds(seen) })
      }),
      { numRuns: 2000 },
    )
  })
})

describe('pinyin typed in letters, read through cached cuts', () => {
  it('finds the same in a message however often its words were seen before', () => {
    const set = compileRuleSet([{ name: 'wx', match: '~加微信' }])
    const texts = ['jia weixin', 'jiaweixin ok', 'ok jia微xin', 'jiawei xiao', '加weixin', 'weixin', 'jia wei信']
    const expected = texts.map((text) => compileRuleSet([{ name: 'wx', match: '~加微信' }]).match(text))
    expect(expected.map((found) => found.length)).toEqual([1, 1, 1, 0, 1, 0, 1])
    for (let round = 0; round < 3; round++) expect(texts.map((text) => set.match(text))).toEqual(expected)
  })
})
