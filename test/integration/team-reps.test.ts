// Reps on the real guard and real SQLite files, following a team on a real PostgreSQL through the real team server.
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { teamRuleName } from '../../shared/team/pack-diff.ts'
import { eventually, joinRep, useTeamStack, type Rep, type TeamStack } from './team-harness.ts'

const theStack = useTeamStack()
let stack: TeamStack
const reps: Rep[] = []

beforeEach(() => {
  stack = theStack()
})
afterEach(async () => {
  await Promise.all(reps.splice(0).map((rep) => rep.close()))
})

async function team(count: number, settings = {}) {
  const created = await stack.newTeam()
  for (let k = 1; k <= count; k++) reps.push(await joinRep(stack, created.team, `rep-${k}`, { settings }))
  return created
}

/** Rep removes carol from g1 for 赌博 (a remove rule). */
async function removeCarol(rep: Rep): Promise<void> {
  await rep.h.send('carol', '赌博')
  await rep.h.guard.flush()
  expect(rep.h.store.events.list({ kind: 'removal' })[0]).toMatchObject({ status: 'done', memberKey: 'stable:wx_carol' })
}

const listed = (rep: Rep, key = 'stable:wx_carol') => rep.h.store.team.listedOffender(key) !== null

describe('a team of reps', () => {
  it('a removal by one rep reaches the other, whose guard then treats the member as a known offender', async () => {
    await team(2, { knownOffenderAction: 'remove' })
    const [a, b] = reps as [Rep, Rep]
    await removeCarol(a)
    await eventually(() => listed(b), "carol on rep-2's team list")
    expect(b.h.store.team.listedOffender('stable:wx_carol')).toMatchObject({ rule: '赌博', reason: '赌博', author: 'rep-1', groupTopic: '福利一群' })
    // rep-2 can have it before the server's answer reaches rep-1, which then clears its outbox.
    await eventually(() => a.h.store.team.outboxSize() === 0, "rep-1's outbox emptied")

    await b.h.join('g2', 'carol')
    await b.h.guard.flush()
    const joined = b.h.store.events.list({ kind: 'known_offender_joined' })[0]!
    expect(joined).toMatchObject({ groupId: 'g2', rule: '赌博', detail: { action: 'remove', team: { author: 'rep-1' } } })
    expect(b.h.chat.calls).toEqual(['remove g2 carol'])
    expect(b.h.chat.notes.at(-1)).toContain('福利一群（rep-1）')
  })

  it('a pack the lead publishes joins every rep that subscribes, locked and switchable; a new version says what changed', async () => {
    const { leadClient, lead } = await team(2)
    const [a, b] = reps as [Rep, Rep]
    await stack.db.publishPack(lead, '通用', [{ name: '推广', match: '推广', action: 'warn' }], null)
    await eventually(() => a.h.store.team.packs().length === 1 && b.h.store.team.packs().length === 1, 'the pack on both reps')
    expect(leadClient.serverUrl).toBe(stack.server.url)

    // Not subscribed: the pack's rule does not judge.
    await a.h.send('alice', '推广')
    expect(a.h.store.events.list({ kind: 'warning' })).toHaveLength(0)
    a.h.store.team.setSubscribed('通用', true)
    // A changed pack compiles in the background; the guard judges with it once it is ready.
    await a.h.guard.refreshRules()
    await a.h.send('alice', '推广一下')
    expect(a.h.store.events.list({ kind: 'warning' })[0]).toMatchObject({ rule: teamRuleName('通用', '推广') })

    await stack.db.publishPack(lead, '通用', [{ name: '推广', match: '推广 | 代理', action: 'warn' }, { name: '刷单', match: '刷单', action: 'remove' }], '加了刷单')
    await eventually(() => a.h.store.team.packs()[0]?.version === 2, 'version 2 on rep-1')
    const updated = a.h.store.events.list({ kind: 'team_pack_updated' })[0]!
    expect(updated.detail).toMatchObject({ pack: '通用', version: 2, added: ['刷单'], removed: [], changed: [{ name: '推广', fields: ['match'] }] })
    // rep-2 is not subscribed: it keeps the pack, but nothing is announced and its rules are unchanged.
    await eventually(() => b.h.store.team.packs()[0]?.version === 2, 'version 2 on rep-2')
    expect(b.h.store.events.list({ kind: 'team_pack_updated' })).toHaveLength(0)

    await a.h.guard.refreshRules()
    await a.h.send('alice', '做代理')
    expect(a.h.store.events.list({ kind: 'warning' })[0]?.text).toBe('做代理')
    // Switched off locally: the rule stays in the pack but judges nothing here.
    expect(a.h.store.team.setRuleOff('通用', '推广', true)).toBe(true)
    await a.h.guard.refreshRules()
    await a.h.send('alice', '推广推广')
    expect(a.h.store.events.list({ kind: 'warning' })[0]?.text).toBe('做代理')
    expect(a.h.store.team.setRuleOff('通用', '没有这条', true)).toBe(false)
  })

  it('a rep offline keeps working and sends its removals when it is back', async () => {
    await team(2)
    const [a, b] = reps as [Rep, Rep]
    await eventually(() => a.sync!.connected(), 'rep-1 connected')
    await a.offline()
    await removeCarol(a)
    expect(a.h.store.team.outboxSize()).toBe(1)
    await new Promise((resolve) => setTimeout(resolve, 300))
    expect(listed(b)).toBe(false)

    a.online()
    await eventually(() => listed(b), 'carol on rep-2 after rep-1 came back')
    await eventually(() => a.h.store.team.outboxSize() === 0, "rep-1's outbox emptied")
  })

  it('a rep that was offline catches up on what the team did meanwhile', async () => {
    await team(2)
    const [a, b] = reps as [Rep, Rep]
    await b.offline()
    await removeCarol(a)
    await new Promise((resolve) => setTimeout(resolve, 300))
    expect(listed(b)).toBe(false)
    b.online()
    await eventually(() => listed(b), 'carol on rep-2 after it came back')
  })

  it('the lead removes an entry everywhere; an undo by the rep who removed them proposes it', async () => {
    const { lead } = await team(2)
    const [a, b] = reps as [Rep, Rep]
    await removeCarol(a)
    await eventually(() => listed(b), 'carol listed on rep-2')

    const removal = a.h.store.events.list({ kind: 'removal' })[0]!
    a.h.guard.undoRemoval(removal.id)
    await a.sync!.flush()
    expect(listed(a)).toBe(false)
    const [entry] = await stack.db.listOffenders(lead, { limit: 10 })
    expect(entry).toMatchObject({ memberKey: 'stable:wx_carol', undoProposedBy: ['rep-1'] })
    expect(listed(b)).toBe(true)

    await stack.db.removeOffender(lead, 'stable:wx_carol')
    await eventually(() => !listed(b), 'carol off rep-2')
    expect(await stack.db.listOffenders(lead, { limit: 10 })).toEqual([])
  })

  it('a member one rep marks as a known offender reaches the other with the reason; unmarking proposes taking them off', async () => {
    const { lead } = await team(2, { knownOffenderAction: 'remove' })
    const [a, b] = reps as [Rep, Rep]
    await a.h.send('carol', '代购')
    a.h.guard.markOffender({ memberKey: 'stable:wx_carol', reason: '冒充客服拉人' })
    await eventually(() => listed(b), "carol on rep-2's team list after rep-1's mark")
    expect(b.h.store.team.listedOffender('stable:wx_carol')).toMatchObject({ rule: null, reason: '冒充客服拉人', author: 'rep-1', memberName: '小李' })

    await b.h.join('g2', 'carol')
    await b.h.guard.flush()
    expect(b.h.store.events.list({ kind: 'known_offender_joined' })[0]).toMatchObject({ detail: { action: 'remove', team: { author: 'rep-1', reason: '冒充客服拉人' } } })
    expect(b.h.chat.calls).toEqual(['remove g2 carol'])

    // Rep-2's removal of carol lists her too: once it is on the server, rep-1's proposal applies to that entry (a
    // listing that came after the proposal would be a new one, and rightly put her back on rep-1's list).
    await eventually(() => a.h.store.team.outboxSize() === 0 && b.h.store.team.outboxSize() === 0, 'both outboxes emptied')
    a.h.guard.unmarkOffender('stable:wx_carol')
    await a.sync!.flush()
    expect(listed(a)).toBe(false)
    const [entry] = await stack.db.listOffenders(lead, { limit: 10 })
    expect(entry).toMatchObject({ memberKey: 'stable:wx_carol', undoProposedBy: ['rep-1'] })
  })

  it('a change the server refuses is set aside with its reason and does not hold back the others', async () => {
    const { lead } = await team(1)
    const [a] = reps as [Rep]
    await eventually(() => a.sync!.connected(), 'rep-1 connected')
    for (const memberKey of ['', 'stable:wx_ok']) {
      const id = a.h.store.events.add({ kind: 'removal', at: a.h.now(), memberKey, memberId: 'x', status: 'pending' })
      a.h.store.events.setStatus(id, 'done')
    }
    await a.sync!.flush()
    expect(a.h.store.team.outboxSize()).toBe(0)
    expect((await stack.db.listOffenders(lead, { limit: 10 })).map((entry) => entry.memberKey)).toEqual(['stable:wx_ok'])
    const failure = a.h.store.events.list({ kind: 'action_failed' })[0]!
    expect(failure.detail).toMatchObject({ teamChangeKind: 'offender_added' })
    expect(String(failure.detail.reason)).toMatch(/memberKey/)
  })

  it("each rep's figures reach the lead's overview", async () => {
    const { lead } = await team(2)
    const [a] = reps as [Rep, Rep]
    await removeCarol(a)
    const removal = a.h.store.events.list({ kind: 'removal' })[0]!
    a.h.guard.setVerdict(removal.id, 'confirmed')
    // Reconnecting reports again.
    await a.offline()
    a.online()
    await eventually(async () => {
      const overview = await stack.db.overview(lead)
      const figures = (name: string) => overview.reps.find((rep) => rep.name === name)?.figures
      return figures('rep-1')?.removals === 1 && figures('rep-2') != null
    }, "both reps' figures")
    const overview = await stack.db.overview(lead)
    expect(overview.offenders).toBe(1)
    expect(overview.reps.find((rep) => rep.name === 'rep-1')!.figures).toMatchObject({ groups: 2, offences: 1, removals: 1, precision: 1, days: 30 })
    expect(overview.reps.find((rep) => rep.name === 'rep-2')!.figures).toMatchObject({ groups: 2, offences: 0, removals: 0, precision: null })
  })

  it('twenty reps: a removal by one reaches all the others', async () => {
    await team(20)
    await eventually(() => reps.every((rep) => rep.sync!.connected()), 'all connected')
    await removeCarol(reps[7]!)
    await eventually(() => reps.every((rep) => listed(rep)), 'carol on every rep')
    const authors = new Set(reps.map((rep) => rep.h.store.team.listedOffender('stable:wx_carol')!.author))
    expect([...authors]).toEqual(['rep-8'])
  }, 60_000)
})
