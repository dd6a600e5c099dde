// The one way QunGuard speaks to Baidu's AI services (speech recognition, OCR): a cached token, a deadline per
// call, retries with back-off for transient failures, one token refresh when the service refuses the token, a
// circuit breaker, and coded failures. Each service supplies only how to build its request and read its answer.
import { CircuitBreaker, type BreakerState } from './circuit-breaker.ts'
import { BaiduError, type ServiceFailureKind } from './failures.ts'
import { postJson, type PostRequest } from './http.ts'
import { TokenSource, type BaiduCredentials } from './token.ts'

export const BAIDU_BASE_URL = 'https://aip.baidubce.com'

/** What a service makes of one answer. */
export type ServiceAnswer<T> = { ok: true; value: T } | { ok: false; kind: ServiceFailureKind; errNo: number | null; message: string }

export interface BaiduCall<T> {
  /** Builds the request for a token; `baseUrl` has no trailing slash. */
  request(token: string, baseUrl: string): PostRequest
  interpret(answer: unknown): ServiceAnswer<T>
}

export interface BaiduClientOptions {
  /** Read on every call, so a changed setting takes effect at once. */
  baseUrl: () => string
  /** Read on every call; null when the rep has not saved both keys. */
  credentials: () => BaiduCredentials | null
  fetch?: typeof fetch
  clock?: () => number
  sleep?: (ms: number) => Promise<void>
  /** Deadline for each HTTP request. */
  timeoutMs?: number
  /** Extra attempts after a transient failure. */
  retries?: number
  /** First back-off; it doubles with each retry. */
  backoffMs?: number
  breakerThreshold?: number
  breakerOpenMs?: number
}

export interface BaiduClient {
  call<T>(call: BaiduCall<T>): Promise<T>
  /** Fetches a token with the current keys: the "test the keys" button. */
  checkKeys(): Promise<void>
  breakerState(): BreakerState
  /** When an open breaker lets the next trial through, or null. */
  breakerReopensAt(): number | null
}

export function createBaiduClient(options: BaiduClientOptions): BaiduClient {
  const fetchImpl = options.fetch ?? globalThis.fetch
  const clock = options.clock ?? Date.now
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)))
  const timeoutMs = options.timeoutMs ?? 15_000
  const retries = options.retries ?? 2
  const backoffMs = options.backoffMs ?? 500
  const breaker = new CircuitBreaker({ threshold: options.breakerThreshold ?? 5, openMs: options.breakerOpenMs ?? 60_000, clock })
  const tokens = new TokenSource({ fetch: fetchImpl, clock, timeoutMs })
  // Keys Baidu refused: not tried again until the rep saves different ones (repeated bad logins can get keys locked).
  let refusedKeys: string | null = null

  function currentKeys(): { credentials: BaiduCredentials; fingerprint: string } {
    const credentials = options.credentials()
    if (!credentials || !credentials.apiKey || !credentials.secretKey) throw new BaiduError('no-keys', null, 'no speech keys saved')
    const fingerprint = `${credentials.apiKey}\n${credentials.secretKey}`
    if (fingerprint === refusedKeys) throw new BaiduError('bad-keys', null, 'these keys were refused before')
    return { credentials, fingerprint }
  }

  /** One attempt, if the breaker lets it out; only the service's own faults count against it. */
  async function throughBreaker<T>(run: () => Promise<T>): Promise<T> {
    if (!breaker.allow()) throw new BaiduError('circuit-open', null, `paused after repeated failures until ${breaker.reopensAt()}`)
    try {
      const value = await run()
      breaker.succeeded()
      return value
    } catch (error) {
      if (error instanceof BaiduError && error.serviceFault) breaker.failed()
      else breaker.released()
      throw error
    }
  }

  /** The token, then the service, refreshing the token once if the service refuses it. */
  async function tokenThenCall<T>(call: BaiduCall<T>, credentials: BaiduCredentials, baseUrl: string): Promise<T> {
    for (let refreshed = false; ; refreshed = true) {
      const token = await tokens.get(baseUrl, credentials)
      const answer = call.interpret(await postJson(fetchImpl, call.request(token, baseUrl), timeoutMs))
      if (answer.ok) return answer.value
      if (answer.kind === 'auth' && !refreshed) {
        tokens.invalidate()
        continue
      }
      throw new BaiduError(answer.kind === 'auth' ? 'bad-keys' : answer.kind, answer.errNo, answer.message)
    }
  }

  async function withRetries<T>(run: (credentials: BaiduCredentials, baseUrl: string) => Promise<T>): Promise<T> {
    const { credentials, fingerprint } = currentKeys()
    const baseUrl = options.baseUrl().replace(/\/+$/, '')
    for (let retry = 0; ; retry++) {
      try {
        return await run(credentials, baseUrl)
      } catch (error) {
        if (!(error instanceof BaiduError)) throw error
        if (error.code === 'bad-keys') {
          refusedKeys = fingerprint
          tokens.invalidate()
        }
        // An open breaker is not retried here: the caller's own schedule (e.g. a job queue) comes back later.
        if (!error.serviceFault || retry >= retries) throw error
        await sleep(backoffMs * 2 ** retry)
      }
    }
  }

  return {
    call: (call) => withRetries((credentials, baseUrl) => throughBreaker(() => tokenThenCall(call, credentials, baseUrl))),
    async checkKeys() {
      // The rep pressed "test": a fresh token proves the keys, even ones refused before.
      refusedKeys = null
      tokens.invalidate()
      await withRetries((credentials, baseUrl) => throughBreaker(() => tokens.get(baseUrl, credentials)))
    },
    breakerState: () => breaker.state(),
    breakerReopensAt: () => breaker.reopensAt(),
  }
}
