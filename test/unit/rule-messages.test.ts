// The regex engine's own errors reach the rep in the window's language, not as re2js wrote them.
import { describe, expect, it } from 'vitest'
import { validateRules } from '../../shared/rules/index.ts'
import { ruleErrorText } from '../../shared/rules/messages.ts'

function regexProblem(regex: string) {
  const [problem] = validateRules([{ name: 'r', match: `/${regex}/` }])
  expect(problem?.code).toBe('invalid_regex')
  return problem!
}

describe('invalid regexes, said in both languages', () => {
  it.each([
    ['1[3-9', '[', 'has no closing ]'],
    ['(ab', '(', 'has no closing )'],
    ['ab)', ')', 'has no ( before it'],
    ['a**', '重复', 'two repetitions'],
    ['a{3,1}', '次数', 'not a valid number'],
  ])('/%s/', (regex, chinese, english) => {
    const problem = regexProblem(regex)
    const zh = ruleErrorText(problem.code!, problem.params, 'zh-CN')
    expect(zh).toContain(chinese)
    expect(zh).not.toMatch(/missing|closing|unexpected|invalid|repetition/u)
    expect(ruleErrorText(problem.code!, problem.params, 'en')).toContain(english)
  })

  it('keeps an error the table does not know as the engine said it', () => {
    expect(ruleErrorText('invalid_regex', { term: '/x/', reason: 'something new' }, 'zh-CN')).toBe('正则 /x/ 写得不对：something new')
  })
})
