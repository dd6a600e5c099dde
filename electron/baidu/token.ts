// Baidu's OAuth client-credentials token: fetched once, kept until shortly before it expires, shared by every
// caller (one request in flight at a time), and dropped when a service says it is no longer good.
import { BaiduError } from './failures.ts'
import { postJson } from './http.ts'

export interface BaiduCredentials {
  apiKey: string
  secretKey: string
}

interface CachedToken {
  value: string
  expiresAt: number
  /** The credentials it was issued for: new keys mean a new token. */
  keys: string
}

/** Refresh when this share of the token's life is left (Baidu's tokens live 30 days), and never later than a minute before. */
const REFRESH_SHARE = 0.1
const MIN_MARGIN_MS = 60_000

export interface TokenSourceOptions {
  fetch: typeof fetch
  clock: () => number
  timeoutMs: number
}

export class TokenSource {
  private cached: CachedToken | null = null
  private refreshAt = 0
  private inFlight: Promise<CachedToken> | null = null

  constructor(private readonly options: TokenSourceOptions) {}

  async get(baseUrl: string, credentials: BaiduCredentials): Promise<string> {
    const keys = keysOf(credentials)
    const now = this.options.clock()
    if (this.cached && this.cached.keys === keys && now < this.refreshAt) return this.cached.value
    this.inFlight ??= this.fetchToken(baseUrl, credentials).finally(() => {
      this.inFlight = null
    })
    return (await this.inFlight).value
  }

  /** Forgets the token, so the next get() asks for a new one. */
  invalidate(): void {
    this.cached = null
  }

  private async fetchToken(baseUrl: string, credentials: BaiduCredentials): Promise<CachedToken> {
    const asked = this.options.clock()
    const body = new URLSearchParams({
      grant_type: 'client_credentials',
      client_id: credentials.apiKey,
      client_secret: credentials.secretKey,
    }).toString()
    const url = `${baseUrl}/oauth/2.0/token`
    const answer = await postJson(this.options.fetch, { url, contentType: 'application/x-www-form-urlencoded', body }, this.options.timeoutMs)
    const { access_token: value, expires_in: expiresIn, error, error_description: description } = answer as Record<string, unknown>
    if (typeof value === 'string' && value !== '' && typeof expiresIn === 'number' && expiresIn > 0) {
      const lifeMs = expiresIn * 1000
      const token = { value, expiresAt: asked + lifeMs, keys: keysOf(credentials) }
      this.cached = token
      this.refreshAt = token.expiresAt - Math.max(MIN_MARGIN_MS, lifeMs * REFRESH_SHARE)
      return token
    }
    // invalid_client (unknown API key) and invalid_grant-like answers (wrong secret) are the keys' fault.
    if (typeof error === 'string' && /invalid_client|unauthorized_client|invalid_grant/.test(error)) {
      throw new BaiduError('bad-keys', null, `token refused: ${error}${typeof description === 'string' ? ` (${description})` : ''}`)
    }
    throw new BaiduError('unreachable', null, `unexpected token answer${typeof error === 'string' ? `: ${error}` : ''}`)
  }
}

function keysOf(credentials: BaiduCredentials): string {
  return `${credentials.apiKey}\n${credentials.secretKey}`
}
