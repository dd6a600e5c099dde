// The contract suite, part two: what members say in the simulated groups, and the rep's answers through the API:
// the feed and its filters, pardons, undone removals, verdicts, quiet-mode reviews, the allow-list, history, backtests.
import { describe, expect, it } from 'vitest'
import type { FeedEvent } from '../../shared/api/types.ts'
import { decisionOn, RULES, type ApiEnv } from './api-harness.ts'
import { refusal } from './api-suite-config.ts'

export function moderationTests(env: () => ApiEnv): void {
  /** A member offends; resolves with the event once its effect has been carried out (or refused). */
  async function offence(room: string, who: string, text: string, kind: FeedEvent['kind'] = 'warning'): Promise<FeedEvent> {
    const event = await decisionOn(env(), room, who, text)
    expect(event.kind).toBe(kind)
    return event
  }

  describe('offences and the feed', () => {
    it('turns a member’s offences into warning, warning, removal, on the event stream and in the feed', async () => {
      const { api, world, groupId } = env()
      const first = await offence('shop', '小王', '代购奶粉')
      const second = await offence('shop', '小王', '加微信领福利')
      const removal = await offence('shop', '小王', '代购包包', 'removal')

      expect(first).toMatchObject({ status: 'done', rule: '广告', memberName: '小王', groupId: groupId('shop'), groupTopic: '福利一群', hit: true })
      expect(first.detail.sanction).toEqual({ kind: 'warn', strikeNumber: 1, limit: 2 })
      expect(second.detail.sanction).toEqual({ kind: 'warn', strikeNumber: 2, limit: 2 })
      expect(removal).toMatchObject({ status: 'done', memberKey: first.memberKey, detail: { sanction: { kind: 'remove', strikeNumber: 3 } } })
      expect(world.memberNames('shop')).not.toContain('小王')
      const mentions = world.sent().filter((sent) => sent.roomId === groupId('shop') && sent.mentionIds.includes(first.memberId!))
      expect(mentions).toHaveLength(2)

      const feed = await api.listFeed({ kinds: ['warning', 'removal'] })
      expect(feed).toEqual({ items: [removal, second, first], nextBeforeId: null })
      const shop = (await api.listGroups({})).find((group) => group.id === groupId('shop'))
      expect(shop).toMatchObject({ warnings7d: 2, removals7d: 1, memberCount: 3 })

      const stats = await api.getStats({ days: 7 })
      expect(stats.days).toHaveLength(7)
      expect(stats.days.reduce((sum, day) => sum + day.warnings + day.removals, 0)).toBe(3)
      expect(stats.groups).toEqual([{ groupId: groupId('shop'), topic: '福利一群', warnings: 2, removals: 1, alerts: 0 }])
      expect(stats.rules).toEqual([{ rule: '广告', hits: 3, confirmed: 0, falsePositive: 0, precision: null }])
      expect(stats.signals).toEqual([{ signal: 'word', hits: 3 }])
      // A period that ended before the offences shows none of them.
      const before = await api.getStats({ days: 7, until: first.at - 1 })
      expect(before.groups).toEqual([])
      expect(before.days.at(-1)!.warnings).toBe(0)
    })

    it('filters the feed by kind, group and rule, pages through it, and counts the alert as needing the rep', async () => {
      const { api, events, groupId } = env()
      const warnShop = await offence('shop', '小王', '代购')
      const warnBig = await offence('big', '阿强', '代购')
      const alert = await offence('shop', '老张', '返利群', 'alert')
      await events.waitFor((event) => event.type === 'needsRep' && event.count === 1)

      const ids = async (query: Parameters<typeof api.listFeed>[0]) => (await api.listFeed(query)).items.map((event) => event.id)
      expect(await ids({ groupId: groupId('big') })).toEqual([warnBig.id])
      expect(await ids({ rule: '返利' })).toEqual([alert.id])
      expect(await ids({ groupId: groupId('shop'), kinds: ['warning'] })).toEqual([warnShop.id])
      expect((await api.listFeed({ kinds: ['login'] })).items.map((event) => event.kind)).toEqual(['login'])
      expect(await ids({ since: alert.at + 60_000 })).toEqual([])

      const everything = await ids({ limit: 500 })
      expect(everything.length).toBeGreaterThanOrEqual(4)
      const paged: number[] = []
      let beforeId: number | undefined
      for (;;) {
        const page = await api.listFeed({ limit: 2, ...(beforeId === undefined ? {} : { beforeId }) })
        expect(page.items.length).toBeLessThanOrEqual(2)
        paged.push(...page.items.map((event) => event.id))
        if (page.nextBeforeId === null) break
        expect(page.nextBeforeId).toBe(page.items.at(-1)!.id)
        beforeId = page.nextBeforeId
      }
      expect(paged).toEqual(everything)

      expect(await api.getNeedsRep({})).toEqual({ count: 1, topics: { review: 1, failure: 0, todo: 0, offender: 0 } })
    })
  })

  describe('the rep overruling the guard', () => {
    it('pardons a warning: its strike no longer counts, so the next offence is warning 2 again', async () => {
      const { api } = env()
      const first = await offence('shop', '小王', '代购')
      const second = await offence('shop', '小王', '代购')
      const pardoned = await api.pardon({ eventId: first.id })
      expect(pardoned).toEqual({ ...first, overridden: true })
      const pardon = (await api.listFeed({ kinds: ['pardon'] })).items
      expect(pardon).toMatchObject([{ memberKey: first.memberKey, rule: '广告', detail: { eventId: first.id } }])

      expect(await refusal(api.pardon({ eventId: first.id }))).toMatchObject({ code: 'conflict', message: `warning ${first.id} was already pardoned` })
      expect(await refusal(api.pardon({ eventId: pardon[0]!.id }))).toMatchObject({ code: 'conflict', message: `event ${pardon[0]!.id} is not a warning` })

      const again = await offence('shop', '小王', '代购')
      expect(again.detail.sanction).toEqual({ kind: 'warn', strikeNumber: 2, limit: 2 })
      expect((await api.listFeed({ kinds: ['warning'] })).items.find((event) => event.id === second.id)?.overridden).toBe(false)
      await offence('shop', '小王', '代购', 'removal')
    })

    it('undoes removals: re-added where WeChat allows, instructions for the rep where it does not', async () => {
      const { api, world } = env()
      const small = await offence('shop', '小李', '赌博', 'removal')
      const friend = await offence('big', '阿美', '赌博', 'removal')
      const stranger = await offence('big', '阿强', '赌博', 'removal')
      expect(world.memberNames('shop')).not.toContain('小李')

      const readded = await api.undoRemoval({ eventId: small.id })
      expect(readded).toMatchObject({ outcome: 'readded', event: { kind: 'undo', status: 'done', memberName: '小李', groupId: small.groupId } })
      expect(world.memberNames('shop')).toContain('小李')
      expect(await api.undoRemoval({ eventId: friend.id })).toMatchObject({ outcome: 'readded', event: { status: 'done' } })
      expect(world.memberNames('big')).toContain('阿美')

      const refused = await api.undoRemoval({ eventId: stranger.id, allowList: true })
      expect(refused).toMatchObject({ outcome: 'needs_rep', event: { kind: 'undo', status: 'needs_rep', memberName: '阿强' } })
      if (refused.outcome !== 'needs_rep') throw new Error('unreachable')
      expect(refused.instructions).toContain('阿强')
      expect(refused.instructions).toContain('母婴大群')
      expect(world.memberNames('big')).not.toContain('阿强')
      expect((await api.listAllowList({})).map((entry) => [entry.memberKey, entry.name])).toEqual([[stranger.memberKey, '阿强']])
      // What the allow-list shows, the rep can take off it.
      expect(await api.removeFromAllowList({ memberKey: stranger.memberKey! })).toEqual([])

      expect(await refusal(api.undoRemoval({ eventId: small.id }))).toMatchObject({ code: 'conflict', message: `removal ${small.id} was already undone` })
      const warning = await offence('shop', '老张', '代购')
      expect(await refusal(api.undoRemoval({ eventId: warning.id }))).toMatchObject({ code: 'conflict' })
      // Coming back after an undone removal is not a known offender joining.
      expect((await api.listFeed({ kinds: ['known_offender_joined'] })).items).toEqual([])
    })

    it('records verdicts on rule hits and shows each rule’s precision', async () => {
      const { api, events } = env()
      const right = await offence('shop', '小王', '代购')
      const wrong = await offence('shop', '老张', '加微信')
      const from = events.mark()
      expect(await api.setVerdict({ eventId: right.id, verdict: 'confirmed' })).toEqual({ ...right, verdict: 'confirmed' })
      expect(await events.feed({ id: right.id, verdict: 'confirmed' }, from)).toEqual({ ...right, verdict: 'confirmed' })
      await api.setVerdict({ eventId: wrong.id, verdict: 'false_positive' })

      const precision = (await api.listRules({})).map(({ name, confirmed, falsePositive, precision }) => ({ name, confirmed, falsePositive, precision }))
      expect(precision).toEqual([
        { name: '广告', confirmed: 1, falsePositive: 1, precision: 0.5 },
        { name: '赌博', confirmed: 0, falsePositive: 0, precision: null },
        { name: '返利', confirmed: 0, falsePositive: 0, precision: null },
      ])
      expect((await api.getStats({})).rules).toEqual([{ rule: '广告', hits: 2, confirmed: 1, falsePositive: 1, precision: 0.5 }])

      expect((await api.setVerdict({ eventId: wrong.id, verdict: null })).verdict).toBeNull()
      expect((await api.listRules({}))[0]).toMatchObject({ confirmed: 1, falsePositive: 0, precision: 1 })
      const login = (await api.listFeed({ kinds: ['login'] })).items[0]!
      expect(await refusal(api.setVerdict({ eventId: login.id, verdict: 'confirmed' }))).toMatchObject({ code: 'conflict', message: `event ${login.id} is not a rule hit` })
    })

    it('in quiet mode says nothing in the group and leaves each offence to the rep as a review', async () => {
      const { api, world, groupId } = env()
      await api.setGroupsQuiet({ groupIds: [groupId('shop')], quiet: true })
      const warnable = await offence('shop', '小王', '代购', 'alert')
      const removable = await offence('shop', '小李', '赌博', 'alert')
      const dismissable = await offence('shop', '老张', '加微信', 'alert')
      expect(warnable).toMatchObject({ review: 'open', detail: { divertedToRep: true, sanction: { kind: 'warn' } } })
      expect(removable).toMatchObject({ review: 'open', detail: { divertedToRep: true, sanction: { kind: 'remove' } } })
      expect(world.sent().filter((sent) => sent.roomId === groupId('shop'))).toEqual([])
      expect((await api.listReviews({})).map((event) => event.id)).toEqual([warnable.id, removable.id, dismissable.id])

      const from = env().events.mark()
      const warned = await api.resolveReview({ eventId: warnable.id, decision: 'warn' })
      expect(warned).toEqual({ decision: 'warn', review: { ...warnable, review: 'warned' } })
      const warning = await env().events.feed({ kind: 'warning', memberName: '小王', status: 'done' }, from)
      expect(warning).toMatchObject({ hit: false, detail: { reviewOf: warnable.id } })
      expect(world.sent().filter((sent) => sent.roomId === groupId('shop'))).toHaveLength(1)

      expect((await api.resolveReview({ eventId: removable.id, decision: 'remove' })).review.review).toBe('removed')
      await env().events.feed({ kind: 'removal', memberName: '小李', status: 'done' }, from)
      expect(world.memberNames('shop')).not.toContain('小李')
      expect((await api.resolveReview({ eventId: dismissable.id, decision: 'dismiss' })).review.review).toBe('dismissed')
      expect(world.memberNames('shop')).toContain('老张')

      expect(await api.listReviews({})).toEqual([])
      const again = await refusal(api.resolveReview({ eventId: warnable.id, decision: 'remove' }))
      expect(again).toMatchObject({ code: 'conflict', message: `event ${warnable.id} is not an open review` })
    })

    it('leaves allow-listed members alone until they are taken off the list', async () => {
      const { api } = env()
      expect(await api.listAllowList({})).toEqual([])
      const first = await offence('shop', '小王', '代购')
      const listed = await api.addToAllowList({ memberKey: first.memberKey!, name: '小王', note: '老客户' })
      expect(listed).toEqual([{ memberKey: first.memberKey, name: '小王', note: '老客户', addedAt: expect.any(Number) }])
      expect(await api.listAllowList({})).toEqual(listed)

      await env().say('shop', '小王', '代购')
      expect((await api.listFeed({ kinds: ['warning', 'removal'] })).items).toEqual([first])

      expect(await api.removeFromAllowList({ memberKey: first.memberKey! })).toEqual([])
      expect(await refusal(api.removeFromAllowList({ memberKey: first.memberKey! }))).toMatchObject({ code: 'not_found' })
      expect((await offence('shop', '小王', '代购')).detail.sanction).toMatchObject({ strikeNumber: 2 })
    })
  })

  describe('history and backtests', () => {
    it('lists past group messages, without the bot’s own', async () => {
      const { api, groupId } = env()
      const ids = [await env().say('shop', '小王', '代购奶粉'), await env().say('big', '阿强', '宝宝几个月了')]
      // The warning the bot said in the group came back to it as a message, and is not history.
      await env().events.feed({ messageId: ids[0], status: 'done' })
      await env().world.echoes.settled()
      expect(env().world.sent().some((sent) => sent.roomId === groupId('shop'))).toBe(true)
      const history = await api.listHistory({})
      expect(history).toEqual([
        { id: ids[0], groupId: groupId('shop'), senderName: '小王', kind: 'text', text: '代购奶粉', at: expect.any(Number) },
        { id: ids[1], groupId: groupId('big'), senderName: '阿强', kind: 'text', text: '宝宝几个月了', at: expect.any(Number) },
      ])
      expect(await api.listHistory({ limit: 1 })).toEqual([history[1]])
    })

    it('tells what edited rules would catch and miss over the history, without saving them', async () => {
      const { api } = env()
      await env().say('shop', '小王', '代购奶粉')
      const missed = await env().say('shop', '老张', '加微信领红包')
      const fresh = await env().say('shop', '小李', '今天团购几点开始')
      await env().say('shop', '小李', '谢谢群主')
      const saved = await api.listRules({})

      const edited = [{ name: '推销', match: '代购' }, { name: '团购', match: '团购' }, RULES[1]]
      const result = await api.backtest({ rules: edited })
      expect(result).toMatchObject({ scanned: 4, changedRule: 1, problems: [] })
      expect(result.newlyCaught).toEqual([
        { messageId: fresh, groupId: env().groupId('shop'), senderName: '小李', text: '今天团购几点开始', at: expect.any(Number), before: null, after: '团购' },
      ])
      expect(result.noLongerCaught).toMatchObject([{ messageId: missed, senderName: '老张', before: '广告', after: null }])
      expect(await api.listRules({})).toEqual(saved)

      const broken = await api.backtest({ rules: [{ name: '坏', match: '代购 | (' }] })
      expect(broken).toMatchObject({ scanned: 0, newlyCaught: [], noLongerCaught: [], changedRule: 0 })
      expect(broken.problems).toMatchObject([{ rule: '坏', index: 0, position: { line: 1 } }])
    })
  })
}
