// The contract suite: how many things need the rep (the tray, title and badge count, and the window's badge), through
// the real service. It goes up as alerts, tasks and known offenders arrive, down as the rep deals with each, and a
// dry run never counts.
import { describe, expect, it } from 'vitest'
import type { NeedsRepChange } from '../../electron/service/needs-rep-count.ts'
import { decisionOn, type ApiEnv } from './api-harness.ts'
import { refusal } from './api-suite-config.ts'

export function needsRepTests(env: () => ApiEnv): void {
  const offence = (room: string, who: string, text: string) => decisionOn(env(), room, who, text)
  const count = async () => (await env().api.getNeedsRep({})).count
  /** The count the window is pushed, once it reaches `expected`. */
  const pushed = (expected: number, from: number) =>
    env().events.waitFor((event) => event.type === 'needsRep' && event.count === expected, from, `the count at ${expected}`)

  describe('what needs the rep', () => {
    it('counts alerts, tasks and known offenders back as they arrive, and each one less as the rep deals with it', async () => {
      const { api, service, world, events } = env()
      const heard: NeedsRepChange[] = []
      const stop = service.onNeedsRepChange((change) => heard.push(change))
      expect(heard).toEqual([{ count: 0, arrived: null }])

      const alert = await offence('shop', '老张', '返利群')
      const task = await offence('other', '路人', '赌博')
      await offence('shop', '小李', '赌博')
      const from = events.mark()
      world.join('big', ['小李'], '阿强')
      await world.echoes.settled()
      const card = await events.feed({ kind: 'known_offender_joined' }, from)
      await pushed(3, from)
      expect(await api.getNeedsRep({})).toEqual({ count: 3, topics: { review: 1, todo: 1, offender: 1, failure: 0 } })
      // Each arrival once, for the desktop notice; warnings and the bot's own removal are not the rep's to do.
      expect(heard.flatMap((change) => (change.arrived ? [[change.arrived.event.id, change.arrived.topic]] : []))).toEqual([
        [alert.id, 'review'],
        [task.id, 'todo'],
        [card.id, 'offender'],
      ])

      const dealing = events.mark()
      await api.acknowledgeEvent({ eventId: alert.id })
      await pushed(2, dealing)
      await api.resolveTask({ eventId: task.id, outcome: 'done' })
      await pushed(1, dealing)
      await api.resolveJoinCard({ eventId: card.id, choice: 'dismiss' })
      await pushed(0, dealing)
      expect(heard.at(-1)).toEqual({ count: 0, arrived: null })
      expect(heard.filter((change) => change.arrived)).toHaveLength(3)
      stop()
    })

    it('lists and exports only what needs the rep when the feed is asked for that, whatever else it is filtered by', async () => {
      const { api } = env()
      const warning = await offence('shop', '老张', '代购')
      const alert = await offence('shop', '小王', '返利')
      const task = await offence('other', '路人', '赌博')
      const ids = async (query: Parameters<typeof api.listFeed>[0]) => (await api.listFeed(query)).items.map((event) => event.id)
      expect(await ids({})).toEqual(expect.arrayContaining([warning.id, alert.id, task.id]))
      expect(await ids({ needsRep: true })).toEqual([task.id, alert.id])
      expect(await ids({ needsRep: true, groupId: task.groupId! })).toEqual([task.id])
      expect(await ids({ needsRep: true, limit: 1 })).toEqual([task.id])
      expect((await api.exportFeed({ needsRep: true })).count).toBe(2)

      await api.acknowledgeEvent({ eventId: alert.id })
      expect(await ids({ needsRep: true })).toEqual([task.id])
      await api.resolveTask({ eventId: task.id, outcome: 'pardon' })
      expect(await ids({ needsRep: true })).toEqual([])
      expect(await ids({ needsRep: false })).toEqual(expect.arrayContaining([warning.id, alert.id, task.id]))
    })

    it('goes down when the rep pardons a task or resolves a review, and leaves dry runs out', async () => {
      const { api } = env()
      const task = await offence('other', '路人', '赌博')
      expect(await count()).toBe(1)
      await api.resolveTask({ eventId: task.id, outcome: 'pardon' })
      expect(await count()).toBe(0)

      await api.updateSettings({ quietMode: true })
      const review = await offence('shop', '老张', '代购')
      expect(review).toMatchObject({ review: 'open' })
      expect(await count()).toBe(1)
      await api.resolveReview({ eventId: review.id, decision: 'dismiss' })
      expect(await count()).toBe(0)

      await api.updateSettings({ quietMode: false, dryRun: true })
      const rehearsed = await offence('shop', '小王', '返利')
      expect(rehearsed).toMatchObject({ kind: 'alert', dryRun: true })
      await offence('other', '路人', '赌博')
      expect(await count()).toBe(0)
    })

    it('takes "got it" only on a failure or an alert left to the rep, once', async () => {
      const { api } = env()
      const warning = await offence('shop', '老张', '代购')
      const alert = await offence('shop', '小王', '返利')
      expect(await refusal(api.acknowledgeEvent({ eventId: warning.id }))).toMatchObject({ code: 'conflict' })
      expect(await api.acknowledgeEvent({ eventId: alert.id })).toMatchObject({ id: alert.id, detail: { acknowledgedAt: expect.any(Number) } })
      expect(await refusal(api.acknowledgeEvent({ eventId: alert.id }))).toMatchObject({ code: 'conflict' })
      expect(await refusal(api.acknowledgeEvent({ eventId: 999_999 }))).toMatchObject({ code: 'not_found' })
      expect(await count()).toBe(0)
    })
  })
}
