import { describe, expect, it } from 'vitest'
import { compileRuleSet, parseExpression, ruleErrorText, RuleSyntaxError, RuleSetError } from '../../shared/rules/index.ts'

/** Whether a one-rule set with this expression matches the text. */
function hits(expression: string, text: string): boolean {
  return compileRuleSet([{ name: 'r', match: expression }]).match(text).length === 1
}

function syntaxError(expression: string): RuleSyntaxError {
  try {
    parseExpression(expression)
  } catch (error) {
    if (error instanceof RuleSyntaxError) return error
    throw error
  }
  throw new Error(`expected ${JSON.stringify(expression)} to be refused`)
}

describe('operators', () => {
  it.each([
    ['微信 | 电话', '加我微信', true],
    ['微信 OR 电话', '打我电话', true],
    ['微信 | 电话', '你好', false],
    ['加 & 微信', '加我微信', true],
    ['加 + 微信', '微信', false],
    ['加 AND 微信', '微信加', true],
    ['加 微信', '加我微信', true],
    ['加 微信', '加油', false],
    ['!客服 微信', '微信', true],
    ['NOT 客服 微信', '客服微信', false],
    ['微信-客服', '微信', true],
    ['微信-客服', '客服微信', false],
    ['微信-客服-官方', '官方微信', false],
    ['微信-客服-官方', '我的微信', true],
  ])('%s on %s -> %s', (expression, text, expected) => {
    expect(hits(expression, text)).toBe(expected)
  })

  it('AND binds tighter than OR', () => {
    // a | b & c  ==  a | (b & c)
    expect(hits('苹果 | 香蕉 & 橙子', '苹果')).toBe(true)
    expect(hits('苹果 | 香蕉 & 橙子', '香蕉')).toBe(false)
    expect(hits('苹果 | 香蕉 & 橙子', '香蕉橙子')).toBe(true)
  })

  it('parentheses group', () => {
    expect(hits('(苹果 | 香蕉) & 橙子', '苹果')).toBe(false)
    expect(hits('(苹果 | 香蕉) & 橙子', '苹果橙子')).toBe(true)
  })

  it('NOT binds tighter than AND and applies to a bracketed group', () => {
    expect(hits('!苹果 香蕉', '香蕉')).toBe(true)
    expect(hits('!(苹果 | 橙子) 香蕉', '橙子香蕉')).toBe(false)
    expect(hits('!!苹果', '苹果')).toBe(true)
  })

  it('EXCEPT is at the level of AND, left to right', () => {
    // a - b c  ==  a & !b & c
    expect(hits('苹果 - 香蕉 橙子', '苹果橙子')).toBe(true)
    expect(hits('苹果 - 香蕉 橙子', '苹果香蕉橙子')).toBe(false)
    expect(hits('苹果 - 香蕉 | 橙子', '香蕉橙子')).toBe(true)
  })

  it('full-width operators from a Chinese input method work', () => {
    expect(hits('（苹果｜香蕉）＋橙子', '香蕉橙子')).toBe(true)
    expect(hits('微信－客服', '客服微信')).toBe(false)
    expect(hits('！客服 微信', '客服微信')).toBe(false)
  })

  it('# starts a comment outside quotes and regexes', () => {
    expect(hits('微信 # 加好友的都算\n| 电话', '电话')).toBe(true)
    expect(hits('"c#" | 苹果', 'C# 教程')).toBe(true)
    expect(syntaxError('/a#b/').code).toBe('regex_unmatchable') // the '#' is the regex's, and the compact text has none
    expect(hits('/ab/ # comment', 'AB')).toBe(true)
  })

  it('operator words are upper case only, so English words stay words', () => {
    expect(hits('rock and roll', 'rock and roll')).toBe(true)
    expect(hits('rock and roll', 'rock roll')).toBe(false)
  })
})

describe('terms', () => {
  it('quoted phrases keep operators and spaces, with escapes', () => {
    expect(hits('"A+B"', 'a+b')).toBe(true)
    expect(hits('"A+B"', 'a')).toBe(false)
    expect(hits('"say \\"hi\\""', 'say hi')).toBe(true)
  })

  it('regexes run on the compact text, case-insensitively', () => {
    expect(hits('/1[3-9]\\d{9}/', '电话 138-1234-5678')).toBe(true)
    expect(hits('/1[3-9]\\d{9}/', '电话 1234')).toBe(false)
    expect(hits('/^vx/', 'VX: abc')).toBe(true)
    expect(syntaxError('/a\\/b/').code).toBe('regex_unmatchable')
  })

  it('a regex without any literal still runs on every message', () => {
    expect(hits('/\\d{11}/', '13812345678')).toBe(true)
    expect(hits('/[a-z]{3}\\d/', 'abc1')).toBe(true)
    expect(hits('/(微|威)信/', '威信')).toBe(true)
  })

  it('kind: terms test the message kinds the caller reports', () => {
    const set = compileRuleSet([{ name: 'card', match: 'kind:card' }, { name: 'link', match: 'kind:link 返利' }])
    expect(set.match('随便', { kinds: ['card'] })).toEqual(['card'])
    expect(set.match('随便')).toEqual([])
    expect(set.match('点击领返利', { kinds: ['link'] })).toEqual(['link'])
    expect(set.match('点击领取', { kinds: ['link'] })).toEqual([])
  })

  it('NFKC applies to the expression: full-width letters in a rule match half-width text', () => {
    expect(hits('ＶＸ', 'vx123')).toBe(true)
  })
})

describe('errors name line, column and what is wrong', () => {
  it.each([
    ['(微信', 1, 1, /unclosed/],
    ['微信)', 1, 3, /unmatched/],
    ['微信 |', 1, 4, /nothing after/],
    ['| 微信', 1, 1, /nothing before/],
    ['微信 & | 电话', 1, 6, /nothing between/],
    ['微信 -', 1, 4, /nothing after/],
    ['"微信', 1, 1, /unterminated quote/],
    ['/微信', 1, 1, /unterminated regex/],
    ['/(/', 1, 1, /invalid regex/],
    ['/a*/', 1, 1, /empty text/],
    ['/加 微信/', 1, 1, /can never match/],
    ['/www\\.shop\\.com/', 1, 1, /can never match/],
    ['微信 & "!!"', 1, 6, /no letter or digit/],
    ['🎲', 1, 1, /no letter or digit/],
    ['!客服', 1, 1, /no positive term/],
    ['微信 | !客服', 1, 6, /no positive term/],
    ['()', 1, 1, /empty brackets/],
    ['', 1, 1, /empty expression/],
    ['# only a comment', 1, 1, /empty expression/],
    ['kind:poster', 1, 1, /unknown message kind/],
    ['~', 1, 1, /sounds like/],
    ['微信\n  & (电话 |\n  )', 2, 9, /nothing after/],
  ])('%j -> %i:%i', (expression, line, column, message) => {
    const error = syntaxError(expression)
    expect(error.message).toMatch(message)
    expect({ line: error.position.line, column: error.position.column }).toEqual({ line, column })
  })

  it('columns count what the rep typed, even where NFKC changed the text before it', () => {
    // NFKC turns the ligature ﬀ into two letters; the error still points at the rep's third character.
    const error = syntaxError('ﬀ |')
    expect(error.position).toMatchObject({ line: 1, column: 3, offset: 2 })
  })

  it('refuses nesting deep enough to exhaust the stack, with an error', () => {
    expect(syntaxError('('.repeat(10_000) + 'a' + ')'.repeat(10_000)).message).toMatch(/too deeply nested/)
    expect(syntaxError('!'.repeat(10_000) + 'a').message).toMatch(/too deeply nested/)
  })
})

describe('rule sets', () => {
  it('reports every bad rule at once, with its index and position', () => {
    try {
      compileRuleSet([
        { name: 'ok', match: '微信' },
        { name: 'bad', match: '微信 |' },
        { name: 'ok', match: '电话' },
        { name: '', match: 'x' },
      ])
      expect.unreachable()
    } catch (error) {
      expect(error).toBeInstanceOf(RuleSetError)
      const problems = (error as RuleSetError).problems
      expect(problems.map((p) => [p.index, p.rule])).toEqual([
        [1, 'bad'],
        [2, 'ok'],
        [3, '#4'],
      ])
      expect(problems[0]!.position).toMatchObject({ line: 1, column: 4 })
      expect(problems[1]!.message).toMatch(/already has this name/)
    }
  })

  it('fills defaults', () => {
    const [rule] = compileRuleSet([{ name: 'r', match: 'x' }]).rules
    expect(rule).toEqual({ name: 'r', match: 'x', reply: null, action: 'warn', enabled: true, scope: 'all', dryRun: false })
  })

  it('reports matches in rule order, and first() picks the first enabled, in-scope rule', () => {
    const set = compileRuleSet([
      { name: 'off', match: '微信', enabled: false },
      { name: 'only-r2', match: '微信', scope: ['r2'] },
      { name: 'by-topic', match: '微信', scope: ['孕妈交流群'] },
      { name: 'broad', match: '微信 | 电话' },
      { name: 'narrow', match: '微信' },
    ])
    expect(set.match('加微信')).toEqual(['broad', 'narrow'])
    expect(set.match('加微信', { groupId: 'r2' })).toEqual(['only-r2', 'broad', 'narrow'])
    expect(set.match('加微信', { groupId: 'r9', groupTopic: '孕妈交流群' })).toEqual(['by-topic', 'broad', 'narrow'])
    expect(set.first('加微信')?.name).toBe('broad')
    expect(set.first('你好')).toBeNull()
  })

  it('shares one term between rules and still evaluates each rule on its own', () => {
    const set = compileRuleSet([
      { name: 'a', match: '微信 - 客服' },
      { name: 'b', match: '"微信" 客服' },
      { name: 'c', match: '~微信' },
    ])
    expect(set.match('客服微信')).toEqual(['b', 'c'])
    expect(set.match('微信')).toEqual(['a', 'c'])
  })
})

describe('errors in the rep\'s language', () => {
  it('every error has a code whose text exists in Chinese and English', () => {
    const error = syntaxError('微信 & | 电话')
    expect(error.code).toBe('nothing_between')
    expect(ruleErrorText(error.code, error.params, 'en')).toBe(error.message)
    expect(ruleErrorText(error.code, error.params, 'zh-CN')).toBe('“且”(&) 和 “或”(|) 之间缺少内容')
  })

  it('names the term in Chinese too', () => {
    const error = syntaxError('🎲')
    expect(ruleErrorText(error.code, error.params, 'zh-CN')).toBe('🎲 里没有文字、字母或数字，在消息里永远找不到它')
  })
})
