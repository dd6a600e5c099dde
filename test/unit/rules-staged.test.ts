// The staged compile: one implementation, run to its end or in slices. The sliced driver pauses as its injected clock
// says, and what it builds (or refuses, and why) is exactly what compileRuleSet builds or refuses.
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  compileRuleSet,
  compileRuleSetInSteps,
  RuleSetError,
  runInSlices,
  type RuleInput,
  type Slicer,
  type Staged,
} from '../../shared/rules/index.ts'

/** A clock that moves one "millisecond" each time it is read, and a pause that only counts. */
function countingSlicer(sliceMs: number): Slicer & { pauses: number; reads: number } {
  const slicer = {
    pauses: 0,
    reads: 0,
    sliceMs,
    now: () => slicer.reads++,
    pause: async () => void slicer.pauses++,
  }
  return slicer
}

function* steps(count: number, log: string[]): Staged<number> {
  for (let k = 0; k < count; k++) {
    log.push(`step ${k}`)
    yield
  }
  return count
}

/** What a compile gave: the matches of each message, or the problems it refused with. */
async function outcome(build: () => Promise<ReturnType<typeof compileRuleSet>>, messages: readonly string[]) {
  try {
    const set = await build()
    return { matches: messages.map((text) => set.match(text, { groupId: 'g1' })) }
  } catch (error) {
    if (error instanceof RuleSetError) return { problems: error.problems }
    throw error
  }
}

describe('runInSlices', () => {
  it('pauses each time a slice has run for sliceMs on its clock, and returns what the steps return', async () => {
    const log: string[] = []
    const slicer = countingSlicer(10)
    const paused: number[] = []
    const pause = slicer.pause
    slicer.pause = async () => {
      paused.push(log.length)
      await pause()
    }
    expect(await runInSlices(steps(100, log), slicer)).toBe(100)
    expect(log).toHaveLength(100)
    // One read a step plus one after each pause: a pause every 10 reads, so every 9 or 10 steps.
    expect(slicer.pauses).toBeGreaterThanOrEqual(9)
    const slices = paused.map((at, k) => at - (paused[k - 1] ?? 0))
    expect(Math.max(...slices)).toBeLessThanOrEqual(10)
  })

  it('never pauses a computation that fits in one slice', async () => {
    const slicer = countingSlicer(1_000)
    expect(await runInSlices(steps(20, []), slicer)).toBe(20)
    expect(slicer.pauses).toBe(0)
  })

  it('gives the event loop back while a large rule set compiles', async () => {
    const inputs = Array.from({ length: 2_000 }, (_, k) => ({ name: `r${k}`, match: k % 2 ? `/vx[a-z0-9]{5,}${k}/` : `加微信${k} | ~客服${k}` }))
    const slicer = countingSlicer(50)
    const set = await runInSlices(compileRuleSetInSteps(inputs), slicer)
    expect(slicer.pauses).toBeGreaterThan(100)
    const messages = ['加微信7', 'vxabcde1999', '客服 8', '你好']
    expect(messages.map((text) => set.match(text))).toEqual(messages.map((text) => compileRuleSet(inputs).match(text)))
  })
})

describe('the sliced compile agrees with compileRuleSet', () => {
  const NAMES = ['a', 'b', 'c', ' a ', '']
  const EXPRESSIONS = ['微信', '加 & 微信', '微信 - 客服', '/1[3-9]\\d{9}/', '~威信', 'kind:link', '(', '/#/', '""', 'a | b | c', '!x']
  const rule = fc.record(
    {
      name: fc.constantFrom(...NAMES),
      match: fc.constantFrom(...EXPRESSIONS),
      action: fc.constantFrom('warn', 'remove', 'alert', 'ignore', 'shout'),
      scope: fc.constantFrom<RuleInput['scope']>('all', ['g1'], ['g2']),
    },
    { requiredKeys: ['name', 'match'] },
  )
  const messages = ['加微信', '微信客服', '13912345678', 'https://x.cn', 'a b', '威信']

  it('builds the same set or refuses with the same problems, whatever the slices', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(rule, { maxLength: 8 }), fc.integer({ min: 0, max: 20 }), async (inputs, sliceMs) => {
        const atOnce = await outcome(async () => compileRuleSet(inputs as RuleInput[]), messages)
        const sliced = await outcome(() => runInSlices(compileRuleSetInSteps(inputs as RuleInput[]), countingSlicer(sliceMs)), messages)
        expect(sliced).toEqual(atOnce)
      }),
      { numRuns: 300 },
    )
  })
})
