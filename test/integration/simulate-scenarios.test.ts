// Scenarios through the real service: Wechaty on the simulated world's puppet, the guard with a temporary SQLite
// store, the real policy and action queue, on a virtual clock. Each test asserts the exact sequence of events.
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { runCli } from '../../electron/cli/commands.ts'
import type { EventLine } from '../../electron/sim/event-lines.ts'
import { FIXTURES, RULES, rehearse } from './rehearse.ts'

/** Runs the `simulate` command as the CLI would. */
async function simulate(...args: string[]) {
  let stdout = ''
  let stderr = ''
  const io = { stdout: { write: (text: string) => (stdout += text) }, stderr: { write: (text: string) => (stderr += text) } }
  const exitCode = await runCli(['simulate', ...args], io)
  const events = stdout.split('\n').filter(Boolean).map((line) => JSON.parse(line) as EventLine)
  return { exitCode, events, stderr }
}

const warning = (member: string, strike: number, minute = 0, room = 'r1') => ({
  event: 'warning',
  room,
  member,
  rule: '加微信',
  strike,
  limit: 2,
  text: `@${member} 请不要在群里拉人加好友（${strike}/2）`,
  minute,
})

describe('simulated scenarios', () => {
  it('warns twice, then removes on the third offence', async () => {
    const { events, said } = await rehearse('warn-warn-remove.jsonl')
    expect(events).toEqual([
      warning('alice', 1),
      warning('alice', 2),
      { event: 'removal', room: 'r1', member: 'alice', rule: '加微信', strike: 3, minute: 0 },
    ])
    // Two warnings, then the removal notice.
    const inGroup = said.filter((message) => message.room === 'r1')
    expect(inGroup).toHaveLength(3)
    expect(inGroup[2]?.text).toContain('alice')
  })

  it('forgets strikes once they expire', async () => {
    const { events } = await rehearse('strike-expiry.jsonl')
    expect(events).toEqual([warning('alice', 1, 0), warning('alice', 2, 30), warning('alice', 1, 120)])
  })

  it('never acts on the owner, admins or allow-listed members', async () => {
    const { events } = await rehearse('immunity.jsonl')
    expect(events).toEqual([warning('alice', 1)])
  })

  it('records dry-run decisions without saying or doing anything', async () => {
    const { events, said } = await rehearse('dry-run.jsonl')
    expect(events).toEqual([
      { event: 'warning', room: 'r1', member: 'alice', rule: '免费领', strike: 1, limit: 2, dryRun: true, minute: 0 },
      { event: 'removal', room: 'r1', member: 'bob', rule: '赌博', strike: 1, dryRun: true, minute: 0 },
    ])
    expect(said).toEqual([])
  })

  it('in quiet mode only proposes to the rep, saying nothing in the group', async () => {
    const { events, said } = await rehearse('quiet-mode.jsonl')
    expect(events).toEqual([
      { event: 'alert', room: 'r1', member: 'alice', rule: '加微信', proposed: 'warn', minute: 0 },
      { event: 'alert', room: 'r1', member: 'alice', rule: '赌博', proposed: 'remove', minute: 0 },
    ])
    expect(said.filter((message) => message.room !== null)).toEqual([])
    expect(said).toHaveLength(2)
  })

  it('hands the rep one task where the bot is neither owner nor admin, without asking WeChat', async () => {
    const { events, said } = await rehearse('removal-refused.jsonl')
    expect(events).toEqual([
      { event: 'removal_needed', room: 'r1', member: 'alice', rule: '赌博', strike: 1, reason: 'bot_not_admin', minute: 0 },
    ])
    expect(said).toEqual([{ room: null, text: expect.stringContaining('【群卫待办】请把 alice 移出群「闲聊群」') }])
  })

  it('pardons the latest strike, so the next offence is a second warning, not a removal', async () => {
    const { events } = await rehearse('pardon.jsonl')
    expect(events).toEqual([
      warning('alice', 1),
      warning('alice', 2),
      { event: 'pardon', room: 'r1', member: 'alice', minute: 0 },
      warning('alice', 2),
    ])
  })

  it('undoes removals: re-added in a small group, left to the rep in a big one', async () => {
    const { events } = await rehearse('undo.jsonl')
    expect(events).toEqual([
      { event: 'removal', room: 'small', member: 'alice', rule: '赌博', strike: 1, minute: 0 },
      { event: 'undo', room: 'small', member: 'alice', minute: 0 },
      { event: 'removal', room: 'big', member: 'bob', rule: '赌博', strike: 1, minute: 0 },
      { event: 'undo', room: 'big', member: 'bob', status: 'needs_rep', minute: 0 },
    ])
  })

  it('holds actions beyond the rate limit until the limit frees up, even after the last line', async () => {
    const { events } = await rehearse('throttle.jsonl')
    expect(events).toEqual([warning('alice', 1, 0), warning('bob', 1, 0), warning('carol', 1, 1)])
  })

  it('spots a removed member joining again, alerting or removing as set', async () => {
    const { events } = await rehearse('known-offender.jsonl')
    expect(events).toEqual([
      { event: 'removal', room: 'r1', member: 'alice', rule: '赌博', strike: 1, minute: 0 },
      { event: 'known_offender_joined', room: 'r2', member: 'alice', minute: 0 },
      { event: 'known_offender_joined', room: 'r1', member: 'alice', minute: 0 },
      { event: 'removal', room: 'r1', member: 'alice', rule: '赌博', knownOffender: true, minute: 0 },
    ])
  })
})

describe('removal as WeChat allows it', () => {
  const removalNeeded = (member: string, rule: string, strike: number, reason: string, room = 'r1') => ({
    event: 'removal_needed',
    room,
    member,
    rule,
    strike,
    reason,
    minute: 0,
  })

  it('removes once however many offences arrive while the removal waits behind the rate limit', async () => {
    const { events, said } = await rehearse('burst-while-throttled.jsonl')
    expect(events).toEqual([warning('bob', 1), { event: 'removal', room: 'r1', member: 'alice', rule: '赌博', strike: 1, minute: 1 }])
    // No "please handle manually" note: nothing failed.
    expect(said.filter((message) => message.room === null)).toEqual([])
  })

  it('where the bot is not an admin: two warnings, one task, then only recorded offences', async () => {
    const { events, said } = await rehearse('not-admin.jsonl')
    expect(events).toEqual([warning('alice', 1), warning('alice', 2), removalNeeded('alice', '加微信', 3, 'bot_not_admin')])
    expect(said.filter((message) => message.room === null)).toHaveLength(1)
  })

  it('retries a removal that timed out before WeChat acted: one removal, no task', async () => {
    const { events, said } = await rehearse('timeout-once.jsonl')
    expect(events).toEqual([{ event: 'removal', room: 'r1', member: 'alice', rule: '赌博', strike: 1, minute: 0.5 }])
    expect(said.filter((message) => message.room === null)).toEqual([])
  })

  it('never re-sends a warning whose send timed out after reaching WeChat', async () => {
    const { events, said } = await rehearse('timeout-after-warning.jsonl')
    expect(events).toEqual([
      { event: 'action_failed', room: 'r1', member: 'alice', rule: '加微信', reason: 'delivery_unknown', minute: 0 },
    ])
    expect(said.filter((message) => message.room === 'r1')).toHaveLength(1)
    expect(said.filter((message) => message.room === null)).toEqual([{ room: null, text: expect.stringContaining('可能未送达') }])
  })

  it('with a puppet that reports no owners, asks the rep, and takes the rep\'s word on roles', async () => {
    const { events } = await rehearse('no-owners.jsonl')
    expect(events).toEqual([
      removalNeeded('alice', '赌博', 1, 'roles_unknown'),
      // Nobody told the guard carol owns the group: she is warned like anyone...
      warning('carol', 1),
      // ...until the rep names her; alice's open task takes her next offence; the rep's word lets the bot remove.
      { event: 'removal', room: 'r1', member: 'bob', rule: '赌博', strike: 1, minute: 0 },
    ])
  })

  it('screens members invited by outsiders as set, and welcomes the rest', async () => {
    const { events, said } = await rehearse('outsider-invite.jsonl')
    expect(events).toEqual([
      { event: 'outsider_invite', room: 'r1', member: 'eve', inviter: 'alice', action: 'alert', minute: 0 },
      { event: 'outsider_invite', room: 'r1', member: 'zed', inviter: 'alice', action: 'remove', minute: 0 },
      { event: 'removal', room: 'r1', member: 'zed', outsiderInvite: true, minute: 0 },
    ])
    const inGroup = said.filter((message) => message.room === 'r1').map((message) => message.text)
    expect(inGroup).toEqual([
      '@mia 欢迎新朋友！',
      '@alice 本群只接受群主和管理员邀请新成员，zed 已被移出，谢谢理解。',
      '@amy 欢迎新朋友！',
      '@kim 欢迎新朋友！',
    ])
  })

  it('records the rep\'s "done" like a removal, and acts on join cards and pardons', async () => {
    const { events } = await rehearse('rep-tasks.jsonl')
    expect(events).toEqual([
      removalNeeded('alice', '赌博', 1, 'bot_not_admin'),
      { event: 'known_offender_joined', room: 'r2', member: 'alice', minute: 0 },
      { event: 'removal', room: 'r2', member: 'alice', rule: '赌博', knownOffender: true, minute: 0 },
      removalNeeded('bob', '赌博', 1, 'bot_not_admin'),
      { event: 'pardon', room: 'r1', member: 'bob', minute: 0 },
      { ...warning('bob', 1), text: '@bob 请不要在群里拉人加好友（1/2）' },
    ])
  })
})

describe('the simulate command', () => {
  it('prints events as JSON lines and applies --warnings', async () => {
    const { exitCode, events, stderr } = await simulate('--rules', RULES, '--scenario', path.join(FIXTURES, 'immunity.jsonl'), '--warnings', '0')
    expect(stderr).toBe('')
    expect(exitCode).toBe(0)
    expect(events).toEqual([{ event: 'removal', room: 'r1', member: 'alice', rule: '加微信', strike: 1, minute: 0 }])
  })

  it('rejects bad scenario lines with FILE:LINE before running anything', async () => {
    const file = path.join(FIXTURES, 'bad-line.jsonl')
    const { exitCode, events, stderr } = await simulate('--rules', RULES, '--scenario', file)
    expect(exitCode).toBe(2)
    expect(events).toEqual([])
    expect(stderr).toBe(
      `${file}:2: error: missing "text"; unknown field "txt"\n` +
        `${file}:3: error: group "r9" is not defined by an earlier "room" line\n`,
    )
  })

  it('stops at a line WeChat would not allow, naming it', async () => {
    const file = path.join(FIXTURES, 'not-a-member.jsonl')
    const { exitCode, events, stderr } = await simulate('--rules', RULES, '--scenario', file)
    expect(exitCode).toBe(2)
    expect(events.map((event) => event.event)).toEqual(['removal'])
    expect(stderr).toBe(`${file}:4: error: "alice" is not a member of "r1"\n`)
  })

  it('rejects a bad --warnings value', async () => {
    const { exitCode, stderr } = await simulate('--rules', RULES, '--scenario', path.join(FIXTURES, 'pardon.jsonl'), '--warnings', 'many')
    expect(exitCode).toBe(2)
    expect(stderr).toMatch(/^error: --warnings must be a whole number from 0 to 20/u)
  })
})
