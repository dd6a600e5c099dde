// The contract suite, team part: joining and leaving a team, its packs and the shared offender list, against the real
// service on a simulated WeChat, a real team server and a real PostgreSQL. Two reps: this door's service and a
// second real service beside it.
import { beforeEach, describe, expect, it } from 'vitest'
import type { ApiEvent } from '../../shared/api/contract.ts'
import type { TeamView } from '../../shared/api/types.ts'
import { refusal, snapshot } from './api-suite-config.ts'
import { direct, startEnv, type ApiEnv } from './api-harness.ts'
import { eventually, useTeamStack, type TeamStack } from './team-harness.ts'

const joined = (view: TeamView) => {
  if (!view.joined) throw new Error('not joined')
  return view
}

export function teamTests(env: () => ApiEnv): void {
  describe('team mode', () => {
    const theStack = useTeamStack()
    let stack: TeamStack
    beforeEach(() => {
      stack = theStack()
    })

    it('joins with a server address and token, refusing bad ones without changing anything; leaving keeps local data', async () => {
      const { api } = env()
      const { team } = await stack.newTeam()
      const { token } = await stack.db.issueToken(team, '小周', 'rep')
      expect(await api.getTeam({})).toEqual({ joined: false })

      const before = await snapshot(env())
      expect((await refusal(api.joinTeam({ serverUrl: 'http://team.example.com', token }))).code).toBe('bad_input')
      expect((await refusal(api.joinTeam({ serverUrl: 'not a url', token }))).code).toBe('bad_input')
      expect((await refusal(api.joinTeam({ serverUrl: stack.server.url, token: 'qgt_wrong' }))).code).toBe('unauthorized')
      expect(await api.getTeam({})).toEqual({ joined: false })
      expect(await snapshot(env())).toEqual(before)

      const view = joined(await api.joinTeam({ serverUrl: stack.server.url, token }))
      expect(view).toMatchObject({ team, rep: '小周', role: 'rep', offenders: 0, unsent: 0, packs: [] })
      expect((await refusal(api.joinTeam({ serverUrl: stack.server.url, token }))).code).toBe('conflict')
      // The token never reaches the window.
      expect(JSON.stringify(await api.getSettings({}))).not.toContain(token)
      expect(JSON.stringify(view)).not.toContain(token)

      expect(await api.leaveTeam({})).toEqual({ joined: false })
      expect((await refusal(api.leaveTeam({}))).code).toBe('conflict')
      expect(await snapshot(env())).toEqual(before)
    })

    it("a lead's pack reaches the rep, who subscribes, switches a rule off, and sees what a new version changed", async () => {
      const { api, events } = env()
      const { team, lead } = await stack.newTeam()
      const { token } = await stack.db.issueToken(team, '小周', 'rep')
      await api.joinTeam({ serverUrl: stack.server.url, token })
      const mark = events.mark()
      await stack.db.publishPack(lead, '母婴', [{ name: '奶粉代购', match: '奶粉 & 特价' }], null)
      const teamEvent = (event: ApiEvent) => event.type === 'team' && event.team.joined && event.team.packs.length > 0
      await events.waitFor(teamEvent, mark, 'the pack on the team card')
      expect((await refusal(api.setTeamPackSubscribed({ pack: '没有', subscribed: true }))).code).toBe('not_found')
      const subscribed = joined(await api.setTeamPackSubscribed({ pack: '母婴', subscribed: true }))
      expect(subscribed.packs[0]).toMatchObject({ name: '母婴', version: 1, subscribed: true, rules: [{ name: '奶粉代购', switchedOff: false }] })

      await env().say('shop', '小王', '奶粉特价找我')
      expect((await api.listFeed({ kinds: ['warning'] })).items[0]).toMatchObject({ rule: '母婴 · 奶粉代购', text: '奶粉特价找我' })

      expect((await refusal(api.setTeamRuleEnabled({ pack: '母婴', rule: '没有', enabled: false }))).code).toBe('not_found')
      const off = joined(await api.setTeamRuleEnabled({ pack: '母婴', rule: '奶粉代购', enabled: false }))
      expect(off.packs[0]!.rules[0]!.switchedOff).toBe(true)
      await env().say('shop', '小王', '奶粉特价便宜')
      expect((await api.listFeed({ kinds: ['warning'] })).items).toHaveLength(1)

      // A rule of the rep's own cannot take a team rule's name; the problem points at the rep's rule.
      const own = await api.listRules({})
      const clash = await api.saveRules({ rules: [...own.map(({ name, match }) => ({ name, match })), { name: '母婴 · 奶粉代购', match: 'x' }] })
      expect(clash).toMatchObject({ ok: false, problems: [{ rule: '母婴 · 奶粉代购', index: own.length, code: 'duplicate_name' }] })
      expect(await api.listRules({})).toEqual(own)

      await stack.db.publishPack(lead, '母婴', [{ name: '奶粉代购', match: '奶粉 & 特价' }, { name: '拉人', match: '拉群' }], '加了拉人')
      const update = await events.feed({ kind: 'team_pack_updated' }, mark)
      expect(update.detail).toMatchObject({ pack: '母婴', version: 2, added: ['拉人'], removed: [], changed: [] })
      await api.leaveTeam({})
    })

    it('a removal by one rep reaches another rep, whose guard acts when the member joins one of its groups', async () => {
      const { api } = env()
      const { team } = await stack.newTeam()
      const first = await stack.db.issueToken(team, '小周', 'rep')
      const second = await stack.db.issueToken(team, '小吴', 'rep')
      await api.joinTeam({ serverUrl: stack.server.url, token: first.token })
      const other = await startEnv(direct, new Set())
      try {
        await other.api.joinTeam({ serverUrl: stack.server.url, token: second.token })
        await other.api.updateSettings({ knownOffenderAction: 'remove' })

        await env().say('shop', '小李', '来赌博')
        await env().events.feed({ kind: 'removal', status: 'done' })
        await eventually(async () => joined(await other.api.getTeam({})).offenders === 1, "小李 on 小吴's team list")

        other.world.join('big', ['小李'])
        await other.world.echoes.settled()
        const sighting = await other.events.feed({ kind: 'known_offender_joined' })
        expect(sighting).toMatchObject({ memberName: '小李', rule: '赌博', detail: { action: 'remove', team: { author: '小周' } } })
        await other.events.feed({ kind: 'removal', status: 'done' })
      } finally {
        await other.close()
        await api.leaveTeam({})
      }
    })
  })
}
