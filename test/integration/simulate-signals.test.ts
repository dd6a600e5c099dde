// The behaviour signals through the real service: Wechaty on the simulated world's puppet, the guard, SQLite.
// Each raises a quiet alert (a review proposing a warning), never a word in the group.
import { describe, expect, it } from 'vitest'
import { rehearse } from './rehearse.ts'

/** What the bot said in groups; its private notes to the rep (room null) are not said in public. */
async function rehearsePublic(scenario: string) {
  const { events, said } = await rehearse(scenario)
  return { events, said: said.filter((message) => message.room !== null) }
}

const alert = (member: string, signal: string, minute: number, room = 'r1') => ({
  event: 'alert',
  room,
  member,
  rule: `signal:${signal}`,
  proposed: 'warn',
  minute,
})

describe('behaviour signals in simulated scenarios', () => {
  it('repetition: one member in three groups, and three newcomers posting one text', async () => {
    const { events, said } = await rehearsePublic('signals-repeat.jsonl')
    expect(events).toEqual([alert('alice', 'repeat', 0, 'r3'), alert('n3', 'repeat', 5, 'r3')])
    expect(said).toEqual([])
  })

  it('newcomers: a post seconds after joining, a phone number from a new member (not an old one), a burst of joins', async () => {
    const { events, said } = await rehearsePublic('signals-newcomer.jsonl')
    expect(events).toEqual([alert('zed', 'newcomer', 0), alert('yan', 'newcomer', 30), alert('b5', 'newcomer', 30)])
    expect(said).toEqual([])
  })

  it('floods: the message over the limit a minute, and nothing once the minute has passed', async () => {
    const { events } = await rehearsePublic('signals-flood.jsonl')
    expect(events).toEqual([alert('alice', 'flood', 0)])
  })
})
