import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { compileRuleSet } from '../../shared/rules/index.ts'
import { categoryRule, SIMPLE_CATEGORY_NAMES } from '../../shared/rules/simple-categories.ts'
import { matchToSimple, simpleToMatch, type SimpleRule } from '../../shared/rules/simple-rule.ts'
import { MESSAGE_KINDS } from '../../shared/rules/types.ts'

describe('simple rules: words, kinds and "but not" words written as an expression', () => {
  it('writes the expression a rep would', () => {
    expect(simpleToMatch({ words: ['加微信', 'vx'], kinds: [], butNot: ['客服'] })).toBe('(加微信 | vx) - 客服')
    expect(simpleToMatch({ words: ['Wi-Fi', 'a b', '"x"'], kinds: ['qrcode'], butNot: [] })).toBe('kind:qrcode | "Wi-Fi" | "a b" | "\\"x\\""')
    expect(simpleToMatch({ words: [' 代购 ', '代购', ''], kinds: [], butNot: ['OR'] })).toBe('代购 - "OR"')
    expect(simpleToMatch({ words: [], kinds: [], butNot: ['客服'] })).toBe('')
  })

  it('reads back an expression of that shape, and refuses any other', () => {
    expect(matchToSimple('(kind:link | 加微信 | "a b") - 客服 - 官方')).toEqual({ words: ['加微信', 'a b'], kinds: ['link'], butNot: ['客服', '官方'] })
    expect(matchToSimple('')).toEqual({ words: [], kinds: [], butNot: [] })
    for (const expert of ['兼职 日结', '~微信', '/1[3-9]\\d{9}/', '(a | b) - (c | d)', '(a - b) | c', '(a |']) expect(matchToSimple(expert)).toBeNull()
  })

  it('reads back what it wrote, for any words', () => {
    const word = fc.string({ minLength: 1, maxLength: 8 }).filter((text) => text.trim() !== '' && /[\p{L}\p{N}]/u.test(text))
    const simple = fc.record({
      words: fc.uniqueArray(word.map((text) => text.trim()), { minLength: 1, maxLength: 5 }),
      kinds: fc.uniqueArray(fc.constantFrom(...MESSAGE_KINDS), { maxLength: 2 }),
      butNot: fc.uniqueArray(word.map((text) => text.trim()), { maxLength: 3 }),
    })
    fc.assert(
      fc.property(simple, (rule: SimpleRule) => {
        const match = simpleToMatch(rule)
        const back = matchToSimple(match)
        expect(back).not.toBeNull()
        expect(simpleToMatch(back!)).toBe(match)
      }),
    )
  })

  it.each(SIMPLE_CATEGORY_NAMES)('category %s makes a rule the engine accepts', (category) => {
    const match = simpleToMatch(categoryRule(category))
    expect(() => compileRuleSet([{ name: category, match }])).not.toThrow()
  })
})
