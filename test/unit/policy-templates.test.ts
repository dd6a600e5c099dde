import { describe, expect, it } from 'vitest'
import { DEFAULT_SETTINGS, parseSetting, renderTemplate, renderWarning } from '../../shared/policy/index.ts'

describe('warning text', () => {
  it('fills the default template (the @-mention itself is added by WeChat)', () => {
    const text = renderWarning({ name: '广告', reply: null }, DEFAULT_SETTINGS.defaultWarningTemplate, { name: '小王' }, {
      strikeNumber: 1,
      limit: 2,
    })
    expect(text).toBe('请勿在群内发布广告相关内容，警告 1/2，超过将被移出群聊。')
  })

  it("prefers the rule's own reply, and falls back when the reply is blank", () => {
    const strike = { strikeNumber: 2, limit: 3 }
    expect(renderWarning({ name: 'r', reply: '{name}：第{count}次，共{limit}次' }, 'default', { name: 'A' }, strike)).toBe(
      'A：第2次，共3次',
    )
    expect(renderWarning({ name: 'r', reply: '  ' }, 'default {rule}', { name: 'A' }, strike)).toBe('default r')
  })

  it('fills every occurrence and leaves unknown placeholders as written', () => {
    expect(renderTemplate('{name}{name} {who} {rule}', { name: 'x', rule: 'y', count: 1, limit: 2 })).toBe('xx {who} y')
  })

  it('treats replacement patterns in names literally', () => {
    expect(renderTemplate('@{name}', { name: '$&$1', rule: '', count: 0, limit: 0 })).toBe('@$&$1')
  })
})

describe('settings', () => {
  it('has the documented defaults', () => {
    expect(DEFAULT_SETTINGS).toMatchObject({
      warningsBeforeRemoval: 2,
      strikeExpiryDays: 30,
      rateLimitPerMinute: 20,
      quietMode: false,
      dryRun: false,
      newGroupsMonitored: true,
      retentionDays: 30,
      knownOffenderAction: 'alert',
      notifySelf: true,
    })
  })

  it('rejects values of the wrong type or range', () => {
    expect(parseSetting('rateLimitPerMinute', 0).ok).toBe(false)
    expect(parseSetting('knownOffenderAction', 'ban').ok).toBe(false)
    expect(parseSetting('quietMode', 'yes').ok).toBe(false)
    expect(parseSetting('warningsBeforeRemoval', 3)).toEqual({ ok: true, value: 3 })
  })
})
