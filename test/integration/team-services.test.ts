// Twenty reps, each the real service on its own simulated WeChat account, in one team on a real PostgreSQL: a
// removal by one reaches every other, and a rep whose group the removed member then joins acts on it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { TeamView } from '../../shared/api/types.ts'
import { direct, startEnv, type ApiEnv } from './api-harness.ts'
import { eventually, useTeamStack } from './team-harness.ts'

const REPS = 20
const stack = useTeamStack()
const reps: ApiEnv[] = []

beforeAll(async () => {
  const { team } = await stack().newTeam()
  for (let k = 1; k <= REPS; k++) {
    const rep = await startEnv(direct, new Set())
    reps.push(rep)
    const { token } = await stack().db.issueToken(team, `rep-${k}`, 'rep')
    await rep.api.joinTeam({ serverUrl: stack().server.url, token })
  }
}, 180_000)
afterAll(async () => {
  await Promise.all(reps.map((rep) => rep.close()))
}, 60_000)

const offenders = (view: TeamView) => (view.joined ? view.offenders : -1)

describe(`${REPS} real services in one team`, () => {
  it('a removal by one rep reaches all the others', async () => {
    const [first, ...others] = reps as [ApiEnv, ...ApiEnv[]]
    await first.say('shop', '小李', '一起赌博')
    await first.events.feed({ kind: 'removal', status: 'done' })
    await eventually(async () => (await Promise.all(others.map((rep) => rep.api.getTeam({})))).every((view) => offenders(view) === 1), 'every rep has 小李 listed', 30_000)

    const last = others.at(-1)!
    last.world.join('big', ['小李'])
    await last.world.echoes.settled()
    expect(await last.events.feed({ kind: 'known_offender_joined' })).toMatchObject({ memberName: '小李', rule: '赌博', detail: { team: { author: 'rep-1' } } })
  }, 60_000)
})
