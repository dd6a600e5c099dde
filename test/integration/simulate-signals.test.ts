// The behaviour signals through the real service: Wechaty on the simulated world's puppet, the guard, SQLite.
// Each raises a quiet alert (a review proposing a warning), never a word in the group.
import { readFile } from 'node:fs/promises'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { parseRulesFile } from '../../shared/rules/files.ts'
import type { EventLine } from '../../electron/sim/event-lines.ts'
import { parseScenario } from '../../electron/sim/scenario.ts'
import { runScenario } from '../../electron/sim/scenario-runner.ts'

const FIXTURES = path.resolve(import.meta.dirname, '../fixtures/scenarios')
const RULES = path.join(FIXTURES, 'rules.yaml')

async function rehearse(scenario: string) {
  const scenarioFile = path.join(FIXTURES, scenario)
  const rules = parseRulesFile(await readFile(RULES, 'utf8'), RULES).rules
  const events: EventLine[] = []
  const outcome = await runScenario({
    scenarioFile,
    steps: parseScenario(await readFile(scenarioFile, 'utf8'), scenarioFile),
    rules,
    onEvent: (line) => events.push(line),
  })
  expect(outcome.inboxErrors).toEqual([])
  // What the bot said in groups; its private notes to the rep (room null) are not said in public.
  return { events, said: outcome.botSaid.filter((message) => message.room !== null) }
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
    const { events, said } = await rehearse('signals-repeat.jsonl')
    expect(events).toEqual([alert('alice', 'repeat', 0, 'r3'), alert('n3', 'repeat', 5, 'r3')])
    expect(said).toEqual([])
  })

  it('newcomers: a post seconds after joining, a phone number from a new member (not an old one), a burst of joins', async () => {
    const { events, said } = await rehearse('signals-newcomer.jsonl')
    expect(events).toEqual([alert('zed', 'newcomer', 0), alert('yan', 'newcomer', 30), alert('b5', 'newcomer', 30)])
    expect(said).toEqual([])
  })

  it('floods: the message over the limit a minute, and nothing once the minute has passed', async () => {
    const { events } = await rehearse('signals-flood.jsonl')
    expect(events).toEqual([alert('alice', 'flood', 0)])
  })
})
