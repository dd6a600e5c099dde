// Runs a fixture scenario in-process through the real service (Wechaty on the simulated world's puppet, the guard,
// SQLite) with the fixture rules; returns the events, the notes and everything the bot said.
import { readFile } from 'node:fs/promises'
import path from 'node:path'
import { expect } from 'vitest'
import { parseRulesFile } from '../../shared/rules/files.ts'
import type { EventLine } from '../../electron/sim/event-lines.ts'
import { parseScenario } from '../../electron/sim/scenario.ts'
import { runScenario } from '../../electron/sim/scenario-runner.ts'

export const FIXTURES = path.resolve(import.meta.dirname, '../fixtures/scenarios')
export const RULES = path.join(FIXTURES, 'rules.yaml')

export async function rehearse(scenario: string) {
  const scenarioFile = path.join(FIXTURES, scenario)
  const rules = parseRulesFile(await readFile(RULES, 'utf8'), RULES).rules
  const events: EventLine[] = []
  const notes: string[] = []
  const outcome = await runScenario({
    scenarioFile,
    steps: parseScenario(await readFile(scenarioFile, 'utf8'), scenarioFile),
    rules,
    onEvent: (line) => events.push(line),
    onNote: (line, note) => notes.push(`${line}: ${note}`),
  })
  expect(outcome.inboxErrors).toEqual([])
  return { events, notes, said: outcome.botSaid }
}
