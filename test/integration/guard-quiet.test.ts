import { afterEach, describe, expect, it } from 'vitest'
import { OverrideError } from '../../electron/guard/index.ts'
import { createHarness, eventKinds, type Harness } from './guard-harness.ts'

let h: Harness
afterEach(() => h?.close())

describe('quiet mode', () => {
  it('says nothing in the group, tells the rep and opens a review instead (per group)', async () => {
    h = await createHarness()
    h.store.groups.setQuiet('g1', true)
    await h.send('alice', '代购')
    await h.send('carol', '赌博')
    await h.guard.flush()
    expect(h.chat.said).toEqual([])
    expect(h.chat.calls).toEqual([])
    expect(h.chat.notes).toEqual([
      '【群卫待处理】静默模式：群「福利一群」中 小王 触发规则「广告」，建议警告，请在群卫中处理。内容：代购',
      '【群卫待处理】静默模式：群「福利一群」中 小李 触发规则「赌博」，建议移出群聊，请在群卫中处理。内容：赌博',
    ])
    const reviews = h.store.events.openReviews()
    expect(reviews.map((r) => [r.kind, r.rule, r.detail.sanction])).toEqual([
      ['alert', '广告', { kind: 'warn', strikeNumber: 1, limit: 2 }],
      ['alert', '赌博', { kind: 'remove', strikeNumber: 1 }],
    ])
    expect(h.store.strikes.forMember('g1', 'stable:wx_alice')).toEqual([])
  })

  it('applies to every group when switched on globally', async () => {
    h = await createHarness({ settings: { quietMode: true } })
    await h.send('dave', '代购', { groupId: 'g2' })
    await h.guard.flush()
    expect(h.chat.said).toEqual([])
    expect(h.store.events.openReviews()).toHaveLength(1)
  })

  it('leaves the decision to the rep: warn, remove or dismiss', async () => {
    h = await createHarness({ settings: { quietMode: true } })
    await h.send('alice', '代购')
    await h.send('carol', '赌博')
    await h.send('bob', '代购')
    await h.guard.flush()
    const [warnIt, removeIt, dismissIt] = h.store.events.openReviews()

    const warning = h.guard.resolveReview(warnIt!.id, 'warn')
    const removal = h.guard.resolveReview(removeIt!.id, 'remove')
    const dismissed = h.guard.resolveReview(dismissIt!.id, 'dismiss')
    await h.guard.flush()

    expect(warning).toMatchObject({ kind: 'warning', hit: false, detail: { reviewOf: warnIt!.id } })
    expect(removal).toMatchObject({ kind: 'removal', hit: false })
    expect(dismissed).toMatchObject({ id: dismissIt!.id, review: 'dismissed' })
    expect(h.chat.said.map((s) => [s.text, s.mentionIds])).toEqual([
      ['请勿在群内发布广告相关内容，警告 1/2，超过将被移出群聊。', ['alice']],
      ['小李 多次发布赌博相关内容，已被移出群聊。', []],
    ])
    expect(h.chat.calls).toEqual(['remove g1 carol'])
    expect(h.store.strikes.forMember('g1', 'stable:wx_alice')).toHaveLength(1)
    expect(h.store.strikes.forMember('g1', 'name:g1:Bob')).toEqual([])
    expect(h.store.events.get(warnIt!.id)?.review).toBe('warned')
    expect(h.store.events.openReviews()).toEqual([])
    expect(() => h.guard.resolveReview(warnIt!.id, 'remove')).toThrow(OverrideError)
  })

  it('counts a review toward precision once, as the original hit', async () => {
    h = await createHarness({ settings: { quietMode: true } })
    await h.send('alice', '代购')
    const [review] = h.store.events.openReviews()
    h.guard.resolveReview(review!.id, 'warn')
    h.guard.setVerdict(review!.id, 'confirmed')
    expect(h.guard.rulePrecision()).toEqual([{ rule: '广告', confirmed: 1, falsePositive: 0, unjudged: 0, precision: 1 }])
    expect(eventKinds(h.store)).toEqual(['alert', 'warning'])
  })

  it('under dry run records the diverted decision without opening a review or telling anyone', async () => {
    h = await createHarness({ settings: { quietMode: true, dryRun: true } })
    await h.send('alice', '代购')
    await h.guard.flush()
    expect(h.chat.notes).toEqual([])
    expect(h.store.events.openReviews()).toEqual([])
    expect(h.store.events.list()[0]).toMatchObject({ kind: 'alert', dryRun: true, detail: { divertedToRep: true } })
  })
})
