// The headless door against someone guessing: wrong tokens are rate-limited per address (requests and the event
// stream alike), the comparison takes any input, and the door listens on loopback only unless the rep opts in.
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { FAILURES_ALLOWED, WINDOW_MS } from '../../electron/server/failed-tokens.ts'
import { openHttpDoor, type HttpDoor } from '../../electron/server/http-door.ts'
import { tokenMatches } from '../../electron/server/token.ts'
import { upgradeStatus } from './api-harness.ts'

const TOKEN = 'a1'.repeat(32)
let time = 0
const doors: HttpDoor[] = []
const folders: string[] = []

async function door(options: { host?: string; allowRemote?: boolean } = {}): Promise<HttpDoor> {
  const staticDir = mkdtempSync(join(tmpdir(), 'qunguard-door-'))
  folders.push(staticDir)
  const opened = await openHttpDoor({
    dispatch: async (method) => ({ method }),
    subscribe: () => () => {},
    token: TOKEN,
    port: 0,
    staticDir,
    clock: () => time,
    ...options,
  })
  doors.push(opened)
  return opened
}

afterEach(async () => {
  await Promise.all(doors.splice(0).map((opened) => opened.close()))
  folders.splice(0).forEach((folder) => rmSync(folder, { recursive: true, force: true }))
})

const call = (opened: HttpDoor, token: string, host = '127.0.0.1') =>
  fetch(`http://${host}:${opened.port}/api/listRules`, { method: 'POST', headers: { Authorization: `Bearer ${token}` }, body: '{}' })

const upgrade = (opened: HttpDoor, token: string) => upgradeStatus(opened.port, `/api/events?token=${token}`)

describe('wrong tokens', () => {
  it(`are refused with 401, then after ${FAILURES_ALLOWED} from one address everything from it is 429 for a minute`, async () => {
    const opened = await door()
    expect((await call(opened, TOKEN)).status).toBe(200)
    for (let n = 1; n < FAILURES_ALLOWED; n++) expect((await call(opened, `guess-${n}`)).status).toBe(401)
    // A right token in between neither counts nor clears the count.
    expect((await call(opened, TOKEN)).status).toBe(200)
    expect(await upgrade(opened, 'guess-last')).toBe(401)

    const blocked = await call(opened, TOKEN)
    expect(blocked.status).toBe(429)
    expect(await blocked.json()).toEqual({ ok: false, error: { code: 'rate_limited', message: 'too many wrong tokens from this address: wait a minute' } })
    expect(await upgrade(opened, TOKEN)).toBe(429)

    time += WINDOW_MS
    expect((await call(opened, TOKEN)).status).toBe(200)
    expect(await upgrade(opened, TOKEN)).toBe(101)
    expect((await call(opened, 'guess-again')).status).toBe(401)
  })

  it('are compared whatever their length or content', () => {
    for (const given of ['', TOKEN.slice(1), `${TOKEN}0`, TOKEN.toUpperCase(), '\u0000'.repeat(64), '口令'.repeat(32), null, undefined]) {
      expect(tokenMatches(TOKEN, given)).toBe(false)
    }
    expect(tokenMatches(TOKEN, TOKEN)).toBe(true)
  })
})

describe('the address the door listens on', () => {
  it('is loopback unless the rep opts in', async () => {
    await expect(door({ host: '0.0.0.0' })).rejects.toThrow('listening on 0.0.0.0 lets other computers reach QunGuard: opt in with --allow-remote, or use 127.0.0.1')
    await expect(door({ host: '127.0.0.2' })).rejects.toThrow(/opt in with --allow-remote/)
    const local = await door()
    await expect(call(local, TOKEN, '127.0.0.2')).rejects.toThrow()
  })

  it('with the opt-in, answers on that address, still only with the token', async () => {
    const remote = await door({ host: '127.0.0.2', allowRemote: true })
    expect(remote.url).toBe(`http://127.0.0.2:${remote.port}/`)
    expect((await call(remote, TOKEN, '127.0.0.2')).status).toBe(200)
    expect((await call(remote, 'guess', '127.0.0.2')).status).toBe(401)
  })
})
