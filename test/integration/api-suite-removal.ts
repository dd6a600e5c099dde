// The contract suite, part three: removal as WeChat allows it. Rep tasks where the bot cannot remove, the rep's word
// on roles, staff the rep names, and join cards, on the simulated account (the bot is a plain member of "other").
import { describe, expect, it } from 'vitest'
import type { FeedEvent } from '../../shared/api/types.ts'
import type { ApiEnv } from './api-harness.ts'
import { refusal } from './api-suite-config.ts'

export function removalTests(env: () => ApiEnv): void {
  /** A member offends; resolves with the event once it is no longer pending. */
  async function offence(room: string, who: string, text: string): Promise<FeedEvent> {
    const from = env().events.mark()
    const messageId = await env().say(room, who, text)
    const settled = await env().events.waitFor(
      (event) => event.type === 'feed' && event.event.messageId === messageId && event.event.status !== 'pending',
      from,
      `the decision on "${text}"`,
    )
    if (settled.type !== 'feed') throw new Error('unreachable')
    await env().world.echoes.settled()
    return settled.event
  }

  describe('removal as WeChat allows it', () => {
    it('leaves a removal the bot cannot do to the rep as one task; "done" counts as a removal', async () => {
      const { api, groupId } = env()
      const task = await offence('other', '路人', '赌博')
      expect(task).toMatchObject({ kind: 'removal_needed', status: 'needs_rep', detail: { reasonCode: 'bot_not_admin' } })
      expect((await api.listGroups({})).find((group) => group.id === groupId('other'))).toMatchObject({ removal: 'no', botCanRemove: false })

      // A later offence is recorded on the same card and queues nothing.
      const from = env().events.mark()
      await env().say('other', '路人', '赌博')
      const updated = await env().events.feed({ id: task.id }, from)
      expect(updated.detail.laterOffences).toMatchObject([{ rule: '赌博' }])
      expect((await api.listFeed({ kinds: ['removal', 'removal_needed'] })).items).toHaveLength(1)

      expect(await api.resolveTask({ eventId: task.id, outcome: 'done' })).toMatchObject({ status: 'done', detail: { removedBy: 'rep' } })
      expect((await api.getStats({ days: 7 })).groups).toMatchObject([{ groupId: groupId('other'), removals: 1 }])
      expect(await refusal(api.resolveTask({ eventId: task.id, outcome: 'pardon' }))).toMatchObject({ code: 'conflict' })
    })

    it('takes the rep’s word on roles, and names staff who are then immune', async () => {
      const { api, groupId } = env()
      const views = await api.setGroupsRepAdmin({ groupIds: [groupId('other')], repIsAdmin: true })
      expect(views.find((group) => group.id === groupId('other'))).toMatchObject({ removal: 'yes', repIsAdmin: true })

      // The rep was wrong, and the puppet reports roles here: the bot is refused, and the refusal becomes the rep's task.
      const removal = await offence('other', '路人', '赌博')
      expect(removal).toMatchObject({ kind: 'removal', status: 'failed', detail: { reasonCode: 'bot_not_admin' } })
      const task = (await api.listFeed({ kinds: ['removal_needed'] })).items[0]!
      expect(await api.resolveTask({ eventId: task.id, outcome: 'pardon' })).toMatchObject({ status: 'cancelled', overridden: true })

      const named = await api.setGroupStaff({ groupId: groupId('other'), memberKey: task.memberKey!, name: '路人', staff: true })
      expect(named.find((group) => group.id === groupId('other'))!.staff).toEqual([{ memberKey: task.memberKey, name: '路人' }])
      const before = (await api.listFeed({})).items.length
      await env().say('other', '路人', '赌博')
      expect((await api.listFeed({})).items).toHaveLength(before)
    })

    it('acts on a known offender’s join card: allow puts them on the group’s allow-list', async () => {
      const { api, world, groupId } = env()
      await offence('shop', '老张', '赌博')
      const from = env().events.mark()
      world.join('big', ['老张'], '阿强')
      await world.echoes.settled()
      const card = await env().events.feed({ kind: 'known_offender_joined' }, from)
      expect(card.groupId).toBe(groupId('big'))
      expect(await api.resolveJoinCard({ eventId: card.id, choice: 'allow' })).toMatchObject({ detail: { resolution: 'allow' } })
      expect((await api.listAllowList({})).map((entry) => entry.name)).toEqual(['老张'])
      expect(await refusal(api.resolveJoinCard({ eventId: card.id, choice: 'remove' }))).toMatchObject({ code: 'conflict' })
    })
  })
}
