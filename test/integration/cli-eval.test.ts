import { writeFileSync } from 'node:fs'
import { join, relative } from 'node:path'
import { describe, expect, it } from 'vitest'
import { corpusSplit } from '../../shared/signals/corpus/generate.ts'
import { ROOT, cli, scratchDir } from './cli-harness.ts'

const UNSEEN = relative(process.cwd(), join(ROOT, 'test/fixtures/signals/unseen.jsonl'))

function jsonl(dir: string, name: string, lines: readonly unknown[]): string {
  const path = join(dir, name)
  writeFileSync(path, `${lines.map((line) => (typeof line === 'string' ? line : JSON.stringify(line))).join('\n')}\n`)
  return path
}

interface Figures {
  truePositive: number
  falsePositive: number
  trueNegative: number
  falseNegative: number
  precision: number
  recall: number
  tested: number
  trained: number
}

const figuresOf = (stdout: string) => JSON.parse(stdout.trimEnd().split('\n').at(-1)!) as Figures

describe('cli eval', () => {
  it('scores the starter model on its held-out families by default: precision, recall, F1, confusion, one JSON line', async () => {
    const { code, stdout } = await cli('eval')
    expect(code).toBe(0)
    expect(stdout).toContain('predicted spam')
    const figures = figuresOf(stdout)
    expect(figures.tested).toBe(corpusSplit('heldout').length)
    expect(figures.truePositive + figures.falseNegative).toBe(corpusSplit('heldout').filter((m) => m.label === 'spam').length)
    expect(figures.precision).toBeGreaterThanOrEqual(0.95)
    expect(figures.recall).toBeGreaterThanOrEqual(0.95)
  })

  it('--test: the starter model on hand-written messages from no template', async () => {
    const figures = figuresOf((await cli('eval', '--test', UNSEEN)).stdout)
    expect(figures.tested).toBe(60)
    // Floors this independent file meets: the model is cautious (no false alarms) and catches most.
    expect(figures.precision).toBeGreaterThanOrEqual(0.9)
    expect(figures.recall).toBeGreaterThanOrEqual(0.7)
  })

  it('--data trains on one part and scores the rest; --train with --test scores a model trained on that file', async () => {
    const dir = scratchDir()
    const all = jsonl(dir, 'all.jsonl', [...corpusSplit('train'), ...corpusSplit('heldout')].map(({ text, label }) => ({ text, label })))
    const data = figuresOf((await cli('eval', '--data', all)).stdout)
    expect(data.tested + data.trained).toBe(corpusSplit('train').length + corpusSplit('heldout').length)
    expect(data.tested / (data.tested + data.trained)).toBeCloseTo(0.2, 1)

    // A model trained on ham only calls nothing spam.
    const hamOnly = jsonl(dir, 'ham.jsonl', corpusSplit('train').filter((m) => m.label === 'ham').map(({ text, label }) => ({ text, label })))
    const trained = figuresOf((await cli('eval', '--test', UNSEEN, '--train', hamOnly)).stdout)
    expect(trained.truePositive + trained.falsePositive).toBe(0)
  })

  it('reports every bad line with FILE:LINE and prints nothing else', async () => {
    const dir = scratchDir()
    const file = jsonl(dir, 'bad.jsonl', ['{"text":"加微信","label":"spam"}', '{"text":"hi","label":"maybe"}', 'not json', '{"label":"ham"}'])
    const { code, stdout, stderr } = await cli('eval', '--test', file)
    expect(code).toBe(2)
    expect(stdout).toBe('')
    expect(stderr.trimEnd().split('\n')).toEqual([
      `${file}:2: error: "label" must be "spam" or "ham"`,
      expect.stringMatching(new RegExp(`^${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:3: error: not valid JSON`)),
      `${file}:4: error: "text" must be a string`,
    ])
  })

  it('refuses option mistakes with usage', async () => {
    expect((await cli('eval', '--train', UNSEEN)).stderr).toContain('--train needs --test')
    expect((await cli('eval', '--data', UNSEEN, '--test', UNSEEN)).stderr).toContain('does not combine')
    const threshold = await cli('eval', '--threshold', '2')
    expect(threshold.code).toBe(2)
    expect(threshold.stderr).toContain('--threshold must be a number between 0 and 1')
  })
})
