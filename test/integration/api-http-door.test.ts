// What only the headless door has to get right: the token, the origin and Host checks, the wire's own errors,
// the window it serves, and the token file.
import { chmodSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs'
import { request } from 'node:http'
import { join, resolve } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { WebSocket } from 'ws'
import { CONTENT_SECURITY_POLICY } from '../../shared/api/csp.ts'
import { direct, EventLog, openDoor, openEvents, postApi, startEnv, type ApiEnv, type OpenDoor } from './api-harness.ts'

const UNAUTHORIZED = { ok: false, error: { code: 'unauthorized', message: 'missing or wrong token: open the URL the server printed' } }
const OTHER_TOKEN = 'f'.repeat(64)

let env: ApiEnv
let opened: OpenDoor

beforeEach(async () => {
  env = await startEnv(direct, new Set(), { logIn: false })
  opened = await openDoor(env.service, env.dataDir)
})

afterEach(async () => {
  await opened.close()
  await env.close()
})

interface RawResponse {
  status: number
  headers: Record<string, string | string[] | undefined>
  body: string
}

/** A request with any headers, Host and Origin included (fetch will not send those as given). */
function raw(path: string, options: { method?: string; headers?: Record<string, string>; body?: string } = {}): Promise<RawResponse> {
  return new Promise((done, fail) => {
    const req = request({ host: '127.0.0.1', port: opened.door.port, path, method: options.method ?? 'GET', headers: options.headers }, (res) => {
      const chunks: Buffer[] = []
      res.on('data', (chunk: Buffer) => chunks.push(chunk))
      res.on('end', () => done({ status: res.statusCode!, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }))
    })
    req.on('error', fail)
    req.end(options.body)
  })
}

/** 101 when the event stream opens, else the status the upgrade was refused with. */
function upgrade(query: string, headers: Record<string, string> = {}, path = '/api/events'): Promise<number> {
  const socket = new WebSocket(`ws://127.0.0.1:${opened.door.port}${path}${query}`, { headers })
  return new Promise((done, fail) => {
    socket.once('open', () => {
      socket.terminate()
      done(101)
    })
    socket.once('unexpected-response', (req, res) => {
      res.resume()
      req.destroy()
      done(res.statusCode!)
    })
    socket.once('error', fail)
  })
}

const authorized = () => ({ Authorization: `Bearer ${opened.token}`, 'Content-Type': 'application/json' })

describe('the token', () => {
  it('answers API calls only when they carry it', async () => {
    const { door, token } = opened
    const call = (headers: Record<string, string>, path = '/api/updateSettings') =>
      fetch(new URL(path, door.url), { method: 'POST', headers: { 'Content-Type': 'application/json', ...headers }, body: '{"dryRun":true}' })
    const wrong: Record<string, string>[] = [
      {},
      { Authorization: `Bearer ${OTHER_TOKEN}` },
      { Authorization: `Bearer ${token.slice(0, -1)}` },
      { Authorization: `Basic ${token}` },
    ]
    for (const headers of wrong) {
      const response = await call(headers)
      expect(response.status).toBe(401)
      expect(await response.json()).toEqual(UNAUTHORIZED)
    }
    expect((await call({}, `/api/updateSettings?token=${token}`)).status).toBe(401)
    expect((await env.api.getSettings({})).dryRun).toBe(false)

    const response = await call({ Authorization: `Bearer ${token}` })
    expect(response.status).toBe(200)
    expect(await response.json()).toMatchObject({ ok: true, result: { dryRun: true } })
  })

  it('opens the event stream only with it, for our own origin and host', async () => {
    const { token, door } = opened
    expect(await upgrade('')).toBe(401)
    expect(await upgrade(`?token=${OTHER_TOKEN}`)).toBe(401)
    expect(await upgrade(`?token=${token}`, {}, '/api/other')).toBe(401)
    expect(await upgrade(`?token=${token}`, { Origin: 'https://evil.example' })).toBe(403)
    expect(await upgrade(`?token=${token}`, { Host: `evil.example:${door.port}` })).toBe(403)
    expect(await upgrade(`?token=${token}`, { Origin: `http://127.0.0.1:${door.port}` })).toBe(101)

    const heard = new EventLog()
    const socket = await openEvents(door, token, (event) => heard.push(event))
    try {
      const answer = (await (await postApi(door, token, 'updateSettings', { language: 'en' })).json()) as { result: unknown }
      expect(await heard.waitFor((event) => event.type === 'settings')).toEqual({ type: 'settings', settings: answer.result })
    } finally {
      socket.terminate()
    }
  })
})

describe('origins and host names', () => {
  it('refuses other origins and host names before reading the request', async () => {
    const { port } = opened.door
    const body = JSON.stringify({ dryRun: true })
    const foreign: Record<string, string>[] = [
      { Origin: 'https://evil.example' },
      { Origin: 'null' },
      { Origin: `http://127.0.0.1:${port + 1}` },
      { Origin: `https://127.0.0.1:${port}` },
      { Host: `evil.example:${port}` },
      { Host: `127.0.0.1:${port + 1}` },
    ]
    for (const headers of foreign) {
      const response = await raw('/api/updateSettings', { method: 'POST', headers: { ...authorized(), ...headers }, body })
      expect({ headers, status: response.status }).toEqual({ headers, status: 403 })
      expect(response.body).toBe('forbidden origin')
    }
    expect((await raw('/', { headers: { Host: `rebound.example:${port}` } })).status).toBe(403)
    expect((await env.api.getSettings({})).dryRun).toBe(false)

    const local = await raw('/api/getSettings', { method: 'POST', headers: { ...authorized(), Host: `localhost:${port}`, Origin: `http://localhost:${port}` } })
    expect(local.status).toBe(200)
    const own = await raw('/api/getSettings', { method: 'POST', headers: { ...authorized(), Origin: `http://127.0.0.1:${port}` } })
    expect(own.status).toBe(200)
  })
})

describe('the wire', () => {
  it('says plainly what is wrong with a request', async () => {
    const post = (path: string, body: string) => raw(path, { method: 'POST', headers: authorized(), body })
    const notJson = await post('/api/listGroups', '{"search": ')
    expect(notJson.status).toBe(400)
    expect(JSON.parse(notJson.body)).toEqual({ ok: false, error: { code: 'bad_input', message: 'the request body is not valid JSON' } })

    const badInput = JSON.parse((await post('/api/listGroups', '{"search": 5}')).body)
    expect(badInput).toMatchObject({ ok: false, error: { code: 'bad_input', message: expect.stringContaining('search'), details: [{ path: ['search'] }] } })
    expect((await post('/api/dropDatabase', '{}')).status).toBe(404)
    const garbled = await post('/api/%E0%A4%A', '{}')
    expect(garbled.status).toBe(404)
    expect(JSON.parse(garbled.body)).toMatchObject({ ok: false, error: { code: 'not_found' } })
    expect(JSON.parse((await post('/api/listGroups', '')).body)).toEqual({ ok: true, result: [] })

    const oversized = await post('/api/listGroups', `{"search": "${'x'.repeat(9 * 1024 * 1024)}"}`)
    expect(oversized.status).toBe(413)
    expect(JSON.parse(oversized.body)).toEqual({ ok: false, error: { code: 'bad_input', message: 'the request body is over 8388608 bytes' } })

    const get = await raw('/api/listGroups', { headers: authorized() })
    expect(get.status).toBe(405)
    expect(JSON.parse(get.body)).toEqual({ ok: false, error: { code: 'bad_input', message: 'use POST' } })
    expect(get.headers['cache-control']).toBe('no-store')
  })
})

describe('the window', () => {
  function expectWindowHeaders(response: RawResponse): void {
    expect(response.headers['content-security-policy']).toBe(CONTENT_SECURITY_POLICY)
    expect(response.headers['x-content-type-options']).toBe('nosniff')
  }

  it('serves a placeholder page, with the Content-Security-Policy, when the window has not been built', async () => {
    const page = await raw('/')
    expect(page.status).toBe(200)
    expect(page.headers['content-type']).toBe('text/html; charset=utf-8')
    expectWindowHeaders(page)
    expect(page.body).toContain('npm run build:renderer')
  })

  it('serves the built window, with the Content-Security-Policy, and nothing outside its folder', async () => {
    const www = join(env.dataDir, 'www')
    mkdirSync(join(www, 'assets'), { recursive: true })
    writeFileSync(join(www, 'index.html'), '<!doctype html><p>群卫窗口</p>')
    writeFileSync(join(www, 'assets', 'app.js'), 'console.log(1)')

    for (const path of ['/', '/feed/today', '/..%2fserver-token', '/%2e%2e/%2e%2e/server-token', '/assets/../../server-token']) {
      const page = await raw(path)
      expect({ path, status: page.status, body: page.body }).toEqual({ path, status: 200, body: '<!doctype html><p>群卫窗口</p>' })
      expectWindowHeaders(page)
    }
    const script = await raw('/assets/app.js')
    expect(script.headers['content-type']).toBe('text/javascript; charset=utf-8')
    expectWindowHeaders(script)
    expect((await raw('/', { method: 'POST' })).status).toBe(405)
  })

  it('serves renderer/dist, or the placeholder where it has not been built', async () => {
    const dist = resolve(import.meta.dirname, '../../renderer/dist')
    const door = await openDoor(env.service, env.dataDir, dist)
    try {
      const response = await fetch(door.door.url)
      expect(response.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY)
      const body = await response.text()
      let built: string | null = null
      try {
        built = readFileSync(join(dist, 'index.html'), 'utf8')
      } catch {
        // not built: the placeholder
      }
      expect(body).toBe(built ?? expect.stringContaining('npm run build:renderer'))
    } finally {
      await door.close()
    }
  })
})

describe('the token file', () => {
  const tokenFile = () => join(env.dataDir, 'server-token')
  const mode = (path: string) => statSync(path).mode & 0o777

  it('is readable by this user only, and the same token opens the door after a restart', async () => {
    expect(readFileSync(tokenFile(), 'utf8')).toBe(opened.token)
    expect(opened.token).toMatch(/^[0-9a-f]{64}$/)
    expect(mode(tokenFile())).toBe(0o600)

    const { token } = opened
    await opened.close()
    await env.close({ keepData: true })
    chmodSync(tokenFile(), 0o644)
    env = await startEnv(direct, new Set(), { logIn: false, dataDir: env.dataDir })
    opened = await openDoor(env.service, env.dataDir)
    expect(opened.token).toBe(token)
    expect(mode(tokenFile())).toBe(0o600)
    expect((await postApi(opened.door, token, 'getLoginState', {})).status).toBe(200)
  })

  it('is replaced when it does not hold a token', async () => {
    await opened.close()
    writeFileSync(tokenFile(), 'not a token\n', { mode: 0o644 })
    opened = await openDoor(env.service, env.dataDir)
    expect(opened.token).toMatch(/^[0-9a-f]{64}$/)
    expect(readFileSync(tokenFile(), 'utf8')).toBe(opened.token)
    expect(mode(tokenFile())).toBe(0o600)
  })
})
