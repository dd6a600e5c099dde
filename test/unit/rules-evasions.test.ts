// Evasions: pinyin typed in Latin letters for sounds-like terms, and look-alike characters.
import { describe, expect, it } from 'vitest'
import { compactText, compileRuleSet } from '../../shared/rules/index.ts'
import CONFUSABLES from 'unhomoglyph/data.json' with { type: 'json' }
import { LATIN_CONFUSABLES } from '../../shared/rules/data/confusables.ts'
import { HAN_LOOK_ALIKES } from '../../shared/rules/data/han-look-alikes.ts'

const set = (match: string) => compileRuleSet([{ name: 'r', match }])
const hits = (match: string, text: string) => set(match).match(text).length > 0

describe('sounds-like reaches pinyin typed in Latin letters', () => {
  it.each(['weixin', 'wei xin', 'WeiXin', 'WEIXIN', 'wei信', '微xin', '加 weixin 哦', 'weixinhao', 'ｗｅｉｘｉｎ', '加我 vx weixin', 'Aptamil weixin'])('~微信 finds %j', (text) => {
    expect(hits('~微信', text)).toBe(true)
  })

  it.each(['weixiao', 'weixing', 'wei', 'xin', 'wexin', 'v信', 'weiai xin'])('~微信 does not find %j (whole syllables only)', (text) => {
    expect(hits('~微信', text)).toBe(false)
  })

  it('only for terms of two syllables or more', () => {
    expect(hits('~信', 'xin')).toBe(false)
    expect(hits('~信', '新')).toBe(true)
    expect(hits('~兼职', 'jianzhi 日结')).toBe(true)
    expect(hits('~绿泡泡', 'lvpaopao')).toBe(true)
  })

  it('highlights the letters it read', () => {
    const text = '有事加 wei xin 聊'
    const [rule] = set('~微信').explain(text).matched
    expect(rule!.hits.map((hit) => text.slice(hit.start, hit.end))).toEqual(['wei xin'])
  })

  it('finds the Chinese spelling once, not again through the letters', () => {
    const [rule] = set('~微信').explain('微信').matched
    expect(rule!.hits).toHaveLength(1)
  })
})

describe('look-alikes fold to the character they imitate', () => {
  it.each([
    ['vx', 'vх'], // Cyrillic х
    ['vx', 'ѵх'.replace('ѵ', 'ν')], // Greek ν, Cyrillic х
    ['qq', 'ԛԛ'], // Cyrillic ԛ
    ['casino', 'сasinо'], // Cyrillic с, о
    ['weixin', 'WΕΙΧΙΝ'], // Greek capitals
    ['vx', 'Ꮩx'], // Cherokee V
    ['web', 'ᏔᎬᏴ'], // Cherokee W, E, B
    ['qq', 'ԛզ'], // Cyrillic ԛ, Armenian q
    ['taobao', 'ꓔaꓳbaօ'], // Lisu T, O; Armenian o
    ['微信', '徽信'],
    ['微信', '嶶信'],
    ['微信', '徾信'],
    ['加群', '加羣'],
  ])('%s finds %j', (match, text) => {
    expect(hits(match, text)).toBe(true)
  })

  it('every confusables entry folds to its Latin letter, in the compact text', () => {
    for (const [code, latin] of LATIN_CONFUSABLES) expect(compactText(String.fromCodePoint(code)), code.toString(16)).toBe(latin.toLowerCase())
  })

  it('every Chinese look-alike folds to its character', () => {
    for (const [lookAlike, original] of HAN_LOOK_ALIKES) expect(compactText(lookAlike)).toBe(original)
  })

  it('takes its Latin look-alikes from confusables.txt, letters only', () => {
    const table = CONFUSABLES as Record<string, string>
    for (const [code, latin] of LATIN_CONFUSABLES) {
      const source = String.fromCodePoint(code)
      // The three chat look-alikes have another prototype there (κ: ĸ) or none.
      if (table[source] !== undefined && source !== 'κ') expect([table[source], 'i'], source).toContain(latin)
    }
    expect(LATIN_CONFUSABLES.length).toBeGreaterThan(300)
  })

  it('leaves the digit and letter look-alikes alone, so numbers stay numbers', () => {
    expect(compactText('10 O l I 〇')).toBe('10oli〇')
    expect(compactText('３৪')).toBe('3৪')
    expect(compactText('薇')).toBe('薇')
  })

  it('a rule written with a look-alike still finds it', () => {
    expect(hits('徽信', '微信')).toBe(true)
    expect(hits('"vх"', 'vx')).toBe(true)
  })
})
