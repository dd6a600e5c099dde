import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { acknowledgeable, needsRepTopic } from '../../shared/api/needs-rep.ts'
import type { FeedEvent } from '../../shared/api/types.ts'
import { createNoticeBatcher, NOTICE_GROUP_MS } from '../../electron/service/notice-batcher.ts'
import { desktopNotice } from '../../electron/service/notices.ts'

function event(kind: FeedEvent['kind'], patch: Partial<FeedEvent> = {}): FeedEvent {
  return {
    id: 1, kind, at: 0, groupId: 'g', groupTopic: '福利群', memberKey: 'k', memberId: 'm', memberName: '小王', rule: '广告', messageId: null,
    text: null, detail: {}, hit: false, dryRun: false, status: null, overridden: false, verdict: null, review: null, ...patch,
  }
}
/** The notice for an event that has just come to need the rep, as the service hands it to the shell. */
function arrived(kind: FeedEvent['kind'], patch: Partial<FeedEvent> = {}) {
  const feed = event(kind, patch)
  return { event: feed, topic: needsRepTopic(feed)! }
}
const on = { desktopNotifications: true, language: 'zh-CN' } as const

describe('what needs the rep', () => {
  it('is reviews and alerts, failures, to-dos by hand and known offenders back; not warnings, removals done or dry runs', () => {
    expect(needsRepTopic(event('alert'))).toBe('review')
    expect(needsRepTopic(event('alert', { review: 'open' }))).toBe('review')
    expect(needsRepTopic(event('voice_untranscribed', { review: 'open', status: 'needs_rep' }))).toBe('review')
    expect(needsRepTopic(event('removal_failed'))).toBe('failure')
    expect(needsRepTopic(event('undo', { status: 'needs_rep' }))).toBe('todo')
    expect(needsRepTopic(event('removal_needed', { status: 'needs_rep' }))).toBe('todo')
    expect(needsRepTopic(event('known_offender_joined', { detail: { action: 'alert' } }))).toBe('offender')
    expect(needsRepTopic(event('outsider_invite', { detail: { action: 'alert' } }))).toBe('review')
    expect(needsRepTopic(event('warning'))).toBeNull()
    expect(needsRepTopic(event('removal', { status: 'done' }))).toBeNull()
    expect(needsRepTopic(event('offender_marked'))).toBeNull()
    expect(needsRepTopic(event('alert', { dryRun: true }))).toBeNull()
    expect(needsRepTopic(event('removal_needed', { dryRun: true, status: 'needs_rep' }))).toBeNull()
  })

  it('no longer does once the rep dealt with it', () => {
    expect(needsRepTopic(event('alert', { review: 'dismissed' }))).toBeNull()
    expect(needsRepTopic(event('alert', { verdict: 'confirmed' }))).toBeNull()
    expect(needsRepTopic(event('alert', { detail: { acknowledgedAt: 5 } }))).toBeNull()
    expect(needsRepTopic(event('action_failed', { detail: { acknowledgedAt: 5 } }))).toBeNull()
    expect(needsRepTopic(event('removal_needed', { status: 'done' }))).toBeNull()
    expect(needsRepTopic(event('removal_needed', { status: 'cancelled', overridden: true }))).toBeNull()
    expect(needsRepTopic(event('undo', { status: 'done' }))).toBeNull()
    expect(needsRepTopic(event('known_offender_joined', { detail: { action: 'alert', resolution: 'dismiss' } }))).toBeNull()
    // A removal the setting decided leaves nothing to the rep (where the rep removes, the task counts instead).
    expect(needsRepTopic(event('known_offender_joined', { detail: { action: 'remove' } }))).toBeNull()
    expect(needsRepTopic(event('voice_untranscribed', { review: 'warned', status: 'needs_rep' }))).toBeNull()
  })

  it('takes "got it" only where nothing else decides: failures and alerts without a review', () => {
    expect(acknowledgeable(event('action_failed'))).toBe(true)
    expect(acknowledgeable(event('alert'))).toBe(true)
    expect(acknowledgeable(event('alert', { review: 'open' }))).toBe(false)
    expect(acknowledgeable(event('removal_needed', { status: 'needs_rep' }))).toBe(false)
    expect(acknowledgeable(event('known_offender_joined', { detail: { action: 'alert' } }))).toBe(false)
    expect(acknowledgeable(event('action_failed', { detail: { acknowledgedAt: 1 } }))).toBe(false)
  })
})

describe('desktop notices', () => {
  it('says what arrived and where, in the rep’s language, unless switched off', () => {
    expect(desktopNotice(arrived('alert'), on)).toEqual({ topic: 'review', title: '需要你处理', body: '小王 · 福利群 — 广告' })
    expect(desktopNotice(arrived('removal_failed'), { ...on, language: 'en' })).toMatchObject({ topic: 'failure', title: 'An action failed' })
    expect(desktopNotice(arrived('alert'), { ...on, desktopNotifications: false })).toBeNull()
  })
})

describe('the notice batcher', () => {
  beforeEach(() => void vi.useFakeTimers())
  afterEach(() => void vi.useRealTimers())

  it('shows a lone notice as it is, and a burst as one notice that counts its kinds', () => {
    const shown: { title: string; body: string }[] = []
    let language: 'zh-CN' | 'en' = 'zh-CN'
    const batcher = createNoticeBatcher((notice) => shown.push(notice), () => language)
    batcher.add(desktopNotice(arrived('alert'), on)!)
    vi.advanceTimersByTime(NOTICE_GROUP_MS)
    expect(shown).toEqual([{ title: '需要你处理', body: '小王 · 福利群 — 广告' }])

    language = 'en'
    const english = { ...on, language } as const
    for (let k = 0; k < 3; k++) batcher.add(desktopNotice(arrived('removal_failed'), english)!)
    batcher.add(desktopNotice(arrived('alert'), english)!)
    vi.advanceTimersByTime(NOTICE_GROUP_MS - 1)
    expect(shown).toHaveLength(1)
    vi.advanceTimersByTime(1)
    expect(shown[1]).toEqual({ title: 'QunGuard: 4 things need you', body: '3 failed actions, 1 alert or review' })
    batcher.flush()
    expect(shown).toHaveLength(2)
  })
})
