// The contract suite, part three: a member's story across groups, removing by hand from it, the feed as CSV, and
// what the window needs to stay current (the groups' 7-day counts after a pardon or an undo, the words sent).
import { describe, expect, it } from 'vitest'
import { decisionOn, type ApiEnv } from './api-harness.ts'
import { refusal } from './api-suite-config.ts'

export function memberTests(env: () => ApiEnv): void {
  const offence = (room: string, who: string, text: string) => decisionOn(env(), room, who, text)
  const shopCount = async () => (await env().api.listGroups({})).find((group) => group.id === env().groupId('shop'))!.warnings7d

  describe('a member’s story', () => {
    it('gathers a member’s events and standing in every group, and the window can remove them by hand from it', async () => {
      const { api, world, groupId, events } = env()
      const inShop = await offence('shop', '小王', '代购奶粉')
      await offence('other', '小王', '加微信')
      const story = await api.getMember({ memberKey: inShop.memberKey! })
      expect(story).toMatchObject({ memberKey: inShop.memberKey, name: '小王', allowListed: false, knownOffender: false, warnings: 2, removals: 0 })
      expect(story.events.map((event) => event.groupId).sort()).toEqual([groupId('other'), groupId('shop')].sort())
      expect(story.groups.find((group) => group.groupId === groupId('shop'))).toMatchObject({ topic: '福利一群', activeStrikes: 1, removed: false, memberId: inShop.memberId })

      const from = events.mark()
      const removal = await api.removeMember({ groupId: groupId('shop'), memberKey: inShop.memberKey! })
      expect(removal).toMatchObject({ kind: 'removal', rule: null, memberName: '小王', detail: { byRep: true } })
      await events.feed({ id: removal.id, status: 'done' }, from)
      await world.echoes.settled()
      expect(world.memberNames('shop')).not.toContain('小王')
      const after = await api.getMember({ memberKey: inShop.memberKey! })
      expect(after).toMatchObject({ knownOffender: true, removals: 1 })
      expect(after.groups.find((group) => group.groupId === groupId('shop'))?.removed).toBe(true)
    })

    it('refuses a member it has no events about, a group that does not exist, and a group the member was never seen in', async () => {
      const { api, groupId } = env()
      const warned = await offence('shop', '老张', '代购')
      expect(await refusal(api.getMember({ memberKey: 'nobody' }))).toMatchObject({ code: 'not_found' })
      expect(await refusal(api.removeMember({ groupId: 'no-such-group', memberKey: warned.memberKey! }))).toMatchObject({ code: 'not_found' })
      expect(await refusal(api.removeMember({ groupId: groupId('big'), memberKey: warned.memberKey! }))).toMatchObject({ code: 'conflict' })
      expect(await refusal(api.getMember({ memberKey: '' }))).toMatchObject({ code: 'bad_input' })
    })

    it('marks a member as a known offender from their story: a feed event, screened at their next join, and unmarked again', async () => {
      const { api, world, groupId, events } = env()
      const warned = await offence('shop', '老张', '代购')
      const key = warned.memberKey!
      const from = events.mark()
      const marked = await api.setKnownOffender({ memberKey: key, marked: true, reason: '在别的群发广告' })
      expect(marked).toMatchObject({ knownOffender: true, mark: { reason: '在别的群发广告' } })
      const markEvent = await events.feed({ kind: 'offender_marked', memberKey: key }, from)
      expect(markEvent).toMatchObject({ memberName: '老张', detail: { markReason: '在别的群发广告' }, overridden: false })
      expect(marked.mark?.eventId).toBe(markEvent.id)
      expect(marked.events.map((event) => event.kind)).toContain('offender_marked')

      world.join('big', ['老张'], '阿强')
      await world.echoes.settled()
      const card = await events.feed({ kind: 'known_offender_joined', memberKey: key }, from)
      expect(card).toMatchObject({ groupId: groupId('big'), detail: { markedByRep: true, markReason: '在别的群发广告', action: 'alert' } })

      const unmarked = await api.setKnownOffender({ memberKey: key, marked: false })
      expect(unmarked).toMatchObject({ knownOffender: false, mark: null })
      expect(unmarked.events.find((event) => event.id === markEvent.id)).toMatchObject({ overridden: true })
    })

    it('refuses a mark twice, an unmark of a member not marked, a member it never saw, and a reason too long', async () => {
      const { api } = env()
      const key = (await offence('shop', '小李', '代购')).memberKey!
      await api.setKnownOffender({ memberKey: key, marked: true })
      expect(await refusal(api.setKnownOffender({ memberKey: key, marked: true, reason: '又一次' }))).toMatchObject({ code: 'conflict' })
      expect((await api.getMember({ memberKey: key })).mark).toMatchObject({ reason: null })
      expect(await refusal(api.setKnownOffender({ memberKey: 'nobody', marked: true }))).toMatchObject({ code: 'not_found' })
      expect(await refusal(api.setKnownOffender({ memberKey: key, marked: true, reason: '长'.repeat(501) }))).toMatchObject({ code: 'bad_input' })
      expect(await refusal(api.setKnownOffender({ memberKey: key, marked: true, reason: 'a\u0000b' }))).toMatchObject({ code: 'bad_input' })
      await api.setKnownOffender({ memberKey: key, marked: false })
      expect(await refusal(api.setKnownOffender({ memberKey: key, marked: false }))).toMatchObject({ code: 'conflict' })
    })

    it('keeps the exact words of a warning on its event, as the group read them', async () => {
      const { world, groupId } = env()
      const warning = await offence('shop', '小李', '代购')
      const said = world.sent().filter((sent) => sent.roomId === groupId('shop') && sent.mentionIds.includes(warning.memberId!))
      // WeChat puts the @-mention before the text.
      expect(typeof warning.detail.said).toBe('string')
      expect(said.map((sent) => sent.text.replace(/^@\S+\s/u, ''))).toEqual([warning.detail.said])
    })

    it('tells the window the groups’ 7-day counts again after a pardon and after an undone removal', async () => {
      const { api, events } = env()
      const warning = await offence('shop', '小王', '代购')
      expect(await shopCount()).toBe(1)
      const from = events.mark()
      await api.pardon({ eventId: warning.id })
      const pushed = await events.waitFor((event) => event.type === 'groups', from, 'the groups after the pardon')
      expect(pushed.type === 'groups' && pushed.groups.find((group) => group.id === warning.groupId)?.warnings7d).toBe(0)

      const removal = await offence('shop', '小李', '赌博')
      expect((await api.listGroups({})).find((group) => group.id === removal.groupId)?.removals7d).toBe(1)
      const beforeUndo = events.mark()
      await api.undoRemoval({ eventId: removal.id })
      const afterUndo = await events.waitFor((event) => event.type === 'groups', beforeUndo, 'the groups after the undo')
      expect(afterUndo.type === 'groups' && afterUndo.groups.find((group) => group.id === removal.groupId)?.removals7d).toBe(0)
    })
  })

  describe('the feed as CSV', () => {
    it('exports the events the filters select, one row each, with cells a spreadsheet cannot run', async () => {
      const { api, groupId } = env()
      await offence('shop', '小王', '代购')
      await offence('big', '阿强', '=代购')
      const all = await api.exportFeed({ kinds: ['warning'] })
      expect(all.count).toBe(2)
      const lines = all.csv.replace(/^\uFEFF/u, '').trimEnd().split('\r\n')
      expect(lines[0]).toBe('id,time,kind,group,member,rule,status,dry_run,overridden,verdict,text')
      expect(lines).toHaveLength(3)
      expect(lines.some((line) => line.endsWith(",'=代购"))).toBe(true)

      const big = await api.exportFeed({ kinds: ['warning'], groupId: groupId('big') })
      expect(big.count).toBe(1)
      expect(big.csv).toContain('母婴大群')
      expect(big.csv).not.toContain('福利一群')
      expect(await refusal(api.exportFeed({ kinds: ['nonsense' as never] }))).toMatchObject({ code: 'bad_input' })
    })
  })
}
