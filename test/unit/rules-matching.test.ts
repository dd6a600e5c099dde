import { describe, expect, it } from 'vitest'
import { compileRuleSet, compactText, normalizeText, soundsOf } from '../../shared/rules/index.ts'

const set = (match: string) => compileRuleSet([{ name: 'r', match }])

describe('compact text', () => {
  it.each([
    ['赌 博', '赌博'],
    ['賭博', '赌博'],
    ['赌🎲博', '赌博'],
    ['FREE   gift!', 'freegift'],
    ['Ｃａｓｉｎｏ', 'casino'],
    ['微\u200b信', '微信'],
    ['加我→微信：abc_123', '加我微信abc123'],
    ['𝐕𝐗 ①②', 'vx12'],
    ['Cafe\u0301', 'café'],
    ['後臺', '后台'],
  ])('%j -> %j', (text, compact) => {
    expect(compactText(text)).toBe(compact)
  })

  it('maps every compact character back to the original text', () => {
    const text = 'Ｈｉ 賭\u200b博🎲!'
    const { compact, starts, ends } = normalizeText(text)
    expect(compact).toBe('hi赌博')
    const back = [...compact].map((_, k) => text.slice(starts[k], ends[k]))
    expect(back).toEqual(['Ｈ', 'ｉ', '賭', '博'])
  })
})

describe('the evasions it defeats', () => {
  it.each([
    ['赌博', ['赌 博', '賭博', '赌🎲博', '赌.博', '赌\u200d博']],
    ['"free gift"', ['FREE   gift', 'Free-Gift']],
    ['CASINO', ['Ｃａｓｉｎｏ', 'casino', 'C A S I N O']],
    ['~微信', ['薇信', '威信', '微信', '加我 威 信']],
  ])('%s catches %j', (match, texts) => {
    const compiled = set(match)
    for (const text of texts) expect(compiled.match(text), text).toEqual(['r'])
  })

  it('sounds-like keeps non-Chinese letters as themselves', () => {
    expect(set('~微信').match('加v信')).toEqual([])
    expect(set('~微信').match('加我微')).toEqual([])
    expect(set('~v信').match('V心')).toEqual(['r'])
  })

  it('sounds-like needs the syllables consecutively', () => {
    expect(set('~微信').match('微笑信任')).toEqual([])
  })

  it('sound strings have one code per compact character', () => {
    expect(soundsOf('薇信').length).toBe(2)
    expect(soundsOf('薇信')).toBe(soundsOf('微信'))
    expect(soundsOf('v信')).not.toBe(soundsOf('微信'))
  })
})

describe('explain', () => {
  it('reports the terms that matched as spans of the original text, and the compact text', () => {
    const compiled = compileRuleSet([
      { name: 'gamble', match: '赌博 | casino' },
      { name: 'contact', match: '加 ~微信 - 客服' },
      { name: 'phone', match: '/1[3-9]\\d{9}/' },
    ])
    const text = '加我 薇 信！賭 博 138-1234-5678'
    const explanation = compiled.explain(text)
    expect(explanation.compact).toBe('加我薇信赌博13812345678')
    const spans = Object.fromEntries(
      explanation.matched.map((m) => [m.name, m.hits.map((h) => [h.term, text.slice(h.start, h.end)])]),
    )
    expect(spans).toEqual({
      gamble: [['赌博', '賭 博']],
      contact: [
        ['加', '加'],
        ['~微信', '薇 信'],
      ],
      phone: [['/1[3-9]\\d{9}/', '138-1234-5678']],
    })
  })

  it('lists every occurrence and leaves out excluded terms', () => {
    const compiled = compileRuleSet([{ name: 'r', match: '微信 | !客服 & 电话' }])
    const text = '微信、电话，还是微信'
    const [match] = compiled.explain(text).matched
    expect(match!.hits.map((h) => text.slice(h.start, h.end))).toEqual(['微信', '电话', '微信'])
  })

  it('explains no match with an empty list', () => {
    expect(set('微信').explain('你好').matched).toEqual([])
  })
})
