import { describe, expect, it } from 'vitest'
import { importWxbotRules } from '../../shared/rules/import-wxbot.ts'
import { compileRuleSet, RuleSetError } from '../../shared/rules/index.ts'

function thrownBy(run: () => unknown): unknown {
  try {
    run()
  } catch (error) {
    return error
  }
  throw new Error('expected an error')
}

function matchesOf(line: string): string {
  const imported = importWxbotRules(line)
  expect(imported.problems).toEqual([])
  return imported.rules[0]!.match
}

describe('importWxbotRules: the rules it makes', () => {
  it('names each rule after its line, warns, and keeps the quoted reply', () => {
    const imported = importWxbotRules('<赌博>"请勿发赌博信息"\n\n<加微信|加V>"禁止加好友"\n')
    expect(imported.problems).toEqual([])
    expect(imported.rules).toEqual([
      { name: 'wx-bot:1', match: '"赌博"', reply: '请勿发赌博信息', action: 'warn' },
      { name: 'wx-bot:3', match: '"加微信" | "加V"', reply: '禁止加好友', action: 'warn' },
    ])
  })

  it('reads CRLF files, a last line without newline, a byte-order mark and whitespace-only lines', () => {
    const imported = importWxbotRules('\uFEFF代购"不要代购"\r\n   \r\n刷单"不要刷单"')
    expect(imported.rules.map((rule) => [rule.name, rule.match, rule.reply])).toEqual([
      ['wx-bot:1', '"代购"', '不要代购'],
      ['wx-bot:3', '"刷单"', '不要刷单'],
    ])
  })

  it('splits on | first, then each alternative on + or else on - (as get-pat-ans.js did)', () => {
    expect(matchesOf('<博彩+网址|高利贷-正规-合法>"r"')).toBe('("博彩" + "网址") | ("高利贷" - "正规" - "合法")')
    expect(matchesOf('<A+B>"r"')).toBe('"A" + "B"')
    expect(matchesOf('<A-B-C>"r"')).toBe('"A" - "B" - "C"')
    expect(matchesOf('<A|B>"r"')).toBe('"A" | "B"')
    expect(matchesOf('<A|B+C-D|E-F>"r"')).toBe('"A" | ("B" + "C-D") | ("E" - "F")')
  })

  it('reads the pattern between < and >: the brackets are not keywords', () => {
    const imported = importWxbotRules('<赌博>"请勿发赌博信息"\n  <代购>  "r"')
    expect(imported.rules.map((rule) => rule.match)).toEqual(['"赌博"', '"代购"'])
    expect(imported.problems).toEqual([])
  })

  it('warns where a - stands next to a +: the old tool read it as text there', () => {
    const imported = importWxbotRules('<兼职+日结-客服>"r"')
    expect(imported.rules[0]!.match).toBe('"兼职" + "日结-客服"')
    expect(imported.warnings).toEqual([expect.objectContaining({ line: 1, column: 7, message: expect.stringMatching(/^- next to \+/u) })])
  })

  it('turns everything else into quoted text: regex characters, quotes of our language, backslashes, spaces', () => {
    expect(matchesOf('加V.信 (私聊)"r"')).toBe('"加V.信 (私聊)"')
    expect(matchesOf('a\\d!~#b"r"')).toBe('"a\\\\d!~#b"')
    expect(matchesOf('  免费领取 |  扫码  "r"')).toBe('"免费领取" | "扫码"')
  })

  it('keeps quotes inside the reply: the reply runs from the first " to the last', () => {
    expect(importWxbotRules('广告"请不要发"广告"哦"').rules[0]!.reply).toBe('请不要发"广告"哦')
  })

  it('imports a pattern without reply, with a warning', () => {
    const imported = importWxbotRules('赌博\n博彩""')
    expect(imported.rules.map((rule) => rule.reply)).toEqual([null, null])
    expect(imported.warnings.map((w) => [w.line, w.rule])).toEqual([
      [1, 'wx-bot:1'],
      [2, 'wx-bot:2'],
    ])
    expect(imported.warnings[0]!.message).toMatch(/no reply/u)
  })

  it('warns where a regex character is now taken literally, and names the characters', () => {
    const imported = importWxbotRules('加V.*信"r"')
    expect(imported.warnings).toEqual([expect.objectContaining({ line: 1, column: 3, message: expect.stringMatching(/^\. \* had a special meaning/u) })])
  })
})

describe('importWxbotRules: lines it refuses', () => {
  const cases: [string, number, RegExp][] = [
    ['"回复所有人"', 1, /no pattern before the reply/u],
    ['-广告"r"', 1, /nothing before -/u],
    ['<广告"r"', 1, /< has no closing >/u],
    ['<>"r"', 1, /no pattern before the reply/u],
    ['广告-"r"', 4, /nothing after -/u],
    ['广告--推广"r"', 4, /nothing after -/u],
    ['广告+"r"', 4, /nothing after \+/u],
    ['+广告"r"', 1, /nothing before \+/u],
    ['广告|"r"', 4, /empty alternative/u],
    ['广告||推广"r"', 4, /empty alternative/u],
    ['广告"没有结尾', 3, /no closing "/u],
    ['广告"回复"多余', 7, /text after the reply/u],
  ]
  it.each(cases)('%s -> column %i', (line, column, message) => {
    const imported = importWxbotRules(`好"ok"\n${line}`)
    expect(imported.problems).toEqual([{ line: 2, column, rule: 'wx-bot:2', message: expect.stringMatching(message) }])
    expect(imported.rules.map((rule) => rule.name)).toEqual(['wx-bot:1'])
  })

  it('reports every bad line, not just the first', () => {
    expect(importWxbotRules('"a"\n好"ok"\nb|"c"').problems.map((p) => p.line)).toEqual([1, 3])
  })
})

describe('importWxbotRules: positions', () => {
  it('maps each character of the expression back to the column it was typed at', () => {
    const imported = importWxbotRules('x"r"\n<推广|加V-客服>"r"')
    const rule = imported.rules[1]!
    expect(rule.match).toBe('"推广" | ("加V" - "客服")')
    const columnOf = (needle: string): number => imported.positionOf(1, rule.match.indexOf(needle)).column
    expect(columnOf('推')).toBe(2)
    expect(columnOf('|')).toBe(4)
    expect(columnOf('加')).toBe(5)
    expect(columnOf('V')).toBe(6)
    expect(columnOf('-')).toBe(7)
    expect(columnOf('客')).toBe(8)
    expect(imported.positionOf(1, rule.match.length)).toEqual({ line: 2, column: 10 })
    expect(imported.positionOf(1)).toEqual({ line: 2, column: 1 })
  })
})

describe('imported rules in the engine behave like the old tool', () => {
  const set = compileRuleSet(importWxbotRules('<博彩+网址|高利贷-正规-合法>"r1"\n<加V.信>"r2"').rules)

  it.each([
    ['博彩网址发你', ['wx-bot:1']],
    ['只说博彩', []],
    ['高利贷来了', ['wx-bot:1']],
    ['正规高利贷', []],
    ['高利贷合法吗', []],
    ['博彩网址，正规合法', ['wx-bot:1']],
    ['加V.信', ['wx-bot:2']],
    ['加 v 信', ['wx-bot:2']],
  ])('%s -> %j', (text, expected) => {
    expect(set.match(text)).toEqual(expected)
  })

  it('an engine error in a generated expression points at the rep\'s keyword', () => {
    const imported = importWxbotRules('广告+😀"r"')
    expect(imported.problems).toEqual([])
    const error = thrownBy(() => compileRuleSet(imported.rules))
    expect(error).toBeInstanceOf(RuleSetError)
    const [problem] = (error as RuleSetError).problems
    expect(imported.positionOf(0, problem!.position!.offset)).toEqual({ line: 1, column: 4 })
  })
})
