import { spawnSync } from 'node:child_process'
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { cli, fixture, jsonLines, linesAbout, ROOT, scratchDir } from './cli-harness.ts'

const BABY_SHOP_RESULTS = [
  { id: 1, matched: [] },
  { id: 2, matched: ['赌博'] },
  { id: 3, matched: ['赌博'] },
  { id: 'b4', matched: ['加微信'] },
  { id: 5, matched: [] },
  { id: 6, matched: ['兼职刷单'] },
  { id: 7, matched: [] },
  { id: 8, matched: ['手机号'] },
  { id: 9, matched: ['链接广告'] },
  { id: 10, matched: [] },
  { id: 11, matched: ['免费领'] },
  { id: 12, matched: [] },
  { id: 13, matched: ['加微信'] },
]

describe('check: results', () => {
  it.each(['baby-shop.yaml', 'baby-shop.json'])('%s: one line per message with the rules that matched', async (rules) => {
    const { code, stdout, stderr } = await cli('check', '--rules', fixture(rules), '--messages', fixture('messages.jsonl'))
    expect(stderr).toBe('')
    expect(code).toBe(0)
    expect(jsonLines(stdout)).toEqual(BABY_SHOP_RESULTS)
  })

  it('lists every matching rule in rule-file order', async () => {
    const dir = scratchDir()
    writeFileSync(join(dir, 'rules.yaml'), 'rules:\n  - {name: z-last, match: 博彩}\n  - {name: a-first, match: 赌博}\n  - {name: m-none, match: 彩票}\n')
    writeFileSync(join(dir, 'messages.jsonl'), '{"id": 1, "text": "赌博 博彩"}\n')
    const { code, stdout } = await cli('check', '--rules', join(dir, 'rules.yaml'), '--messages', join(dir, 'messages.jsonl'))
    expect(code).toBe(0)
    expect(jsonLines(stdout)).toEqual([{ id: 1, matched: ['z-last', 'a-first'] }])
  })

  it('--explain adds the compact text and each hit as a span of the original text', async () => {
    const { code, stdout } = await cli('check', '--rules', fixture('baby-shop.yaml'), '--messages', fixture('messages.jsonl'), '--explain')
    expect(code).toBe(0)
    const lines = jsonLines(stdout) as { id: unknown; matched: string[]; compact: string; hits: { rule: string; term: string; kind: string; start: number; end: number; text: string }[] }[]
    expect(lines.map(({ id, matched }) => ({ id, matched }))).toEqual(BABY_SHOP_RESULTS)
    expect(lines[1]).toEqual({
      id: 2,
      matched: ['赌博'],
      compact: '来玩赌博日赚千元',
      hits: [{ rule: '赌博', term: '赌博', kind: 'word', start: 3, end: 6, text: '賭 博' }],
    })
    expect(lines[3]!.hits).toEqual([{ rule: '加微信', term: '~加微信', kind: 'sounds', start: 3, end: 6, text: '加薇信' }])
    expect(lines[7]!.hits).toEqual([expect.objectContaining({ rule: '手机号', kind: 'regex', text: '138 1234 5678' })])
  })

  it('reads the old tool\'s .txt directly, with its warnings on stderr', async () => {
    const { code, stdout, stderr } = await cli('check', '--rules', fixture('wx-bot.txt'), '--messages', fixture('wx-bot-messages.jsonl'))
    expect(code).toBe(0)
    expect(jsonLines(stdout)).toEqual([
      { id: 1, matched: ['wx-bot:1'] },
      { id: 2, matched: ['wx-bot:2'] },
      { id: 3, matched: [] },
      { id: 4, matched: ['wx-bot:4'] },
      { id: 5, matched: ['wx-bot:5'] },
      { id: 6, matched: [] },
    ])
    expect(linesAbout(fixture('wx-bot.txt'), stderr)).toEqual([
      expect.stringMatching(/^:4:4: warning: rule "wx-bot:4": \. had a special meaning/u),
      expect.stringMatching(/^:5:5: warning: rule "wx-bot:5": no reply text/u),
    ])
  })
})

describe('check: bad rules print nothing on stdout and every problem at its file line and column', () => {
  it('expression errors, at the character in the file', async () => {
    const { code, stdout, stderr } = await cli('check', '--rules', fixture('bad-rules.yaml'), '--messages', fixture('messages.jsonl'))
    expect(code).toBe(2)
    expect(stdout).toBe('')
    expect(linesAbout(fixture('bad-rules.yaml'), stderr)).toEqual([
      expect.stringMatching(/^:5:12: error: rule "括号": .*\)/u),
      expect.stringMatching(/^:7:15: error: rule "运算符": /u),
      expect.stringMatching(/^:9:18: error: rule "引号": unterminated quote/u),
      expect.stringMatching(/^:11:12: error: rule "正则": invalid regex/u),
      expect.stringMatching(/^:15:7: error: rule "只有否定": .*positive/u),
      expect.stringMatching(/^:17:17: error: rule "符号": .*no letter or digit/u),
      expect.stringMatching(/^:18:5: error: rule "好规则": /u),
    ])
  })

  it('shape errors in JSON', async () => {
    const { code, stdout, stderr } = await cli('check', '--rules', fixture('bad-shape.json'), '--messages', fixture('messages.jsonl'))
    expect(code).toBe(2)
    expect(stdout).toBe('')
    expect(linesAbout(fixture('bad-shape.json'), stderr)).toEqual([
      ':4:38: error: rule "typo": unknown field "acton": a rule has name, match, reply, action, enabled, scope, dryRun',
      ':5:5: error: rule "no-match": missing "match"',
      ':6:54: error: rule "bad-action": "action" must be one of warn, remove, alert, ignore',
    ])
  })

  it('bad lines of the old format', async () => {
    const dir = scratchDir()
    const rules = join(dir, 'old.txt')
    writeFileSync(rules, '赌博"ok"\n"回复所有人"\n广告|"r"\n')
    const { code, stdout, stderr } = await cli('check', '--rules', rules, '--messages', fixture('messages.jsonl'))
    expect([code, stdout]).toEqual([2, ''])
    expect(linesAbout(rules, stderr)).toEqual([
      ':2:1: error: rule "wx-bot:2": no pattern before the reply (the old tool would have replied to every message)',
      expect.stringMatching(/^:3:4: error: rule "wx-bot:3": empty alternative/u),
    ])
  })

  it('a file that is not UTF-8', async () => {
    const dir = scratchDir()
    const rules = join(dir, 'gbk.txt')
    writeFileSync(rules, Buffer.from([0xb6, 0xc4, 0xb2, 0xa9, 0x22, 0x72, 0x22, 0x0a]))
    const { code, stdout, stderr } = await cli('check', '--rules', rules, '--messages', fixture('messages.jsonl'))
    expect([code, stdout]).toEqual([2, ''])
    expect(stderr).toMatch(/gbk\.txt: error: the file is not UTF-8/u)
  })
})

describe('check: bad messages and bad usage', () => {
  it('names every malformed message line, prints nothing on stdout', async () => {
    const { code, stdout, stderr } = await cli('check', '--rules', fixture('baby-shop.yaml'), '--messages', fixture('bad-messages.jsonl'))
    expect([code, stdout]).toEqual([2, ''])
    expect(linesAbout(fixture('bad-messages.jsonl'), stderr)).toEqual([
      expect.stringMatching(/^:2: error: not valid JSON/u),
      ':3: error: expected a JSON object like {"id": 1, "text": "..."}',
      ':5: error: missing "id"',
      ':6: error: "text" must be a string',
      expect.stringMatching(/^:7: error: "kinds" must be a list of message kinds/u),
    ])
  })

  it.each([
    [['check'], /--rules FILE is required/u],
    [['check', '--rules', 'r.yaml'], /--messages FILE.jsonl is required/u],
    [['check', '--rules'], /--rules/u],
    [['check', '--rulez', 'x'], /Unknown option '--rulez'/u],
    [['check', '--rules', 'no-such-file.yaml', '--messages', 'm.jsonl'], /no-such-file\.yaml: error: cannot read the file \(ENOENT\)/u],
  ])('%j -> exit 2', async (argv, message) => {
    const { code, stdout, stderr } = await cli(...argv)
    expect([code, stdout]).toEqual([2, ''])
    expect(stderr).toMatch(message)
  })

  it('--help prints the command\'s usage on stdout', async () => {
    const { code, stdout, stderr } = await cli('check', '--help')
    expect([code, stderr]).toEqual([0, ''])
    expect(stdout).toMatch(/^usage: npm run -s cli -- check --rules FILE --messages FILE.jsonl \[--explain\]/u)
  })
})

describe('the dispatcher', () => {
  it('an unknown command exits 2 with the usage on stderr', async () => {
    const { code, stdout, stderr } = await cli('frobnicate')
    expect([code, stdout]).toEqual([2, ''])
    expect(stderr).toMatch(/^error: unknown command "frobnicate"\n\nusage: .*\n[\s\S]*\bcheck\b/u)
  })

  it('no command exits 2; --help exits 0 and lists the commands', async () => {
    expect((await cli()).code).toBe(2)
    const help = await cli('--help')
    expect([help.code, help.stderr]).toEqual([0, ''])
    expect(help.stdout).toMatch(/^ {2}check {2}/mu)
    expect(help.stdout).toMatch(/^ {2}import {1}/mu)
  })
})

describe('the real command line', () => {
  function spawnCli(...argv: string[]): { status: number | null; stdout: string; stderr: string } {
    const result = spawnSync('npx', ['tsx', join(ROOT, 'electron/cli/main.ts'), ...argv], { encoding: 'utf8' })
    return { status: result.status, stdout: result.stdout, stderr: result.stderr }
  }

  it('prints the results on stdout and exits 0', () => {
    const { status, stdout, stderr } = spawnCli('check', '--rules', fixture('baby-shop.yaml'), '--messages', fixture('messages.jsonl'))
    expect(stderr).toBe('')
    expect(status).toBe(0)
    expect(jsonLines(stdout)).toEqual(BABY_SHOP_RESULTS)
  })

  it('exits 2 with the errors on stderr and nothing on stdout', () => {
    const { status, stdout, stderr } = spawnCli('check', '--rules', fixture('bad-rules.yaml'), '--messages', fixture('messages.jsonl'))
    expect([status, stdout]).toEqual([2, ''])
    expect(linesAbout(fixture('bad-rules.yaml'), stderr)[0]).toMatch(/^:5:12: error: rule "括号"/u)
  })
})
