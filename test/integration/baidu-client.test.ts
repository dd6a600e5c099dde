// The shared Baidu client against a local fake of Baidu's token endpoint and a service route.
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createBaiduClient, type BaiduCall, type BaiduClientOptions, BaiduError } from '../../electron/baidu/index.ts'
import { FakeBaidu } from '../fakes/fake-baidu.ts'

// A service in Baidu's style: the token in the JSON body, err_no 0 for success, 100 for a refused token.
const ECHO: BaiduCall<string> = {
  request: (token, baseUrl) => ({ url: `${baseUrl}/echo`, contentType: 'application/json', body: JSON.stringify({ token, say: 'hi' }) }),
  interpret(answer) {
    const { err_no: errNo, result } = answer as { err_no: number; result?: string }
    if (errNo === 0) return { ok: true, value: String(result) }
    const kind = errNo === 100 ? 'auth' : errNo === 200 ? 'busy' : errNo === 300 ? 'unusable-input' : 'bad-request'
    return { ok: false, kind, errNo, message: `err ${errNo}` }
  },
}

let fake: FakeBaidu
let now: number
let sleeps: number[]
let keys: { apiKey: string; secretKey: string } | null

function client(overrides: Partial<BaiduClientOptions> = {}) {
  return createBaiduClient({
    baseUrl: () => `${fake.url}/`,
    credentials: () => keys,
    clock: () => now,
    sleep: async (ms) => {
      sleeps.push(ms)
    },
    timeoutMs: 2_000,
    retries: 2,
    backoffMs: 100,
    breakerThreshold: 3,
    breakerOpenMs: 30_000,
    ...overrides,
  })
}

async function failure(promise: Promise<unknown>): Promise<BaiduError> {
  const error = await promise.then(
    () => null,
    (caught: unknown) => caught,
  )
  expect(error).toBeInstanceOf(BaiduError)
  return error as BaiduError
}

beforeEach(async () => {
  now = Date.UTC(2026, 0, 1)
  sleeps = []
  fake = await new FakeBaidu().start()
  keys = { apiKey: fake.apiKey, secretKey: fake.secretKey }
  fake.route('/echo', (request, self) => {
    const body = JSON.parse(request.body) as { token: string; say: string }
    return { json: self.validToken(body.token) ? { err_no: 0, result: body.say } : { err_no: 100, err_msg: 'token invalid' } }
  })
})

afterEach(async () => {
  await fake.stop()
})

describe('the token', () => {
  it('is fetched once with the client credentials and reused', async () => {
    const baidu = client()
    expect(await baidu.call(ECHO)).toBe('hi')
    expect(await baidu.call(ECHO)).toBe('hi')
    expect(fake.count('/oauth/2.0/token')).toBe(1)
    expect(fake.count('/echo')).toBe(2)
  })

  it('is refreshed before it expires, not after', async () => {
    fake.tokenLifeSeconds = 1000
    const baidu = client()
    await baidu.call(ECHO)
    now += 850_000 // 85% of its life: still good
    await baidu.call(ECHO)
    expect(fake.count('/oauth/2.0/token')).toBe(1)
    now += 60_000 // 91%: inside the refresh margin
    await baidu.call(ECHO)
    expect(fake.count('/oauth/2.0/token')).toBe(2)
  })

  it('is refreshed once when the service refuses it, and the call succeeds', async () => {
    const baidu = client()
    await baidu.call(ECHO)
    fake.revoked.add(fake.issuedTokens[0]!)
    expect(await baidu.call(ECHO)).toBe('hi')
    expect(fake.count('/oauth/2.0/token')).toBe(2)
  })

  it('gives bad-keys when even a fresh token is refused, and stops calling until the keys change', async () => {
    const baidu = client()
    fake.route('/echo', () => ({ json: { err_no: 100, err_msg: 'authentication failed' } }))
    expect((await failure(baidu.call(ECHO))).code).toBe('bad-keys')
    expect(fake.count('/oauth/2.0/token')).toBe(2)
    const requests = fake.log.length
    expect((await failure(baidu.call(ECHO))).code).toBe('bad-keys')
    expect(fake.log.length).toBe(requests)
    keys = { apiKey: fake.apiKey, secretKey: `${fake.secretKey}-new` }
    expect((await failure(baidu.call(ECHO))).code).toBe('bad-keys')
    expect(fake.log.length).toBe(requests + 1) // the new keys were tried (and the fake refused their secret)
  })

  it('gives bad-keys for an unknown key or a wrong secret, and no-keys without asking when none are saved', async () => {
    keys = { apiKey: 'nobody', secretKey: fake.secretKey }
    expect((await failure(client().call(ECHO))).code).toBe('bad-keys')
    keys = { apiKey: fake.apiKey, secretKey: 'wrong' }
    const error = await failure(client().call(ECHO))
    expect(error.code).toBe('bad-keys')
    expect(error.message).not.toContain('wrong')
    keys = null
    const before = fake.log.length
    expect((await failure(client().call(ECHO))).code).toBe('no-keys')
    keys = { apiKey: '', secretKey: 'x' }
    expect((await failure(client().call(ECHO))).code).toBe('no-keys')
    expect(fake.log.length).toBe(before)
  })

  it('checkKeys proves the keys with a fresh token, even after they were refused', async () => {
    const baidu = client()
    await baidu.checkKeys()
    keys = { apiKey: fake.apiKey, secretKey: 'wrong' }
    expect((await failure(baidu.checkKeys())).code).toBe('bad-keys')
    keys = { apiKey: fake.apiKey, secretKey: fake.secretKey }
    await baidu.checkKeys()
    expect(fake.count('/oauth/2.0/token')).toBe(3)
  })

  it('shares one token request between concurrent calls', async () => {
    const baidu = client()
    const results = await Promise.all([baidu.call(ECHO), baidu.call(ECHO), baidu.call(ECHO)])
    expect(results).toEqual(['hi', 'hi', 'hi'])
    expect(fake.count('/oauth/2.0/token')).toBe(1)
  })
})

describe('transient failures', () => {
  it('retries a dropped connection with doubling back-off', async () => {
    const baidu = client()
    await baidu.call(ECHO)
    fake.dropNext = 2
    expect(await baidu.call(ECHO)).toBe('hi')
    expect(sleeps).toEqual([100, 200])
  })

  it('retries busy answers, then gives busy with Baidu\'s number', async () => {
    const baidu = client()
    await baidu.call(ECHO)
    fake.scripted.push({ json: { err_no: 200 } }, { json: { err_no: 200 } }, { json: { err_no: 200 } })
    const error = await failure(baidu.call(ECHO))
    expect(error.code).toBe('busy')
    expect(error.errNo).toBe(200)
    expect(error.transient).toBe(true)
    expect(fake.count('/echo')).toBe(4)
  })

  it('times out a slow answer as unreachable', async () => {
    const baidu = client({ timeoutMs: 150, retries: 0 })
    fake.delayMs = 1_000
    const error = await failure(baidu.call(ECHO))
    expect(error.code).toBe('unreachable')
    expect(error.detail).toContain('150 ms')
  })

  it('calls a refused connection or a non-JSON answer unreachable', async () => {
    fake.route('/echo', () => ({ status: 502, raw: '<html>Bad Gateway</html>' }))
    const baidu = client({ retries: 0 })
    const error = await failure(baidu.call(ECHO))
    expect(error.code).toBe('unreachable')
    expect(error.detail).toContain('HTTP 502')
    await fake.stop()
    expect((await failure(baidu.call(ECHO))).code).toBe('unreachable')
  })

  it('does not retry unusable input or a bad request, and they do not trip the breaker', async () => {
    const baidu = client()
    fake.route('/echo', () => ({ json: { err_no: 300 } }))
    for (let i = 0; i < 5; i++) expect((await failure(baidu.call(ECHO))).code).toBe('unusable-input')
    fake.route('/echo', () => ({ json: { err_no: 999 } }))
    expect((await failure(baidu.call(ECHO))).code).toBe('bad-request')
    expect(fake.count('/echo')).toBe(6)
    expect(baidu.breakerState()).toBe('closed')
  })
})

describe('the circuit breaker', () => {
  it('opens after repeated failures, stops calling, and closes by itself once a trial succeeds', async () => {
    const baidu = client({ retries: 0 })
    await baidu.call(ECHO)
    fake.dropNext = 3
    for (let i = 0; i < 3; i++) expect((await failure(baidu.call(ECHO))).code).toBe('unreachable')
    expect(baidu.breakerState()).toBe('open')
    const before = fake.log.length
    expect((await failure(baidu.call(ECHO))).code).toBe('circuit-open')
    expect(fake.log.length).toBe(before)
    now += 30_000
    expect(baidu.breakerState()).toBe('half-open')
    expect(await baidu.call(ECHO)).toBe('hi')
    expect(baidu.breakerState()).toBe('closed')
  })

  it('opens again at once when the trial fails', async () => {
    const baidu = client({ retries: 0 })
    await baidu.call(ECHO)
    fake.dropNext = 4
    for (let i = 0; i < 3; i++) await failure(baidu.call(ECHO))
    now += 30_000
    expect((await failure(baidu.call(ECHO))).code).toBe('unreachable')
    expect(baidu.breakerState()).toBe('open')
    expect(baidu.breakerReopensAt()).toBe(now + 30_000)
  })

  it('lets a single trial through in half-open state', async () => {
    const baidu = client({ retries: 0 })
    await baidu.call(ECHO)
    fake.dropNext = 3
    for (let i = 0; i < 3; i++) await failure(baidu.call(ECHO))
    now += 30_000
    const outcomes = await Promise.allSettled([baidu.call(ECHO), baidu.call(ECHO)])
    expect(outcomes[0]).toEqual({ status: 'fulfilled', value: 'hi' })
    expect(outcomes[1]!.status === 'rejected' && (outcomes[1].reason as BaiduError).code).toBe('circuit-open')
  })
})
