// A local stand-in for Baidu's AI platform on 127.0.0.1: the OAuth token endpoint as Baidu answers it, plus
// whatever service routes a test mounts (speech, OCR). It checks what the real service would check and can be
// told to be slow, to drop connections, or to answer with a scripted error.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'

export interface FakeRequest {
  path: string
  query: URLSearchParams
  contentType: string
  body: string
}

/** JSON as Baidu answers, raw text as a broken proxy would, or a dropped connection. */
export type FakeAnswer = { status?: number; json: unknown } | { status: number; raw: string } | 'drop'
export type RouteHandler = (request: FakeRequest, fake: FakeBaidu) => FakeAnswer | Promise<FakeAnswer>

export interface FakeBaiduOptions {
  apiKey?: string
  secretKey?: string
  /** Lifetime of issued tokens in seconds (Baidu: 30 days). */
  tokenLifeSeconds?: number
}

export class FakeBaidu {
  readonly apiKey: string
  readonly secretKey: string
  tokenLifeSeconds: number
  /** Every request, in order, as "POST /path". */
  readonly log: string[] = []
  readonly issuedTokens: string[] = []
  /** Tokens the fake treats as revoked (a service answers them with its auth error). */
  readonly revoked = new Set<string>()
  /** Delay before answering, for every request. */
  delayMs = 0
  /** The next this-many requests have their connection dropped without an answer. */
  dropNext = 0
  /** The next requests get these answers instead of the real handling (first in, first out). */
  readonly scripted: FakeAnswer[] = []
  private readonly routes = new Map<string, RouteHandler>()
  private server: Server | null = null
  private baseUrl = ''

  constructor(options: FakeBaiduOptions = {}) {
    this.apiKey = options.apiKey ?? 'fake-api-key-0001'
    this.secretKey = options.secretKey ?? 'fake-secret-key-0001'
    this.tokenLifeSeconds = options.tokenLifeSeconds ?? 2_592_000
  }

  get url(): string {
    return this.baseUrl
  }

  route(path: string, handler: RouteHandler): this {
    this.routes.set(path, handler)
    return this
  }

  /** Whether a token was issued by this fake and not revoked. */
  validToken(token: unknown): boolean {
    return typeof token === 'string' && this.issuedTokens.includes(token) && !this.revoked.has(token)
  }

  count(pathPrefix: string): number {
    return this.log.filter((line) => line.startsWith(`POST ${pathPrefix}`)).length
  }

  async start(): Promise<this> {
    this.server = createServer((request, response) => void this.handle(request, response))
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve))
    this.baseUrl = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`
    return this
  }

  async stop(): Promise<void> {
    if (!this.server) return
    this.server.closeAllConnections()
    await new Promise<void>((resolve) => this.server!.close(() => resolve()))
    this.server = null
  }

  private async handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const chunks: Buffer[] = []
    for await (const chunk of request) chunks.push(chunk as Buffer)
    const url = new URL(request.url ?? '/', 'http://fake')
    this.log.push(`${request.method} ${url.pathname}`)
    const fakeRequest: FakeRequest = {
      path: url.pathname,
      query: url.searchParams,
      contentType: request.headers['content-type'] ?? '',
      body: Buffer.concat(chunks).toString('utf8'),
    }
    if (this.delayMs > 0) await new Promise((resolve) => setTimeout(resolve, this.delayMs))
    let answer: FakeAnswer
    if (this.dropNext > 0) {
      this.dropNext--
      answer = 'drop'
    } else {
      answer = this.scripted.shift() ?? (await this.answer(request.method ?? '', fakeRequest))
    }
    if (answer === 'drop') {
      request.socket.destroy()
      return
    }
    if (response.destroyed) return
    if ('raw' in answer) {
      response.writeHead(answer.status, { 'content-type': 'text/html' })
      response.end(answer.raw)
      return
    }
    response.writeHead(answer.status ?? 200, { 'content-type': 'application/json' })
    response.end(JSON.stringify(answer.json))
  }

  private async answer(method: string, request: FakeRequest): Promise<FakeAnswer> {
    if (method !== 'POST') return { status: 405, json: { error: 'method not allowed' } }
    if (request.path === '/oauth/2.0/token') return this.token(request)
    const handler = this.routes.get(request.path)
    return handler ? handler(request, this) : { status: 404, json: { error: 'not found' } }
  }

  // As Baidu: the parameters may come in the query or a form body; an unknown client id is invalid_client,
  // a wrong secret is "Client authentication failed" (also invalid_client).
  private token(request: FakeRequest): FakeAnswer {
    const form = new URLSearchParams(request.query)
    if (request.contentType.startsWith('application/x-www-form-urlencoded')) {
      for (const [key, value] of new URLSearchParams(request.body)) form.set(key, value)
    }
    if (form.get('grant_type') !== 'client_credentials') {
      return { status: 400, json: { error: 'unsupported_grant_type', error_description: 'unsupported grant type' } }
    }
    if (form.get('client_id') !== this.apiKey) {
      return { status: 401, json: { error: 'invalid_client', error_description: 'unknown client id' } }
    }
    if (form.get('client_secret') !== this.secretKey) {
      return { status: 401, json: { error: 'invalid_client', error_description: 'Client authentication failed' } }
    }
    const token = `24.fake${this.issuedTokens.length + 1}.${this.tokenLifeSeconds}`
    this.issuedTokens.push(token)
    return { json: { access_token: token, expires_in: this.tokenLifeSeconds, scope: 'audio_voice_assistant_get brain_enhanced_asr' } }
  }
}
