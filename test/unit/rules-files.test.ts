import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  detectRulesFileFormat,
  formatRulesFile,
  locateRuleProblem,
  parseRulesFile,
  RulesFileError,
  type FilePosition,
  type RulesFile,
} from '../../shared/rules/files.ts'
import { compileRuleSet, RuleSetError, type RuleInput } from '../../shared/rules/index.ts'

function problemsOf(text: string, fileName = 'rules.yaml'): RulesFileError['problems'] {
  try {
    parseRulesFile(text, fileName)
  } catch (error) {
    if (error instanceof RulesFileError) return error.problems
    throw error
  }
  throw new Error('expected a RulesFileError')
}

/** The source offset of a file position, to read back the character it points at. */
function offsetOf(text: string, { line, column }: FilePosition): number {
  let offset = 0
  for (let l = 1; l < line; l++) offset = text.indexOf('\n', offset) + 1
  return offset + column - 1
}

/** The source character each character of rule `index`'s match expression is mapped to. */
function mappedCharacters(text: string, file: RulesFile, index: number): string[] {
  return [...file.rules[index]!.match].map((_, k) => text[offsetOf(text, file.positionOf(index, k))] ?? '')
}

describe('parseRulesFile: JSON and YAML', () => {
  it('reads YAML rules with every field', () => {
    const text = [
      'rules:',
      '  - name: 赌博',
      '    match: 赌博 | 博彩',
      '    reply: "{name} 请勿发赌博信息"',
      '    action: remove',
      '    enabled: false',
      '    scope: [group-a, 宝妈群]',
      '    dryRun: true',
      '  - name: 广告',
      '    match: 加微信',
      '',
    ].join('\n')
    const file = parseRulesFile(text, 'rules.yml')
    expect(file.format).toBe('yaml')
    expect(file.warnings).toEqual([])
    expect(file.rules).toEqual([
      { name: '赌博', match: '赌博 | 博彩', reply: '{name} 请勿发赌博信息', action: 'remove', enabled: false, scope: ['group-a', '宝妈群'], dryRun: true },
      { name: '广告', match: '加微信' },
    ])
  })

  it('reads JSON, tabs and all', () => {
    const text = '{\n\t"rules": [\n\t\t{ "name": "a", "match": "x \\"y z\\"", "reply": null, "scope": "all" }\n\t]\n}\n'
    const file = parseRulesFile(text, 'RULES.JSON')
    expect(file.format).toBe('json')
    expect(file.rules).toEqual([{ name: 'a', match: 'x "y z"', reply: null, scope: 'all' }])
  })

  it('accepts an empty rule list', () => {
    expect(parseRulesFile('rules: []\n', 'r.yaml').rules).toEqual([])
  })

  it('reads the old tool\'s lines from a .txt file', () => {
    const file = parseRulesFile('赌博"请勿赌博"\n', 'old.txt')
    expect(file.format).toBe('wxbot')
    expect(file.rules).toEqual([{ name: '赌博', match: '"赌博"', reply: '请勿赌博', action: 'warn' }])
  })

  it('refuses an old-format file with bad lines, naming every one', () => {
    expect(problemsOf('"a"\n好"ok"\nb|"c"\n', 'old.txt').map((p) => p.line)).toEqual([1, 3])
  })
})

describe('detectRulesFileFormat', () => {
  it.each([
    ['r.json', 'rules: []', 'json'],
    ['r.yaml', '{"rules": []}', 'yaml'],
    ['r.YML', '', 'yaml'],
    ['keywords.txt', 'rules: []', 'wxbot'],
    ['rules', '  {"rules": []}', 'json'],
    ['rules', '\uFEFFrules:\n  - name: a', 'yaml'],
    ['rules', '# my rules\nrules: []', 'yaml'],
    ['rules', '', 'yaml'],
    ['rules.conf', '赌博"请勿赌博"\n加微信', 'wxbot'],
  ])('%s with %j -> %s', (fileName, text, format) => {
    expect(detectRulesFileFormat(fileName, text)).toBe(format)
  })
})

describe('parseRulesFile: bad shape is refused with line and column', () => {
  it('names an unknown field at its key', () => {
    expect(problemsOf('rules:\n  - name: a\n    match: x\n    acton: remove\n')).toEqual([
      { line: 4, column: 5, rule: 'a', message: expect.stringMatching(/^unknown field "acton": a rule has name, match, /u) },
    ])
  })

  it('names a missing field at its rule', () => {
    expect(problemsOf('rules:\n  - match: x\n  - name: b\n')).toEqual([
      { line: 2, column: 5, message: 'missing "name"' },
      { line: 3, column: 5, rule: 'b', message: 'missing "match"' },
    ])
  })

  it('names a wrong value at the value, and says what it must be', () => {
    const line = '  - {name: a, match: 12306, action: kill, scope: [1], enabled: yes}'
    const columnOf = (value: string): number => line.indexOf(value) + 1
    expect(problemsOf(`rules:\n${line}\n`)).toEqual([
      { line: 2, column: columnOf('12306'), rule: 'a', message: expect.stringMatching(/^"match" must be text \(put it in quotes/u) },
      { line: 2, column: columnOf('kill'), rule: 'a', message: '"action" must be one of warn, remove, alert, ignore' },
      { line: 2, column: columnOf('[1]'), rule: 'a', message: expect.stringMatching(/^"scope" must be "all" or a list/u) },
      { line: 2, column: columnOf('yes'), rule: 'a', message: '"enabled" must be true or false' },
    ])
  })

  it.each([
    ['', 1, 1, /expected a mapping with a "rules" list/u],
    ['- name: a\n  match: b\n', 1, 1, /expected a mapping with a "rules" list/u],
    ['rules: 3\n', 1, 8, /"rules" must be a list/u],
    ['rules: []\nversion: 2\n', 2, 1, /unknown top-level field "version"/u],
    ['rules:\n  - 赌博\n', 2, 5, /rule 1 must be a mapping/u],
  ])('file %j -> %i:%i', (text, line, column, message) => {
    expect(problemsOf(text)).toEqual([{ line, column, message: expect.stringMatching(message) }])
  })

  it('reports YAML and JSON syntax errors and duplicate keys where they are', () => {
    expect(problemsOf('rules:\n  - name: a\n    name: b\n    match: c\n')).toEqual([{ line: 3, column: 5, message: expect.stringMatching(/unique/u) }])
    expect(problemsOf('{"rules": [{"name": "a", "match": "b"}\n', 'r.json')[0]).toMatchObject({ line: 2 })
    expect(problemsOf('rules:\n  - name: "a\n')[0]!.message).toMatch(/closing "quote/u)
  })
})

describe('parseRulesFile: positionOf maps expression offsets to the file', () => {
  it('points at the rule when no offset is given', () => {
    const file = parseRulesFile('rules:\n  - name: a\n    match: x\n  - {name: b, match: y}\n', 'r.yaml')
    expect(file.positionOf(0)).toEqual({ line: 2, column: 5 })
    expect(file.positionOf(1)).toEqual({ line: 4, column: 5 })
  })

  it.each([
    ['plain', 'rules:\n  - name: a\n    match: 赌博 | "x\\"y"   # comment\n'],
    ['plain over lines', 'rules:\n  - name: a\n    match: 赌博\n      | 博彩\n\n      | 彩票\n'],
    ['double-quoted with escapes', 'rules:\n  - name: a\n    match: "a\\u0041 \\"q\\" \\\\ \\t\n      next \\\n      joined"\n'],
    ['single-quoted', "rules:\n  - name: a\n    match: 'it''s \"x\"'\n"],
    ['literal block', 'rules:\n  - name: a\n    match: |\n      赌博  # 注释\n        | 博彩\n\n      - 客服\n'],
    ['literal block, stripped', 'rules:\n  - name: a\n    match: |-\n      赌博\n      博彩\n'],
    ['folded block', 'rules:\n  - name: a\n    match: >\n      赌博\n      | 博彩\n\n      - 客服\n'],
    ['JSON with escapes', '{"rules": [{"name": "a", "match": "\\u8d4c\\u535a \\"x\\" \\/ \\\\ y\\n z"}]}'],
    ['CRLF lines', 'rules:\r\n  - name: a\r\n    match: |\r\n      赌博\r\n      | 博彩\r\n'],
  ])('%s: every character maps to itself or to the escape that wrote it', (_, text) => {
    const file = parseRulesFile(text, 'r.yaml')
    const match = file.rules[0]!.match
    const mapped = mappedCharacters(text, file, 0)
    mapped.forEach((source, k) => {
      const wanted = match[k]!
      if (wanted === '\n' || wanted === ' ') expect(source, `offset ${k}`).toMatch(/^[\s\\]$/u)
      else if (source !== '\\') expect(source, `offset ${k} of ${JSON.stringify(match)}`).toBe(wanted)
    })
  })

  it('points escaped characters at their backslash', () => {
    const text = '{"rules": [{"name": "a", "match": "x\\u8d4c\\"y"}]}'
    const file = parseRulesFile(text, 'r.json')
    expect(file.rules[0]!.match).toBe('x赌"y')
    expect([1, 2, 3].map((k) => file.positionOf(0, k).column)).toEqual([text.indexOf('\\u8d4c') + 1, text.indexOf('\\"') + 1, text.indexOf('y"') + 1])
  })

  it('points one past the end of the expression just after its last character', () => {
    const text = 'rules:\n  - name: a\n    match: "赌博 |"\n'
    const file = parseRulesFile(text, 'r.yaml')
    expect(file.positionOf(0, 4)).toEqual({ line: 3, column: 17 })
    expect(file.positionOf(0, 99)).toEqual({ line: 3, column: 17 })
  })

  it('maps arbitrary match strings written by JSON.stringify and by formatRulesFile', () => {
    const matchText = fc.string({ unit: fc.constantFrom('赌', '博', 'a', ' ', '"', "'", '\\', '\n', '\t', '#', '|', ':', '-', '{', '😀', '\u00e9', 'x'), minLength: 1 })
      // yaml itself cannot round-trip a value of nothing but blanks and a line break; no expression is only blanks.
      .filter((text) => /\S/u.test(text))
    fc.assert(
      fc.property(matchText, fc.constantFrom('json', 'yaml', 'stringify'), (match, writer) => {
        const rules = [{ name: 'r', match }]
        const text = writer === 'stringify' ? JSON.stringify({ rules }, null, 2) : formatRulesFile(rules, writer)
        const file = parseRulesFile(text, writer === 'yaml' ? 'r.yaml' : 'r.json')
        expect(file.rules[0]!.match).toBe(match)
        mappedCharacters(text, file, 0).forEach((source, k) => {
          if (source !== '\\' && !(/\s/u.test(match[k]!) && /\s/u.test(source))) expect(source).toBe(match[k])
        })
      }),
      { numRuns: 300 },
    )
  })
})

describe('locateRuleProblem: engine problems at the file line and column', () => {
  function compileProblems(text: string, fileName: string): string[] {
    const file = parseRulesFile(text, fileName)
    try {
      compileRuleSet(file.rules)
    } catch (error) {
      if (!(error instanceof RuleSetError)) throw error
      return error.problems.map((problem) => {
        const located = locateRuleProblem(file, problem)
        return `${located.line}:${located.column} ${located.rule}`
      })
    }
    throw new Error('expected the rules to be refused')
  }

  it('places a syntax error inside a multi-line YAML expression', () => {
    const text = 'rules:\n  - name: ok\n    match: a\n  - name: bad\n    match: |\n      赌博 | 博彩\n      | (彩票\n'
    expect(compileProblems(text, 'r.yaml')).toEqual(['7:9 bad'])
  })

  it('places a syntax error inside an escaped JSON string', () => {
    const text = '{"rules": [{"name": "bad", "match": "\\"x\\" &"}]}'
    expect(compileProblems(text, 'r.json')).toEqual([`1:${text.indexOf('&') + 1} bad`])
  })

  it('places a problem without position (a repeated name) at its rule', () => {
    expect(compileProblems('rules:\n  - {name: a, match: x}\n  - {name: a, match: y}\n', 'r.yaml')).toEqual(['3:5 a'])
  })
})

describe('formatRulesFile', () => {
  const ruleArbitrary: fc.Arbitrary<RuleInput> = fc.record(
    {
      name: fc.string({ minLength: 1 }).filter((name) => name.trim() === name && name !== ''),
      match: fc.string(),
      reply: fc.option(fc.string(), { nil: null }),
      action: fc.constantFrom('warn', 'remove', 'alert', 'ignore'),
      enabled: fc.boolean(),
      scope: fc.oneof(fc.constant('all' as const), fc.array(fc.string({ minLength: 1 }))),
      dryRun: fc.boolean(),
    },
    { requiredKeys: ['name', 'match'] },
  )

  it.each(['json', 'yaml'] as const)('%s round-trips through parseRulesFile', (format) => {
    fc.assert(
      fc.property(fc.array(ruleArbitrary, { maxLength: 4 }), (rules) => {
        expect(parseRulesFile(formatRulesFile(rules, format), `r.${format}`).rules).toEqual(rules)
      }),
      { numRuns: 200 },
    )
  })
})

describe('a bad field does not hide the other faults', () => {
  it('reports the expressions of every rule beside the shape problems, each at its line and column', () => {
    const text = ['rules:', '  - name: a', '    match: 微信', '    action: kick', '  - name: b', '    match: (加微信', ''].join('\n')
    expect(problemsOf(text).map(({ line, column, rule, message }) => ({ line, column, rule, message }))).toEqual([
      { line: 4, column: 13, rule: 'a', message: expect.stringContaining('"action" must be one of') },
      { line: 6, column: 12, rule: 'b', message: "unclosed '(': add the missing ')'" },
    ])
  })
})
