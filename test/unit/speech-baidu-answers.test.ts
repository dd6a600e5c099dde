// Reading Baidu's recognition answers: every documented err_no to its state, and hostile answers (whatever a proxy or
// a broken service sends) to a coded failure, never a crash.
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { interpretRecognition } from '../../electron/speech/baidu-recognizer.ts'

describe("Baidu's recognition answers", () => {
  it('gives the first result of a success, and nothing heard as an empty transcript', () => {
    expect(interpretRecognition({ err_no: 0, err_msg: 'success.', result: ['加微信有优惠', '加微信有优惠。'] })).toEqual({ ok: true, value: '加微信有优惠' })
    expect(interpretRecognition({ err_no: 0, result: [] })).toEqual({ ok: true, value: '' })
  })

  it('maps each err_no the issue names to its state', () => {
    const kinds: Record<string, number[]> = {
      auth: [3302],
      busy: [3303, 3304, 3305, 3307, 3313, 3315],
      'unusable-input': [3301, 3308, 3309, 3314, 3316],
      'bad-request': [3300, 3310, 3311, 3312, 9999],
    }
    for (const [kind, numbers] of Object.entries(kinds)) {
      for (const errNo of numbers) expect(interpretRecognition({ err_no: errNo, err_msg: 'x' })).toMatchObject({ ok: false, kind, errNo })
    }
  })

  it('reads any JSON at all as a success or a coded failure (property)', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (answer) => {
        const read = interpretRecognition(answer)
        return read.ok ? typeof read.value === 'string' : ['auth', 'busy', 'unusable-input', 'bad-request'].includes(read.kind)
      }),
      { numRuns: 2000 },
    )
  })
})
