// The rule editor compiles the other rules once and the draft per edit; together they must answer exactly as the
// whole edited set compiled at once.
import { describe, expect, it } from 'vitest'
import { compileRuleSet, resolveRule } from '../../shared/rules/index.ts'
import type { MessageContext, Rule } from '../../shared/rules/types.ts'
import { checkDraft, combineMatches, editedRules, explainMatches, prepareOthers, type SetMatches } from '../../renderer/src/screens/rules/editor/edited-set.ts'
import { withRule } from '../../renderer/src/screens/rules/rule-set.ts'

const rule = (name: string, match: string, more: Partial<Rule> = {}): Rule => resolveRule({ name, match, ...more })

describe('the first rule, from the other rules and the draft', () => {
  const found = (indices: number[]): SetMatches => ({
    compact: 'x', kinds: [],
    matched: indices.map((index) => ({ index, match: { rule: rule(`other${index}`, 'x'), hits: [] } })),
  })
  const draft = (matches: boolean): SetMatches => ({ compact: 'x', kinds: [], matched: matches ? [{ index: 0, match: { rule: rule('draft', 'x'), hits: [] } }] : [] })
  const first = (others: number[], draftIndex: number, draftMatches: boolean) => combineMatches(found(others), draftIndex, draft(draftMatches)).first?.name ?? null

  it('is an other rule ahead of the draft, else the draft, else an other rule after it', () => {
    expect(first([1, 4], 1, true)).toBe('draft')
    expect(first([1, 4], 2, true)).toBe('other1')
    expect(first([1, 4], 2, false)).toBe('other1')
    expect(first([3, 4], 2, false)).toBe('other3')
    expect(first([], 0, true)).toBe('draft')
    expect(first([], 0, false)).toBe(null)
    expect(first([0], 1, true)).toBe('other0')
  })

  it('lists every match in priority order, the draft in its place', () => {
    const answer = combineMatches(found([0, 2, 5]), 2, draft(true))
    expect(answer.matched.map((match) => match.rule.name)).toEqual(['other0', 'draft', 'other2', 'other5'])
    expect(answer.draft?.rule.name).toBe('draft')
  })
})

describe('the edited set, compiled in two parts', () => {
  const saved: Rule[] = [
    rule('放行客服', '客服', { action: 'ignore' }),
    rule('微信', '(~微信 | vx) (加 | 私聊) - 官方'),
    rule('关掉的', '加', { enabled: false }),
    rule('手机号', '/1[3-9]\\d{9}/'),
    rule('只在一群', '红包', { scope: ['g1'] }),
    rule('名片', 'kind:card', { action: 'alert' }),
    rule('赌博', '赌博 | 百家乐', { action: 'remove' }),
    rule('加', '加 - 红包'),
  ]
  const drafts = [rule('草稿', '加 | 红包'), rule('草稿', '赌博 vx', { action: 'remove' }), rule('草稿', '客服 | kind:card', { scope: ['g1'] })]
  const messages = ['加我威信', '客服 加我vx', '红包群 加我', '13912345678 赌博', '百家乐 加vx 私聊 官方', '你好', '']
  const contexts: MessageContext[] = [{}, { groupId: 'g1', kinds: ['text'] }, { groupId: 'g2', kinds: ['card'] }]
  const editors: (string | null)[] = [null, ...saved.map((r) => r.name)]

  it('answers exactly as the whole set: every match in order, the first rule, the hits', () => {
    for (const originalName of editors) {
      const others = prepareOthers(saved, originalName)
      for (const edit of drafts) {
        const draft = { ...edit, name: originalName ?? '新草稿' }
        const checked = checkDraft(others, draft)
        const whole = compileRuleSet(editedRules(others, draft))
        for (const text of messages) {
          for (const context of contexts) {
            const answer = combineMatches(explainMatches(others.compiled!, text, context), others.index, explainMatches(checked.compiled!, text, context))
            const expected = whole.explain(text, context)
            const where = JSON.stringify({ originalName, draft: draft.match, text, context })
            expect(answer.matched.map((match) => ({ name: match.rule.name, hits: match.hits })), where).toEqual(expected.matched)
            expect(answer.first, where).toEqual(whole.first(text, context))
            expect(answer.compact, where).toBe(expected.compact)
            expect(answer.draft?.rule.name ?? null, where).toBe(expected.matched.some((match) => match.name === draft.name) ? draft.name : null)
          }
        }
      }
    }
  })

  it('puts the draft where it was saved, or last when new: the list the backtest and save get', () => {
    for (const originalName of editors) {
      const found = saved.findIndex((r) => r.name === originalName)
      const draft = rule(originalName ?? 'new', 'x')
      expect(editedRules(prepareOthers(saved, originalName), draft)).toEqual(withRule(saved, found < 0 ? null : found, draft))
    }
  })

  it('tells the draft its own problems, and a name another rule has', () => {
    const others = prepareOthers(saved, '手机号')
    expect(others.index).toBe(3)
    expect(checkDraft(others, rule('手机号', '(a |')).problems).toMatchObject([{ index: 3, rule: '手机号' }])
    expect(checkDraft(others, rule(' 赌博 ', 'a')).problems).toMatchObject([{ index: 3, code: 'duplicate_name' }])
    expect(checkDraft(others, rule('手机号', 'a')).compiled).not.toBeNull()
  })

  it('numbers the other rules’ problems as in the edited set', () => {
    const broken = [rule('a', 'x'), rule('b', '(y'), rule('c', 'z'), rule('d', '(w')]
    const others = prepareOthers(broken, 'c')
    expect(others.problems.map((problem) => [problem.rule, problem.index])).toEqual([['b', 1], ['d', 3]])
    expect(others.compiled).toBeNull()
  })
})
