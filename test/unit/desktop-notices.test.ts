import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { ApiEvent } from '../../shared/api/contract.ts'
import type { FeedEvent } from '../../shared/api/types.ts'
import { createNoticeBatcher, NOTICE_GROUP_MS } from '../../electron/service/notice-batcher.ts'
import { desktopNotice } from '../../electron/service/notices.ts'

function feed(kind: FeedEvent['kind'], patch: Partial<FeedEvent> = {}, change: 'created' | 'updated' = 'created'): ApiEvent {
  const event: FeedEvent = {
    id: 1, kind, at: 0, groupId: 'g', groupTopic: '福利群', memberKey: 'k', memberId: 'm', memberName: '小王', rule: '广告', messageId: null,
    text: null, detail: {}, hit: false, dryRun: false, status: null, overridden: false, verdict: null, review: null, ...patch,
  }
  return { type: 'feed', change, event }
}
const on = { desktopNotifications: true, language: 'zh-CN' } as const

describe('desktop notices: only what needs the rep', () => {
  it('tells of reviews, failures, to-dos by hand and known offenders; not of warnings, removals done or dry runs', () => {
    expect(desktopNotice(feed('alert'), on)).toMatchObject({ topic: 'review', title: '需要你处理', body: '小王 · 福利群 — 广告' })
    expect(desktopNotice(feed('removal_failed'), on)?.topic).toBe('failure')
    expect(desktopNotice(feed('undo', { status: 'needs_rep' }, 'updated'), on)?.topic).toBe('todo')
    expect(desktopNotice(feed('known_offender_joined'), on)?.topic).toBe('offender')
    expect(desktopNotice(feed('warning'), on)).toBeNull()
    expect(desktopNotice(feed('removal', { status: 'done' }, 'updated'), on)).toBeNull()
    expect(desktopNotice(feed('alert', { dryRun: true }), on)).toBeNull()
    expect(desktopNotice(feed('alert'), { ...on, desktopNotifications: false })).toBeNull()
  })
})

describe('the notice batcher', () => {
  beforeEach(() => void vi.useFakeTimers())
  afterEach(() => void vi.useRealTimers())

  it('shows a lone notice as it is, and a burst as one notice that counts its kinds', () => {
    const shown: { title: string; body: string }[] = []
    let language: 'zh-CN' | 'en' = 'zh-CN'
    const batcher = createNoticeBatcher((notice) => shown.push(notice), () => language)
    batcher.add(desktopNotice(feed('alert'), on)!)
    vi.advanceTimersByTime(NOTICE_GROUP_MS)
    expect(shown).toEqual([{ title: '需要你处理', body: '小王 · 福利群 — 广告' }])

    language = 'en'
    const english = { ...on, language } as const
    for (let k = 0; k < 3; k++) batcher.add(desktopNotice(feed('removal_failed'), english)!)
    batcher.add(desktopNotice(feed('alert'), english)!)
    vi.advanceTimersByTime(NOTICE_GROUP_MS - 1)
    expect(shown).toHaveLength(1)
    vi.advanceTimersByTime(1)
    expect(shown[1]).toEqual({ title: 'QunGuard: 4 things need you', body: '3 failed actions, 1 alert or review' })
    batcher.flush()
    expect(shown).toHaveLength(2)
  })
})
