// Characters whose compact form is longer than themselves (™ -> tm, ㎡ -> m2, 勣 -> an astral character) used to
// overflow the compact buffer: its writes fell off the end of the typed array while its length kept counting, and the
// automaton then scanned `undefined` forever. One such message froze the whole service.
import { describe, expect, it } from 'vitest'
import { Automaton, HitBuffer } from '../../shared/rules/automaton.ts'
import { compileRuleSet } from '../../shared/rules/index.ts'
import { CompactBuffer, foldCluster } from '../../shared/rules/normalize.ts'

const REPORTED = '™™' + 'a'.repeat(254)

describe('text that grows when folded', () => {
  it('folds completely into a fresh buffer, spans included', () => {
    const buffer = new CompactBuffer()
    buffer.fold(REPORTED)
    expect(buffer.text()).toBe('tmtm' + 'a'.repeat(254))
    expect(buffer.length).toBe(258)
    expect(Array.from(buffer.starts.subarray(0, 4))).toEqual([0, 0, 1, 1])
    expect(buffer.ends[257]).toBe(REPORTED.length)
  })

  it('folds completely without spans too (the matching path)', () => {
    const buffer = new CompactBuffer()
    const text = '㎡'.repeat(200) + '微信'.repeat(100)
    buffer.fold(text, false)
    expect(buffer.text()).toBe('m2'.repeat(200) + '微信'.repeat(100))
  })

  it('every expanding character the normaliser knows, at the start of a buffer-sized message', () => {
    for (const ch of ['™', '㎡', '½', '勣', '⑩', 'ﬃ', '㍿', 'ﷺ', '⒇', 'Ǆ']) {
      const buffer = new CompactBuffer()
      const text = ch.repeat(3) + 'b'.repeat(256 - 3 * ch.length)
      buffer.fold(text, false)
      expect(buffer.text(), ch).toBe(foldCluster(ch).repeat(3) + 'b'.repeat(256 - 3 * ch.length))
    }
  })

  it('the reported message is judged, and a word after the expansion is found', () => {
    const compiled = compileRuleSet([{ name: 'tail', match: 'aaaa微信' }])
    expect(compiled.match(REPORTED)).toEqual([])
    expect(compiled.match('™™' + 'a'.repeat(254) + '微信')).toEqual(['tail'])
    const explanation = compiled.explain('™'.repeat(300) + 'aaaa微信')
    expect(explanation.matched[0]!.hits[0]!.end).toBe(300 + 6)
  })
})

describe('a scan never reads past its input', () => {
  const automaton = new Automaton(['ab'])
  it('throws when told the input is longer than it is', () => {
    const codes = new Uint16Array([97, 98])
    expect(() => automaton.scan(codes, 3, new HitBuffer())).toThrow(RangeError)
    expect(() => automaton.scan(codes, -1, new HitBuffer())).toThrow(/outside the input/)
  })
  it('scans its whole input otherwise', () => {
    const hits = new HitBuffer()
    expect(automaton.scan(new Uint16Array([97, 98, 97, 98]), 4, hits)).toBe(2)
    expect(Array.from(hits.pairs.subarray(0, 4))).toEqual([0, 2, 0, 4])
  })
})
