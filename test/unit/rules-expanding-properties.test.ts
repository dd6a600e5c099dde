// Property-based: text that grows when folded (™ -> tm, ㎡ -> m2, ﷺ -> 15 letters, 勣 -> an astral character),
// mixed with letters, Han, punctuation the compact text drops, surrogate pairs, lone surrogates and combining marks,
// at and around the sizes the compact buffer starts at and grows to. Each property uses a fresh buffer or a freshly
// compiled set, because a buffer that once grew large would hide an overflow.
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { Automaton, HitBuffer } from '../../shared/rules/automaton.ts'
import { compileRuleSet } from '../../shared/rules/index.ts'
import { CompactBuffer, foldCluster } from '../../shared/rules/normalize.ts'

const EXPANDING = ['™', '㎡', '½', '勣', '⑩', 'ﬁ', 'ﬃ', '㍿', 'ﷺ', '⒇', '℡', 'Ǆ', '㏒', 'ǉ', '№']
const PIECES = {
  expanding: fc.constantFrom(...EXPANDING),
  letter: fc.constantFrom('a', 'B', 'Ｃ', 'x', '7', 'é'),
  han: fc.constantFrom('微', '信', '客', '服', '賭', '博', '加'),
  dropped: fc.constantFrom(' ', '.', '，', '!', '\u200b', '\n', '-', '　'),
  astral: fc.constantFrom('🎲', '𠀀', '😀', '𝐀'),
  loneSurrogate: fc.constantFrom('\ud83c', '\udfb2'),
  mark: fc.constantFrom('\u0301', '\u0308', '\u20dd'),
}
const piece = fc.oneof(
  { arbitrary: PIECES.expanding, weight: 4 },
  { arbitrary: PIECES.letter, weight: 3 },
  { arbitrary: PIECES.han, weight: 3 },
  { arbitrary: PIECES.dropped, weight: 2 },
  { arbitrary: PIECES.astral, weight: 1 },
  { arbitrary: PIECES.loneSurrogate, weight: 1 },
  { arbitrary: PIECES.mark, weight: 1 },
)
// The buffer starts at 256 code units and doubles: pad messages to land just below, on and just past those sizes.
const BOUNDARIES = [256, 512, 1024]
const hostileText = fc
  .tuple(fc.array(piece, { maxLength: 60 }), fc.constantFrom(...BOUNDARIES), fc.integer({ min: -8, max: 8 }), fc.array(piece, { maxLength: 20 }), fc.boolean())
  .map(([head, boundary, offset, tail, padded]) => {
    const front = head.join('')
    const fill = padded ? 'a'.repeat(Math.max(0, boundary + offset - front.length)) : ''
    return front + fill + tail.join('')
  })

/** The compact text by definition: each character cluster (a code point and the marks after it) folded on its own. */
function foldedByDefinition(text: string): string {
  let out = ''
  for (const cluster of text.match(/[^\p{M}]\p{M}*|\p{M}+/gsu) ?? []) out += foldCluster(cluster)
  return out
}

describe('the normaliser on text that grows when folded', () => {
  it('folds to the definition, with one in-range, ordered span per compact unit', () => {
    fc.assert(
      fc.property(hostileText, fc.boolean(), (text, withSpans) => {
        const buffer = new CompactBuffer()
        buffer.fold(text, withSpans)
        const compact = buffer.text()
        expect(compact).toBe(foldedByDefinition(text))
        expect(buffer.length).toBe(compact.length)
        expect(buffer.codes.length).toBeGreaterThanOrEqual(buffer.length)
        if (!withSpans) return
        for (let k = 0; k < buffer.length; k++) {
          expect(buffer.starts[k]!).toBeLessThan(buffer.ends[k]!)
          expect(buffer.ends[k]!).toBeLessThanOrEqual(text.length)
          if (k > 0) expect(buffer.starts[k]!).toBeGreaterThanOrEqual(buffer.starts[k - 1]!)
        }
      }),
      { numRuns: 800 },
    )
  })

  it('a buffer reused across messages of every size gives what a fresh one gives', () => {
    fc.assert(
      fc.property(fc.array(hostileText, { minLength: 2, maxLength: 6 }), (texts) => {
        const reused = new CompactBuffer()
        for (const text of texts) {
          reused.fold(text)
          const fresh = new CompactBuffer()
          fresh.fold(text)
          expect(reused.text()).toBe(fresh.text())
        }
      }),
      { numRuns: 200 },
    )
  })
})

describe('the automaton', () => {
  const alphabet = fc.constantFrom(97, 98, 99, 0x5fae, 0x4fe1)
  it('finds exactly the occurrences a naive search finds, and refuses to read past its input', () => {
    fc.assert(
      fc.property(
        fc.array(fc.array(alphabet, { minLength: 1, maxLength: 4 }), { minLength: 1, maxLength: 6 }),
        fc.array(alphabet, { maxLength: 300 }),
        fc.integer({ min: -2, max: 310 }),
        (patternCodes, input, claimed) => {
          const patterns = patternCodes.map((codes) => String.fromCharCode(...codes))
          const automaton = new Automaton(patterns)
          const codes = Uint16Array.from(input)
          const hits = new HitBuffer()
          if (claimed < 0 || claimed > codes.length) {
            expect(() => automaton.scan(codes, claimed, hits)).toThrow(RangeError)
            return
          }
          const found: string[] = []
          const count = automaton.scan(codes, claimed, hits)
          for (let k = 0; k < count; k++) found.push(`${hits.pairs[2 * k]}@${hits.pairs[2 * k + 1]}`)
          const text = String.fromCharCode(...input.slice(0, claimed))
          const expected: string[] = []
          patterns.forEach((pattern, id) => {
            for (let end = pattern.length; end <= text.length; end++) if (text.slice(end - pattern.length, end) === pattern) expected.push(`${id}@${end}`)
          })
          expect(found.sort()).toEqual(expected.sort())
        },
      ),
      { numRuns: 500 },
    )
  })
})

describe('the whole engine on text that grows when folded', () => {
  const WORDS = ['tm', 'm2', '10', 'ffi', '微信', '客服', 'aaaa', '株式会社', 'tel']
  it('matches, first-matches and explains exactly as substring tests on the definition say', () => {
    fc.assert(
      fc.property(fc.subarray(WORDS, { minLength: 1 }), hostileText, (words, text) => {
        const compiled = compileRuleSet(words.map((word, i) => ({ name: `r${i}`, match: word })))
        const compact = foldedByDefinition(text)
        const expected = words.flatMap((word, i) => (compact.includes(word) ? [`r${i}`] : []))
        expect(compiled.match(text)).toEqual(expected)
        expect(compiled.first(text)?.name ?? null).toBe(expected[0] ?? null)
        const explanation = compiled.explain(text)
        expect(explanation.compact).toBe(compact)
        expect(explanation.matched.map((m) => m.name)).toEqual(expected)
        for (const match of explanation.matched) {
          for (const hit of match.hits) {
            expect(hit.start).toBeGreaterThanOrEqual(0)
            expect(hit.start).toBeLessThan(hit.end)
            expect(hit.end).toBeLessThanOrEqual(text.length)
          }
        }
      }),
      { numRuns: 300 },
    )
  })
})
