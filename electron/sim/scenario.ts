// Scenario files: one JSON object per line, each something that happens in the simulated WeChat or something the rep
// does. Parsed and checked as a whole before anything runs, so a mistake is reported by line before any output.
import { z } from 'zod'
import { SETTINGS_SCHEMA } from '../../shared/policy/index.ts'
import { MESSAGE_KINDS } from '../../shared/rules/types.ts'
import { BOT_NAME } from './simulated-world.ts'

const name = z.string().trim().min(1, 'must not be empty')
const person = name.refine((value) => value !== BOT_NAME, `"${BOT_NAME}" is the bot's own account`)

const STEP_SCHEMA = z.discriminatedUnion('op', [
  z.strictObject({
    op: z.literal('room'),
    id: name,
    topic: z.string(),
    owner: name,
    admins: z.array(name).default([]),
    members: z.array(name).default([]),
    /** Further unnamed members, for a big group. */
    otherMembers: z.number().int().min(0).max(500).optional(),
  }),
  z.strictObject({
    op: z.literal('say'),
    room: name,
    from: person,
    text: z.string(),
    kind: z.enum(MESSAGE_KINDS).default('text'),
  }),
  /** A member posts a photo: FILE (PNG or JPEG) is read relative to the scenario file, through the real decoder. */
  z.strictObject({ op: z.literal('image'), room: name, from: person, file: name }),
  z.strictObject({ op: z.literal('join'), room: name, who: z.array(person).min(1), inviter: name.optional() }),
  z.strictObject({ op: z.literal('wait'), minutes: z.number().positive() }),
  z.strictObject({ op: z.literal('allow'), who: person }),
  z.strictObject({ op: z.literal('pardon'), room: name, who: person }),
  z.strictObject({ op: z.literal('undo'), room: name, who: person }),
  /** Changes the guard's settings from here on (quietMode, rateLimitPerMinute, strikeExpiryDays...). */
  SETTINGS_SCHEMA.partial().extend({ op: z.literal('settings') }).strict(),
])

export type ScenarioOp = z.infer<typeof STEP_SCHEMA>
export type ScenarioStep = ScenarioOp & { line: number }

export interface ScenarioProblem {
  line: number
  message: string
}

export class ScenarioError extends Error {
  constructor(
    readonly file: string,
    readonly problems: readonly ScenarioProblem[],
  ) {
    super(problems.map((problem) => `${file}:${problem.line}: error: ${problem.message}`).join('\n'))
    this.name = 'ScenarioError'
  }
}

/** Reads a scenario's text; throws ScenarioError naming every bad line. Blank lines and lines starting with // are skipped. */
export function parseScenario(text: string, file: string): ScenarioStep[] {
  const steps: ScenarioStep[] = []
  const problems: ScenarioProblem[] = []
  text.split(/\r?\n/u).forEach((source, index) => {
    const line = index + 1
    const trimmed = source.trim()
    if (trimmed === '' || trimmed.startsWith('//')) return
    const parsed = parseLine(trimmed)
    if ('problem' in parsed) problems.push({ line, message: parsed.problem })
    else steps.push({ ...parsed.op, line })
  })
  problems.push(...checkRoomReferences(steps))
  if (problems.length) throw new ScenarioError(file, problems.sort((a, b) => a.line - b.line))
  return steps
}

function parseLine(source: string): { op: ScenarioOp } | { problem: string } {
  let data: unknown
  try {
    data = JSON.parse(source)
  } catch (error) {
    return { problem: `not valid JSON: ${(error as Error).message}` }
  }
  const result = STEP_SCHEMA.safeParse(data)
  if (result.success) return { op: result.data }
  return { problem: result.error.issues.map((issue) => describeIssue(issue, data)).join('; ') }
}

const OPS = STEP_SCHEMA.options.map((option) => option.shape.op.value)

function describeIssue(issue: z.core.$ZodIssue, data: unknown): string {
  const field = issue.path.join('.')
  if (issue.code === 'unrecognized_keys') return `unknown field "${issue.keys[0]}"`
  if (field === 'op' || issue.path.length === 0) return `"op" must be one of ${OPS.join(', ')}`
  const given = issue.path.reduce<unknown>((value, key) => (value as Record<PropertyKey, unknown> | undefined)?.[key], data)
  if (given === undefined) return `missing "${field}"`
  return `"${field}": ${issue.message}`
}

/** Groups must be created before use, and only once. Who is a member is WeChat's business, checked as the scenario runs. */
function checkRoomReferences(steps: readonly ScenarioStep[]): ScenarioProblem[] {
  const rooms = new Set<string>()
  const problems: ScenarioProblem[] = []
  for (const step of steps) {
    if (step.op === 'room') {
      if (rooms.has(step.id)) problems.push({ line: step.line, message: `group "${step.id}" is already defined` })
      rooms.add(step.id)
    } else if ('room' in step && !rooms.has(step.room)) {
      problems.push({ line: step.line, message: `group "${step.room}" is not defined by an earlier "room" line` })
    }
  }
  return problems
}
