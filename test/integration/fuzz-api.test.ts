// Hostile input at both doors, for every method of the contract (read from the contract, so methods added later are
// fuzzed too): random values and random objects made of each method's own field names. Whatever comes in, the answer
// is a result or a clear refusal (never an internal error, a crash or a hang), and a refusal changes nothing.
import { mkdtempSync, readdirSync, readFileSync, rmSync, existsSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import fc from 'fast-check'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { API_INPUTS, API_METHODS, ApiError, type ApiMethod } from '../../shared/api/contract.ts'
import { API_ERROR_CODES } from '../../shared/api/errors.ts'
import { HTTP_STATUS, type WireResult } from '../../shared/api/http.ts'
import { toApiError } from '../../electron/server/dispatch.ts'
import { startService, type RunningService } from '../../electron/service/start.ts'
import { DATABASE_FILE } from '../../electron/store/index.ts'
import { silenceWechatyLog } from '../../electron/wechat/bot-host.ts'
import { openDoor, postApi, RULES, type OpenDoor } from './api-harness.ts'

const RUNS_PER_METHOD = 30
const HANG_MS = 10_000
/** Valid calls of these reach out to WeChat (a real puppet over the network): only their refusals are fuzzed. */
const REACHES_WECHAT: ReadonlySet<ApiMethod> = new Set(['choosePuppet', 'login', 'logout'])

let dataDir: string
let service: RunningService
let door: OpenDoor

beforeAll(async () => {
  silenceWechatyLog()
  dataDir = mkdtempSync(join(tmpdir(), 'qunguard-fuzz-'))
  service = await startService({ dataDir, puppet: 'wechaty-puppet-mock', timers: false })
  await service.dispatch('saveRules', { rules: RULES })
  await service.dispatch('addToAllowList', { memberKey: 'stable:colleague', name: '同事' })
  door = await openDoor(service, dataDir)
})

afterAll(async () => {
  await door.close()
  await service.close()
  rmSync(dataDir, { recursive: true, force: true })
})

/** Every row of every table, the secrets file and the data folder's files: what a refusal must leave as it was. */
function state(): string {
  const db = new Database(join(dataDir, DATABASE_FILE), { readonly: true })
  try {
    const tables = db.prepare<[], string>("SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY name").pluck().all()
    const rows = Object.fromEntries(tables.map((table) => [table, db.prepare(`SELECT * FROM "${table}" ORDER BY rowid`).all()]))
    const secrets = existsSync(join(dataDir, 'secrets.json')) ? readFileSync(join(dataDir, 'secrets.json'), 'utf8') : null
    const files = readdirSync(dataDir, { recursive: true }).map(String).filter((name) => !/-(wal|shm)$/.test(name)).sort()
    return JSON.stringify({ rows, secrets, files })
  } finally {
    db.close()
  }
}

const nasty = fc.constantFrom('__proto__', 'constructor', 'prototype', '../../etc/passwd', '..\\..\\secrets.json', 'qunguard-2026-12-01.sqlite', '赌博', '\u0000', '\ud800', '/(a+)+$/', 'a'.repeat(5000), '', ' ')
const value = fc.oneof(
  fc.anything({ maxDepth: 2 }),
  fc.string({ maxLength: 40 }),
  nasty,
  fc.integer({ min: -5, max: 300_000 }),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  fc.array(fc.oneof(fc.string({ maxLength: 12 }), nasty), { maxLength: 6 }),
)

/** Random inputs for a method: anything at all, or objects made of the method's field names (and a stranger). */
function inputsFor(method: ApiMethod): fc.Arbitrary<unknown> {
  const schema = API_INPUTS[method] as { shape?: Record<string, unknown> }
  const keys = Object.keys(schema.shape ?? {})
  const shaped = fc.dictionary(fc.constantFrom(...keys, 'extra', '__proto__'), value, { maxKeys: keys.length + 1 })
  const any = fc.oneof(fc.anything({ maxDepth: 3 }), shaped, shaped)
  return REACHES_WECHAT.has(method) ? any.filter((input) => !API_INPUTS[method].safeParse(input ?? {}).success) : any
}

function withinTime<T>(work: Promise<T>, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined
  const hang = new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error(`${what} hung for ${HANG_MS} ms`)), HANG_MS)))
  return Promise.race([work, hang]).finally(() => clearTimeout(timer))
}

type Outcome = { ok: true } | { ok: false; code: string; message: string }

const DOORS: { name: string; call(method: string, input: unknown): Promise<Outcome> }[] = [
  {
    name: 'direct dispatch',
    async call(method, input) {
      try {
        await service.dispatch(method, input)
        return { ok: true }
      } catch (error) {
        const { code, message } = toApiError(error)
        return { ok: false, code, message }
      }
    },
  },
  {
    name: 'HTTP',
    async call(method, input) {
      const response = await postApi(door.door, door.token, method, input === undefined ? null : input)
      const body = (await response.json()) as WireResult<unknown>
      if (body.ok) return { ok: true }
      expect(response.status).toBe(HTTP_STATUS[body.error.code])
      return { ok: false, code: body.error.code, message: body.error.message }
    },
  },
]

describe.each(DOORS)('every API method through $name, with hostile input', (entrance) => {
  it.each(API_METHODS)('%s', async (method) => {
    await fc.assert(
      fc.asyncProperty(inputsFor(method), async (input) => {
        const before = state()
        const outcome = await withinTime(entrance.call(method, input), `${method}(${JSON.stringify(input)?.slice(0, 200)})`)
        if (outcome.ok) return
        expect(API_ERROR_CODES).toContain(outcome.code)
        expect(outcome.code, outcome.message).not.toBe('internal')
        expect(outcome.message.length).toBeGreaterThan(0)
        expect(state()).toBe(before)
      }),
      { numRuns: RUNS_PER_METHOD },
    )
  })
})

describe('the HTTP door, with hostile bodies and paths', () => {
  it('answers a clear refusal to any body and method name, never an internal error', async () => {
    // A path is a method name percent-encoded (surrogates that cannot be encoded made plain) or broken encodings.
    const path = fc.oneof(
      fc.oneof(fc.constantFrom(...API_METHODS), fc.string({ maxLength: 30 }), nasty).map((name) => encodeURIComponent(name.replace(/[\ud800-\udfff]/g, '?'))),
      fc.constantFrom('%', '%zz', '%E0%A4%A', 'listRules%00', '..%2F..%2Fsecrets.json'),
    )
    await fc.assert(
      fc.asyncProperty(path, fc.string({ maxLength: 200 }), async (method, body) => {
        const before = state()
        const response = await withinTime(
          fetch(`${door.door.url}api/${method}`, { method: 'POST', headers: { Authorization: `Bearer ${door.token}` }, body }),
          `POST ${method}`,
        )
        const answer = (await response.json()) as WireResult<unknown>
        if (answer.ok) return
        expect(answer.error.code).not.toBe('internal')
        expect(state()).toBe(before)
      }),
      { numRuns: 100 },
    )
  })
})

it('the fuzzed service still answers normally', async () => {
  // Valid fuzzed calls may have changed the rules (an empty list is a valid save): save them again and read them back.
  expect(await service.dispatch('saveRules', { rules: RULES })).toMatchObject({ ok: true })
  expect(await service.dispatch('listRules', {})).toEqual(RULES.map((rule) => expect.objectContaining({ name: rule.name })))
  await expect(service.dispatch('pardon', { eventId: 1 })).rejects.toBeInstanceOf(ApiError)
})
