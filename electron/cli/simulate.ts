// `simulate`: rehearses a rules file on a scripted group chat, through the real guard and a simulated WeChat, and
// prints every moderation event as one JSON line.
import { parseSetting } from '../../shared/policy/index.ts'
import { parseScenario, ScenarioError } from '../sim/scenario.ts'
import { runScenario } from '../sim/scenario-runner.ts'
import { silenceWechatyLog } from '../wechat/bot-host.ts'
import { parseCommandArgs, usageError } from './args.ts'
import { CliError, readTextFile, type CliIo } from './io.ts'
import { loadRules } from './load-rules.ts'

export const SIMULATE_USAGE = `usage: npm run -s cli -- simulate --rules FILE --scenario FILE.jsonl [--warnings N]

  --rules FILE        rules file: .json, .yaml/.yml, or the old wx-bot tool's .txt
  --scenario FILE     one JSON object a line (blank lines and // comments are skipped); "bot" is the
                      logged-in account, any other name a contact, created on first use:
                        {"op":"room","id":"r1","topic":"...","owner":"bot","admins":[],"members":["alice"]}
                          (optional "otherMembers": N adds N unnamed members, for a big group)
                        {"op":"say","room":"r1","from":"alice","text":"..."}   (optional "kind": "link", "image"...)
                        {"op":"image","room":"r1","from":"alice","file":"poster.jpg"}   a photo (PNG or JPEG, path
                                                          relative to the scenario) through the real QR decoder
                        {"op":"join","room":"r1","who":["carol"],"inviter":"bob"}   (inviter defaults to the owner)
                        {"op":"wait","minutes":90}        moves the virtual clock; due actions run on the way
                        {"op":"allow","who":"bob"}        puts bob on the allow-list for every group
                        {"op":"pardon","room":"r1","who":"alice"}   revokes alice's latest strike there
                        {"op":"undo","room":"r1","who":"alice"}     undoes alice's latest removal there
                        {"op":"settings","quietMode":true}          any guard setting, from here on
  --warnings N        warnings before the next offence removes (default 2)

Prints one JSON line per moderation event, once its outcome is known, e.g.
  {"event":"warning","room":"r1","member":"alice","rule":"...","strike":1,"limit":2,"text":"<what the bot sent>"}
Exit status: 0 done, 1 the guard failed on an event, 2 bad rules, scenario (FILE:LINE: error: ... on stderr) or usage.`

export async function runSimulateCommand(argv: readonly string[], io: CliIo): Promise<number> {
  const options = { rules: { type: 'string' }, scenario: { type: 'string' }, warnings: { type: 'string' } } as const
  const { values } = parseCommandArgs(argv, options, SIMULATE_USAGE)
  if (values.help) {
    io.stdout.write(`${SIMULATE_USAGE}\n`)
    return 0
  }
  if (values.rules === undefined) throw usageError('--rules FILE is required', SIMULATE_USAGE)
  if (values.scenario === undefined) throw usageError('--scenario FILE.jsonl is required', SIMULATE_USAGE)
  const settings = values.warnings === undefined ? {} : { warningsBeforeRemoval: parseWarnings(values.warnings) }

  const { file } = await loadRules(values.rules, io)
  const scenarioFile = values.scenario
  const scenarioText = await readTextFile(scenarioFile)

  silenceWechatyLog()
  try {
    const { inboxErrors } = await runScenario({
      scenarioFile,
      steps: parseScenario(scenarioText, scenarioFile),
      rules: file.rules,
      settings,
      onEvent: (line) => io.stdout.write(`${JSON.stringify(line)}\n`),
      onNote: (line, note) => io.stderr.write(`${scenarioFile}:${line}: note: ${note}\n`),
    })
    for (const error of inboxErrors) io.stderr.write(`error: the guard failed on a WeChat event: ${error.message}\n`)
    return inboxErrors.length ? 1 : 0
  } catch (error) {
    throw error instanceof ScenarioError ? new CliError(error.message.split('\n')) : error
  }
}

function parseWarnings(text: string): number {
  const parsed = parseSetting('warningsBeforeRemoval', /^\d+$/u.test(text) ? Number(text) : Number.NaN)
  if (!parsed.ok) throw usageError(`--warnings must be a whole number from 0 to 20, not "${text}"`, SIMULATE_USAGE)
  return parsed.value
}
