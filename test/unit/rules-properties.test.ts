// Property-based: no input string crashes or hangs the parser or the engine, and the engine agrees with a
// straightforward reference evaluation on random rules.
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { compactText, compileRuleSet, normalizeText, parseExpression, RuleSyntaxError } from '../../shared/rules/index.ts'
import { compileRegex } from '../../shared/rules/parse.ts'

const ALPHABET = ['微', '信', '薇', '加', '客', '服', 'a', 'B', 'Ｃ', '1', ' ', '|', '&', '+', '-', '!', '(', ')', '"', '/', '~', '#', '\\', '\n', '（', '）', '｜', 'OR', 'AND', 'NOT', 'kind:', '*', '[', ']', '{', '}', '🎲', '\u200b']
const expressionText = fc.array(fc.constantFrom(...ALPHABET), { maxLength: 40 }).map((parts) => parts.join(''))

describe('no input crashes or hangs the parser', () => {
  it('random operator soup either parses or throws RuleSyntaxError with a position inside the text', () => {
    fc.assert(
      fc.property(fc.oneof(expressionText, fc.string({ maxLength: 60 }), fc.string({ unit: 'binary', maxLength: 60 })), (source) => {
        try {
          parseExpression(source)
        } catch (error) {
          expect(error).toBeInstanceOf(RuleSyntaxError)
          const { line, column, offset } = (error as RuleSyntaxError).position
          expect(line).toBeGreaterThanOrEqual(1)
          expect(column).toBeGreaterThanOrEqual(1)
          expect(offset).toBeLessThanOrEqual(source.length)
        }
      }),
      { numRuns: 3000 },
    )
  })
})

describe('no input crashes the engine', () => {
  const compiled = compileRuleSet([
    { name: 'a', match: '微信 | ~威信' },
    { name: 'b', match: '/\\d{5,}/ - 客服' },
    { name: 'c', match: '"free gift" | casino' },
  ])
  it('any text matches, explains and maps spans inside the text', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ maxLength: 200 }), fc.string({ unit: 'binary', maxLength: 200 }), fc.string({ unit: 'grapheme', maxLength: 50 })), (text) => {
        compiled.match(text)
        const explanation = compiled.explain(text)
        for (const match of explanation.matched) {
          for (const hit of match.hits) {
            expect(hit.start).toBeGreaterThanOrEqual(0)
            expect(hit.end).toBeLessThanOrEqual(text.length)
            expect(hit.start).toBeLessThanOrEqual(hit.end)
          }
        }
        const { compact, starts, ends } = normalizeText(text)
        expect(starts.length).toBe(compact.length)
        for (let k = 1; k < starts.length; k++) expect(starts[k]!).toBeGreaterThanOrEqual(starts[k - 1]!)
        for (let k = 0; k < ends.length; k++) expect(ends[k]!).toBeLessThanOrEqual(text.length)
      }),
      { numRuns: 2000 },
    )
  })

  it('normalising is idempotent: the compact text of a compact text is itself', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 80 }), (text) => {
        const compact = compactText(text)
        expect(compactText(compact)).toBe(compact)
      }),
      { numRuns: 1000 },
    )
  })
})

// A reference evaluation: substring tests on the compact text, straight from the definition.
type Tree = { word: string } | { not: Tree } | { and: Tree[] } | { or: Tree[] }
const WORDS = ['微信', '客服', '加我', '赌博', 'vx', '电话', '返利']
const tree: fc.Arbitrary<Tree> = fc.letrec<{ tree: Tree }>((tie) => ({
  tree: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.constantFrom(...WORDS).map((word) => ({ word })),
    tie('tree').map((inner) => ({ not: inner })),
    fc.array(tie('tree'), { minLength: 2, maxLength: 3 }).map((items) => ({ and: items })),
    fc.array(tie('tree'), { minLength: 2, maxLength: 3 }).map((items) => ({ or: items })),
  ),
})).tree

function print(t: Tree): string {
  if ('word' in t) return t.word
  if ('not' in t) return `!(${print(t.not)})`
  if ('and' in t) return `(${t.and.map(print).join(' & ')})`
  return `(${t.or.map(print).join(' | ')})`
}

function reference(t: Tree, compact: string): boolean {
  if ('word' in t) return compact.includes(t.word)
  if ('not' in t) return !reference(t.not, compact)
  if ('and' in t) return t.and.every((x) => reference(x, compact))
  return t.or.some((x) => reference(x, compact))
}

describe('the compiled set agrees with the definition', () => {
  it('on random rules and messages', () => {
    const message = fc.array(fc.constantFrom(...WORDS, '你好', ' ', '🎲', 'V', 'X', '賭', '博'), { maxLength: 12 }).map((p) => p.join(''))
    fc.assert(
      fc.property(fc.array(tree, { minLength: 1, maxLength: 6 }), fc.array(message, { maxLength: 10 }), (trees, messages) => {
        const valid = trees.filter((t) => !reference(t, ''))
        if (valid.length === 0) return
        const compiled = compileRuleSet(valid.map((t, i) => ({ name: `r${i}`, match: print(t) })))
        for (const text of messages) {
          const compact = compactText(text)
          const expected = valid.flatMap((t, i) => (reference(t, compact) ? [`r${i}`] : []))
          expect(compiled.match(text)).toEqual(expected)
        }
      }),
      { numRuns: 500 },
    )
  })

  it('refuses exactly the rules that would match a message with none of their words', () => {
    fc.assert(
      fc.property(tree, (t) => {
        const refused = (() => {
          try {
            parseExpression(print(t))
            return false
          } catch {
            return true
          }
        })()
        expect(refused).toBe(reference(t, ''))
      }),
      { numRuns: 500 },
    )
  })
})

describe('regexes wait for their required text without missing a match', () => {
  const atom = fc.constantFrom('a', 'b', '1', '2', '[ab]', '[1-3]', '\\d', '.', '(a|1)', '(?:b2)')
  const quantifier = fc.constantFrom('', '', '?', '*', '+', '{2}', '{1,3}', '{0,2}')
  const regex = fc.array(fc.tuple(atom, quantifier), { minLength: 1, maxLength: 5 }).map((parts) => parts.map(([a, q]) => a + q).join(''))
  const text = fc.array(fc.constantFrom('a', 'b', '1', '2', '3', 'A', ' ', '文'), { maxLength: 14 }).map((parts) => parts.join(''))

  it('matches exactly when the regex alone would, on the compact text', () => {
    fc.assert(
      fc.property(regex, fc.array(text, { maxLength: 8 }), (source, texts) => {
        let compiled
        try {
          compiled = compileRuleSet([{ name: 'r', match: `/${source}/` }])
        } catch {
          return // refused (matches the empty text): nothing to compare
        }
        const direct = compileRegex(source)
        for (const message of texts) {
          expect(compiled.match(message).length === 1, `/${source}/ on ${JSON.stringify(message)}`).toBe(direct.test(compactText(message)))
        }
      }),
      { numRuns: 1500 },
    )
  })
})
