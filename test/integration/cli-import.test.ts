import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { parseRulesFile } from '../../shared/rules/files.ts'
import { cli, fixture, linesAbout, scratchDir } from './cli-harness.ts'

function tempFile(name: string, text: string): string {
  const path = join(scratchDir(), name)
  writeFileSync(path, text)
  return path
}

describe('import', () => {
  it.each(['yaml', 'json'] as const)('writes the old tool\'s rules as %s that check reads with the same results', async (format) => {
    const imported = await cli('import', fixture('wx-bot.txt'), '--format', format)
    expect(imported.code).toBe(0)
    expect(linesAbout(fixture('wx-bot.txt'), imported.stderr)).toEqual([expect.stringMatching(/^:4:4: warning: /u), expect.stringMatching(/^:5:5: warning: /u)])
    expect(parseRulesFile(imported.stdout, `rules.${format}`).rules).toEqual([
      { name: 'wx-bot:1', match: '"赌博" | "博彩"', reply: '请勿发布赌博信息', action: 'warn' },
      { name: 'wx-bot:2', match: '"兼职" - "官方" - "客服"', reply: '请勿发布兼职广告', action: 'warn' },
      { name: 'wx-bot:4', match: '"加V.信"', reply: '请不要拉人加好友', action: 'warn' },
      { name: 'wx-bot:5', match: '"代购"', reply: null, action: 'warn' },
    ])

    const converted = tempFile(`rules.${format}`, imported.stdout)
    const fromText = await cli('check', '--rules', fixture('wx-bot.txt'), '--messages', fixture('wx-bot-messages.jsonl'))
    const fromConverted = await cli('check', '--rules', converted, '--messages', fixture('wx-bot-messages.jsonl'))
    expect(fromConverted).toEqual({ code: 0, stdout: fromText.stdout, stderr: '' })
  })

  it('writes nothing when a line cannot be imported', async () => {
    const bad = tempFile('old.txt', '赌博"ok"\n赌博-"r"\n')
    const { code, stdout, stderr } = await cli('import', bad)
    expect([code, stdout]).toEqual([2, ''])
    expect(linesAbout(bad, stderr)).toEqual([':2:4: error: rule "wx-bot:2": nothing after -'])
  })

  it('writes nothing when the engine refuses an imported rule, and points at the keyword', async () => {
    const bad = tempFile('old.txt', '广告+★★"r"\n')
    const { code, stdout, stderr } = await cli('import', bad)
    expect([code, stdout]).toEqual([2, ''])
    expect(linesAbout(bad, stderr)).toEqual([expect.stringMatching(/^:1:4: error: rule "wx-bot:1": .*no letter or digit/u)])
  })

  it.each([
    [['import'], /name the file to import/u],
    [['import', 'a.txt', 'b.txt'], /one file at a time/u],
    [['import', 'a.txt', '--format', 'xml'], /--format must be yaml or json, not "xml"/u],
  ])('%j -> exit 2 with usage', async (argv, message) => {
    const { code, stdout, stderr } = await cli(...argv)
    expect([code, stdout]).toEqual([2, ''])
    expect(stderr).toMatch(message)
    expect(stderr).toMatch(/usage: npm run -s cli -- import FILE/u)
  })
})
