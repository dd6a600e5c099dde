// The examples in docs/rules.md are run here, so the guide cannot drift from what the command line does.
import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { cli, ROOT, scratchDir } from './cli-harness.ts'

const guide = readFileSync(join(ROOT, 'docs/rules.md'), 'utf8')
const [chinese, english] = guide.split(/^## English$/mu)

function codeBlocks(section: string, language: string): string[] {
  return [...section.matchAll(/^```(\w+)\n([\s\S]*?)^```$/gmu)].filter((block) => block[1] === language).map((block) => block[2]!)
}

describe.each([
  ['中文', chinese!],
  ['English', english!],
])('docs/rules.md (%s)', (_, section) => {
  const [rules] = codeBlocks(section, 'yaml')
  const [messages, results, explained] = codeBlocks(section, 'jsonl')

  it('the check example prints what the guide shows', async () => {
    const dir = scratchDir()
    writeFileSync(join(dir, 'rules.yaml'), rules!)
    writeFileSync(join(dir, 'messages.jsonl'), messages!)
    const plain = await cli('check', '--rules', join(dir, 'rules.yaml'), '--messages', join(dir, 'messages.jsonl'))
    expect(plain).toEqual({ code: 0, stdout: results, stderr: '' })
    const explain = await cli('check', '--rules', join(dir, 'rules.yaml'), '--messages', join(dir, 'messages.jsonl'), '--explain')
    expect(explain.stdout.split('\n')[0]).toBe(explained!.trimEnd())
  })
})
