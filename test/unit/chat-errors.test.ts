import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { actionReasonText, ACTION_REASON_CODES } from '../../shared/outcomes/action-reasons.ts'
import { reasonOf, transientReason } from '../../electron/wechat/chat-errors.ts'

describe('telling a puppet’s errors apart', () => {
  it('reads timeouts and dropped connections as failures on the way, anything else as WeChat saying no', () => {
    expect(transientReason(new Error('request timed out after 30000ms'))).toEqual({ code: 'timeout' })
    expect(transientReason(new Error('14 UNAVAILABLE: No connection established'))).toEqual({ code: 'disconnected' })
    expect(transientReason(new Error('read ECONNRESET'))).toEqual({ code: 'disconnected' })
    expect(transientReason(new Error('群主或管理员才能移出成员'))).toBeNull()
    expect(reasonOf('boom')).toEqual({ code: 'unknown_error', params: { message: 'boom' } })
  })

  it('never throws on hostile error texts or whatever a puppet rejects with, and keeps what it stores short', () => {
    expect(reasonOf({ toString: '' })).toEqual({ code: 'unknown_error', params: { message: 'unreadable error' } })
    expect(reasonOf(Object.create(null))).toEqual({ code: 'unknown_error', params: { message: 'unreadable error' } })
    fc.assert(
      fc.property(fc.oneof(fc.string({ maxLength: 5000 }), fc.anything(), fc.string({ maxLength: 5000 }).map((text) => new Error(text))), (thrown) => {
        const reason = reasonOf(thrown)
        expect((reason.params?.message ?? '').length).toBeLessThanOrEqual(200)
        for (const language of ['en', 'zh-CN'] as const) expect(typeof actionReasonText(reason, language)).toBe('string')
      }),
    )
  })

  it('has a text in both languages for every reason code', () => {
    for (const code of ACTION_REASON_CODES) {
      expect(actionReasonText({ code }, 'en')).not.toBe('')
      expect(actionReasonText({ code }, 'zh-CN')).not.toBe('')
    }
  })
})
