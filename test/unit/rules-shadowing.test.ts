import { describe, expect, it } from 'vitest'
import { resolveRule } from '../../shared/rules/index.ts'
import { shadowedRules, unknownScopeGroups } from '../../shared/rules/shadowing.ts'
import type { RuleInput } from '../../shared/rules/types.ts'

const rules = (...inputs: RuleInput[]) => inputs.map(resolveRule)

describe('shadowedRules: rules below one that always matches first', () => {
  it('finds a rule whose every match holds a word of an earlier word list', () => {
    const set = rules(
      { name: '加微信', match: '加微信 | 加v' },
      { name: '加微信领红包', match: '加微信 + 红包' },
      { name: '联系方式', match: '"加微信好友" | 加vx' },
      { name: '红包', match: '红包' },
    )
    expect(shadowedRules(set)).toEqual([
      { rule: '加微信领红包', by: '加微信' },
      { rule: '联系方式', by: '加微信' },
    ])
  })

  it('reports an exact duplicate whatever its form, and ignores disabled rules', () => {
    const set = rules(
      { name: 'a', match: '代购 - 正品', enabled: false },
      { name: 'b', match: '/1[3-9]\\d{9}/' },
      { name: 'c', match: '/1[3-9]\\d{9}/' },
      { name: 'd', match: '代购 - 正品' },
    )
    expect(shadowedRules(set)).toEqual([{ rule: 'c', by: 'b' }])
  })

  it('leaves alone a rule with a way to match the earlier one misses', () => {
    const set = rules(
      { name: 'ad', match: '代购 - 官方' },
      { name: 'ad2', match: '代购' },
      { name: 'either', match: '加微信 | 返利' },
      { name: 'wx', match: '加微信' },
      { name: 'scoped', match: '红包', scope: ['g1'] },
      { name: 'everywhere', match: '红包' },
    )
    expect(shadowedRules(set)).toEqual([{ rule: 'wx', by: 'either' }])
  })
})

describe('unknownScopeGroups', () => {
  it('lists the scope entries that are neither a group id nor a topic', () => {
    const groups = [{ id: 'g1', topic: '孕妈交流群' }]
    expect(unknownScopeGroups(resolveRule({ name: 'r', match: 'x', scope: ['g1', '孕妈交流群', '不存在的群'] }), groups)).toEqual(['不存在的群'])
    expect(unknownScopeGroups(resolveRule({ name: 'r', match: 'x' }), groups)).toEqual([])
  })
})
