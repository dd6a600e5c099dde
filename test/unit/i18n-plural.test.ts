import { describe, expect, it } from 'vitest'
import { en } from '../../renderer/src/i18n/en.ts'
import { translate } from '../../renderer/src/i18n/translate.ts'
import { zhCN, type MessageKey } from '../../renderer/src/i18n/zh-CN.ts'

describe('window texts', () => {
  it('say one group, two groups in English', () => {
    expect(translate('en', 'groups.cannotRemoveSummary', { count: 1 })).toBe('In 1 monitored group this account cannot remove members')
    expect(translate('en', 'groups.cannotRemoveSummary', { count: 3 })).toBe('In 3 monitored groups this account cannot remove members')
    expect(translate('en', 'problems.errors', { count: 1 })).toBe('1 problem')
    expect(translate('en', 'problems.errors', { count: 0 })).toBe('0 problems')
    expect(translate('en', 'precision.detail', { confirmed: 1, falsePositive: 1 })).toBe('1 confirmed, 1 false positive')
    expect(translate('zh-CN', 'groups.cannotRemoveSummary', { count: 1 })).toBe('有 1 个受监控的群里，本账号不能移出成员')
  })

  it('leave unknown placeholders as written', () => {
    expect(translate('en', 'rule.replyHelp')).toContain('{name} {rule} {count} {limit}')
    expect(translate('en', 'rule.scope.count', {})).toBe('{count} {count|group|groups}')
  })

  it('never put a bare count before an English plural noun', () => {
    const bare = /\{\w+\} (?:\w+ )?(?:groups|problems|notes|rules|messages|members|days|times|positives|warnings)\b/u
    expect(Object.entries(en).filter(([, text]) => bare.test(text))).toEqual([])
  })

  it('use the same parameters in both languages', () => {
    const names = (text: string) => [...new Set([...text.matchAll(/\{(\w+)(?:\|[^{}]*)?\}/gu)].map((m) => m[1]))].sort()
    for (const key of Object.keys(zhCN) as MessageKey[]) expect(names(en[key]), key).toEqual(names(zhCN[key]))
  })
})
