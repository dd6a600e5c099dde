import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { backtestSteps, type BacktestMessage, type BacktestOutcome } from '../../shared/rules/backtest.ts'
import { compileRuleSet } from '../../shared/rules/index.ts'
import type { RuleInput } from '../../shared/rules/types.ts'

function run(saved: RuleInput[], edited: RuleInput[], texts: string[]): BacktestOutcome {
  const messages: BacktestMessage[] = texts.map((text, k) => ({ id: `m${k}`, groupId: 'g1', senderName: 'x', kind: 'text', text, at: k }))
  const steps = backtestSteps(compileRuleSet(saved), compileRuleSet(edited), messages, () => undefined, 2)
  for (;;) {
    const step = steps.next()
    if (step.done) return step.value
  }
}

/** The definition: the first acting rule of each set, on every message. */
function reference(saved: RuleInput[], edited: RuleInput[], texts: string[]) {
  const acting = (rules: RuleInput[], text: string) => {
    const rule = compileRuleSet(rules).first(text, { groupId: 'g1', kinds: ['text'] })
    return rule && rule.action !== 'ignore' ? rule.name : null
  }
  const pairs = texts.map((text) => [acting(saved, text), acting(edited, text)] as const)
  return {
    newlyCaught: pairs.filter(([b, a]) => b === null && a !== null).length,
    noLongerCaught: pairs.filter(([b, a]) => b !== null && a === null).length,
    changedRule: pairs.filter(([b, a]) => b !== null && a !== null && b !== a).length,
  }
}

describe('backtest', () => {
  const saved: RuleInput[] = [
    { name: 'contact', match: '微信 - 客服' },
    { name: 'gamble', match: '赌博' },
  ]
  const texts = ['加我微信', '客服微信多少', '赌博网站', '加微信来赌博', '你好', '返利群']

  it('lists newly caught and no longer caught messages, and counts a change of first rule', () => {
    const edited: RuleInput[] = [
      { name: 'gamble', match: '赌博' },
      { name: 'contact', match: '微信' },
      { name: 'rebate', match: '返利' },
    ]
    const outcome = run(saved, edited, texts)
    expect(outcome.scanned).toBe(texts.length)
    expect(outcome.newlyCaught.map((d) => [d.text, d.before, d.after])).toEqual([
      ['客服微信多少', null, 'contact'],
      ['返利群', null, 'rebate'],
    ])
    expect(outcome.noLongerCaught).toEqual([])
    // 加微信来赌博: contact first before, gamble first after (the order changed, so everything was compared).
    expect(outcome.changedRule).toBe(1)
  })

  it('an ignore rule placed first stops a message from being caught', () => {
    const outcome = run(saved, [{ name: 'staff', match: '赌博网站', action: 'ignore' }, ...saved], texts)
    expect(outcome.noLongerCaught.map((d) => d.text)).toEqual(['赌博网站'])
  })

  it('an unchanged set changes nothing', () => {
    expect(run(saved, saved, texts)).toMatchObject({ newlyCaught: [], noLongerCaught: [], changedRule: 0 })
  })

  it('screening by the changed rules gives the same answer as comparing every message', () => {
    const WORDS = ['微信', '客服', '赌博', '返利', '加']
    const rule = fc.record({
      name: fc.constantFrom('a', 'b', 'c', 'd', 'e'),
      match: fc.array(fc.constantFrom(...WORDS), { minLength: 1, maxLength: 2 }).map((w) => w.join(' ')),
      action: fc.constantFrom('warn' as const, 'ignore' as const, 'alert' as const),
      enabled: fc.boolean(),
    })
    const ruleSet = fc.uniqueArray(rule, { selector: (r) => r.name, maxLength: 5 })
    const message = fc.array(fc.constantFrom(...WORDS, '你好'), { maxLength: 4 }).map((w) => w.join(''))
    // An edit as a rep makes it: some saved rules kept (possibly reordered), some dropped, some added or rewritten.
    const edit = ruleSet.chain((before) =>
      fc.tuple(fc.constant(before), fc.shuffledSubarray(before), ruleSet).map(([saved, kept, extra]): [RuleInput[], RuleInput[]] => {
        const names = new Set(kept.map((rule) => rule.name))
        return [saved, [...kept, ...extra.filter((rule) => !names.has(rule.name))]]
      }),
    )
    fc.assert(
      fc.property(edit, fc.array(message, { maxLength: 12 }), ([before, after], messages) => {
        const outcome = run(before, after, messages)
        expect({
          newlyCaught: outcome.newlyCaught.length,
          noLongerCaught: outcome.noLongerCaught.length,
          changedRule: outcome.changedRule,
        }).toEqual(reference(before, after, messages))
      }),
      { numRuns: 300 },
    )
  })
})
