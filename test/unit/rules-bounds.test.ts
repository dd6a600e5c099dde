// Rules without bounds: a rule pasted from a word list, a huge or absurdly nested rules file, and invisible control
// characters in names, replies and templates. Each is refused with a clear error that says what and where.
import { describe, expect, it } from 'vitest'
import { SETTINGS_SCHEMA } from '../../shared/policy/settings.ts'
import { MAX_RULES_FILE_CHARACTERS, parseRulesFile, RulesFileError } from '../../shared/rules/files.ts'
import { parseExpression, parseRules, RuleSyntaxError } from '../../shared/rules/index.ts'
import { MAX_EXPRESSION_LENGTH } from '../../shared/rules/ruleset.ts'

describe('long expressions', () => {
  it('parses 100,000 alternatives, and places an error after them at its line and column', () => {
    // Positions used to be found by rescanning from the start for every term: quadratic, half a minute here.
    const alternatives = Array.from({ length: 100_000 }, (_, k) => `w${k}`).join(' |\n')
    expect(() => parseExpression(alternatives)).not.toThrow()
    try {
      parseExpression(`${alternatives} | )`)
      expect.unreachable()
    } catch (error) {
      expect(error).toBeInstanceOf(RuleSyntaxError)
      // At the last OR, which has nothing after it.
      expect((error as RuleSyntaxError).position).toMatchObject({ line: 100_000, column: 'w99999 |'.length })
    }
  })

  it('refuses a rule whose expression is over the limit, saying how long it is and may be', () => {
    const match = Array.from({ length: 4000 }, (_, k) => `词${k}`).join('|')
    expect(match.length).toBeGreaterThan(MAX_EXPRESSION_LENGTH)
    const { rules, problems } = parseRules([{ name: 'pasted list', match }, { name: 'fine', match: '微信' }])
    expect(rules).toEqual([])
    expect(problems).toEqual([
      expect.objectContaining({ rule: 'pasted list', code: 'too_long', params: { length: String(match.length), max: String(MAX_EXPRESSION_LENGTH) } }),
    ])
  })
})

describe('rules files', () => {
  it('refuses a file over the size limit before parsing it', () => {
    const huge = `{"rules": [${'{"name": "x", "match": "y"},'.repeat(MAX_RULES_FILE_CHARACTERS / 27 + 1)}]}`
    expect(() => parseRulesFile(huge, 'huge.json')).toThrow(/at most 5 million/)
  })

  it.each([
    ['YAML', 'deep.yaml', `rules:\n${'- '.repeat(1)}${'['.repeat(100_000)}`],
    ['JSON', 'deep.json', `{"rules": ${'['.repeat(100_000)}`],
  ])('says plainly that 100,000-deep %s is nested too deeply', (_, name, text) => {
    let thrown: unknown
    try {
      parseRulesFile(text, name)
    } catch (error) {
      thrown = error
    }
    expect(thrown).toBeInstanceOf(RulesFileError)
    expect((thrown as Error).message).not.toMatch(/call stack/i)
  })
})

describe('invisible control characters', () => {
  it.each([
    ['a right-to-left override in a name', { name: '广告\u202e', match: '微信' }, 'name', 'U+202E'],
    ['NUL in a name', { name: 'a\u0000b', match: '微信' }, 'name', 'U+0000'],
    ['ESC in a reply', { name: 'r', match: '微信', reply: '\u001b[31m警告' }, 'reply', 'U+001B'],
  ])('refuses %s', (_, input, field, char) => {
    const { problems } = parseRules([input])
    expect(problems).toEqual([expect.objectContaining({ code: 'unsafe_character', params: { field, char } })])
  })

  it('allows line breaks in a reply, not in a name', () => {
    expect(parseRules([{ name: 'r', match: '微信', reply: '第一行\n第二行' }]).problems).toEqual([])
    expect(parseRules([{ name: 'r\n2', match: '微信' }]).problems).toMatchObject([{ code: 'unsafe_character' }])
  })

  it('refuses them in templates, saying which and where', () => {
    const result = SETTINGS_SCHEMA.pick({ defaultWarningTemplate: true }).safeParse({ defaultWarningTemplate: '请勿\u2066发广告' })
    expect(result.success).toBe(false)
    expect(result.error!.issues[0]!.message).toBe('contains the invisible control character U+2066 at position 3; remove it')
    expect(SETTINGS_SCHEMA.pick({ defaultWarningTemplate: true }).safeParse({ defaultWarningTemplate: '{name} 请勿发广告\n谢谢' }).success).toBe(true)
  })
})
