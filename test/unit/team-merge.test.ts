// The pure decisions of team mode: what a new pack version changed, which version wins, how team rules are named.
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { packWins } from '../../shared/team/merge.ts'
import { diffPack, isEmptyDiff, teamRuleName } from '../../shared/team/pack-diff.ts'

describe('pack diff', () => {
  it('names the rules added, removed and changed, with the fields that changed; order is not a change', () => {
    const before = [
      { name: '广告', match: '代购' },
      { name: '赌博', match: '赌博', action: 'remove' as const },
      { name: '返利', match: '返利' },
    ]
    const after = [
      { name: '赌博', match: '赌博 | 百家乐', action: 'alert' as const },
      { name: '广告', match: '代购' },
      { name: '刷单', match: '刷单' },
    ]
    expect(diffPack(before, after)).toEqual({ added: ['刷单'], removed: ['返利'], changed: [{ name: '赌博', fields: ['match', 'action'] }] })
    expect(isEmptyDiff(diffPack(before, [...before].reverse()))).toBe(true)
  })

  it('compares rules with their defaults filled: spelling a default out is no change', () => {
    expect(isEmptyDiff(diffPack([{ name: 'a', match: 'x' }], [{ name: ' a ', match: 'x', action: 'warn', enabled: true, scope: 'all' }]))).toBe(true)
  })

  it('a first version adds every rule', () => {
    expect(diffPack([], [{ name: 'a', match: 'x' }])).toEqual({ added: ['a'], removed: [], changed: [] })
  })
})

describe('pack versions', () => {
  it('the higher number wins whatever order versions arrive in', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 1, max: 50 }), { minLength: 1, maxLength: 20 }), (arrivals) => {
        let local: number | null = null
        for (const version of arrivals) if (packWins(local, version)) local = version
        expect(local).toBe(Math.max(...arrivals))
      }),
    )
  })

  it('team rules are named apart from the rep’s own', () => {
    expect(teamRuleName('通用', '广告')).toBe('通用 · 广告')
  })
})
