// The signals' tables on a real SQLite file: the model row, join times, the LLM budget, and the evidence a full
// retrain reads (verdicts, resolved reviews, week-old unchallenged rule hits, ordinary history).
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { openStore, type Store } from '../../electron/store/index.ts'

const DAY = 24 * 60 * 60 * 1000
const NOW = Date.UTC(2026, 5, 1)
let dir: string
let store: Store

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'qunguard-signals-'))
  store = openStore(join(dir, 'qunguard.sqlite'))
  store.groups.sync({ id: 'g1', topic: '群', memberCount: 3, ownerId: 'o', adminIds: [], botCanRemove: true, rolesKnown: true }, NOW, true)
})
afterEach(() => {
  store.close()
  rmSync(dir, { recursive: true, force: true })
})

const hit = (text: string, at: number, extra: Record<string, unknown> = {}) =>
  store.events.add({ kind: 'warning', at, groupId: 'g1', rule: '广告', text, hit: true, ...extra })

describe('signal tables', () => {
  it('keeps one model row, replaced on save and updated by a verdict', () => {
    expect(store.signals.model()).toBeNull()
    const data = { format: 1 as const, alpha: 0.5, docs: [1, 1] as [number, number], totals: [2, 2] as [number, number], grams: [] }
    store.signals.saveModel({ version: 1, trainedAt: NOW, source: 'starter', verdictsSinceRetrain: 0, data })
    store.signals.updateModel({ ...data, docs: [2, 1] }, 1)
    expect(store.signals.model()).toEqual({ version: 1, trainedAt: NOW, source: 'starter', verdictsSinceRetrain: 1, data: { ...data, docs: [2, 1] } })
  })

  it('remembers the latest join of a member, and counts LLM calls per day up to the budget', () => {
    store.signals.recordJoin({ groupId: 'g1', memberId: 'm', inviterId: 'x', at: 1 })
    store.signals.recordJoin({ groupId: 'g1', memberId: 'm', inviterId: null, at: 5 })
    expect(store.signals.joinedAt('g1', 'm')).toBe(5)
    expect(store.signals.joinedAt('g1', 'other')).toBeNull()
    expect([1, 2, 3].map(() => store.signals.takeLlmCall('2026-06-01', 2))).toEqual([true, true, false])
    expect(store.signals.llmCalls('2026-06-01')).toBe(2)
    expect(store.signals.takeLlmCall('2026-06-02', 2)).toBe(true)
  })

  it('reads verdicts, resolved reviews, week-old unchallenged rule hits and unflagged history as evidence', () => {
    store.events.setVerdict(hit('确认的广告', NOW), 'confirmed')
    store.events.setVerdict(hit('误判的消息', NOW), 'false_positive')
    hit('上周的广告', NOW - 8 * DAY)
    hit('昨天的广告', NOW - DAY)
    const overridden = hit('被赦免的', NOW - 8 * DAY)
    store.events.markOverridden(overridden)
    hit('信号自己的提醒', NOW - 8 * DAY, { rule: 'signal:spam' })
    const dismissed = store.events.add({ kind: 'alert', at: NOW, groupId: 'g1', rule: '返利', text: '驳回的提醒', hit: true, review: 'open' })
    store.events.resolveReview(dismissed, 'dismissed')
    const lowered = store.events.add({ kind: 'alert', at: NOW, groupId: 'g1', rule: 'signal:spam', text: 'AI 关掉的', hit: true, review: 'open', detail: { loweredBy: 'llm' } })
    store.events.resolveReview(lowered, 'dismissed')
    const message = (id: string, text: string) => store.messages.insert({ id, groupId: 'g1', senderId: 's', senderKey: 'k', kind: 'text', text, at: NOW })
    message('m1', '宝宝几点睡')
    message('m2', '确认的广告')
    store.events.add({ kind: 'warning', at: NOW, groupId: 'g1', rule: '广告', messageId: 'm2', text: '确认的广告', hit: true })
    expect(store.signals.evidence(NOW, 100).sort((a, b) => a.text.localeCompare(b.text))).toEqual(
      [
        { text: '确认的广告', label: 'spam', evidence: 'verdict' },
        { text: '误判的消息', label: 'ham', evidence: 'verdict' },
        { text: '驳回的提醒', label: 'ham', evidence: 'verdict' },
        { text: '上周的广告', label: 'spam', evidence: 'weak_spam' },
        // History no event points at; m2 was a hit, so it is not also ham.
        { text: '宝宝几点睡', label: 'ham', evidence: 'weak_ham' },
      ].sort((a, b) => a.text.localeCompare(b.text)),
    )
  })
})
