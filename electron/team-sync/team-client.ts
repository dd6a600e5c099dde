// The rep's connection to the team server: plain HTTP requests for pages and the outbox, a WebSocket that only
// pushes pages and wake-up calls. Errors come back as ApiError: 'unauthorized' for a bad token, 'unavailable' when
// the server cannot be reached, 'bad_input' when it refused what was sent.
import WebSocket from 'ws'
import { ApiError, API_ERROR_CODES, type ApiErrorCode } from '../../shared/api/errors.ts'
import type { WireResult } from '../../shared/api/http.ts'
import { CHANGE_PAGE_SCHEMA, TEAM_PUSH_SCHEMA, type ChangePage, type RepChange, type RepFigures, type TeamPush } from '../../shared/team/changes.ts'
import { TEAM_PATHS } from '../../shared/team/wire.ts'

const REQUEST_TIMEOUT_MS = 30_000
const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]'])

/** Checks a server address a rep pasted: https, or http only to this machine (a token must not cross a network
 * in clear). Returns the normalised origin. */
export function parseServerUrl(raw: string): string {
  let url: URL
  try {
    url = new URL(raw.trim())
  } catch {
    throw new ApiError('bad_input', `"${raw.slice(0, 100)}" is not a web address`, { reason: 'team_url_invalid' })
  }
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && LOOPBACK.has(url.hostname))) {
    throw new ApiError('bad_input', `the team server must be an https:// address, not ${url.protocol}//${url.host}`, { reason: 'team_url_insecure' })
  }
  return url.origin
}

export interface TeamIdentity {
  team: string
  name: string
  role: 'lead' | 'rep'
}

export class TeamClient {
  constructor(
    readonly serverUrl: string,
    private readonly token: string,
  ) {}

  private async request<T>(method: 'GET' | 'POST', path: string, body?: unknown): Promise<T> {
    let response: Response
    try {
      response = await fetch(this.serverUrl + path, {
        method,
        headers: { Authorization: `Bearer ${this.token}`, 'Content-Type': 'application/json' },
        body: body === undefined ? undefined : JSON.stringify(body),
        signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
      })
    } catch (error) {
      // fetch says only "fetch failed"; the cause says what failed (refused, reset, timed out).
      const cause = (error as Error).cause instanceof Error ? `: ${((error as Error).cause as Error).message}` : ''
      throw new ApiError('unavailable', `the team server ${this.serverUrl} cannot be reached: ${(error as Error).message}${cause}`)
    }
    let wire: WireResult<T>
    try {
      wire = (await response.json()) as WireResult<T>
    } catch {
      throw new ApiError('unavailable', `the team server answered ${response.status} without a QunGuard reply`)
    }
    if (wire.ok) return wire.result
    const code: ApiErrorCode = API_ERROR_CODES.includes(wire.error.code) ? wire.error.code : 'internal'
    throw new ApiError(code, `team server: ${wire.error.message}`)
  }

  me(): Promise<TeamIdentity> {
    return this.request('GET', TEAM_PATHS.me)
  }

  async pull(after: string, limit: number): Promise<ChangePage> {
    const page = CHANGE_PAGE_SCHEMA.safeParse(await this.request('GET', `${TEAM_PATHS.changes}?after=${encodeURIComponent(after)}&limit=${limit}`))
    if (!page.success) throw new ApiError('unavailable', `the team server sent a page this app cannot read: ${page.error.issues[0]?.message ?? ''}`)
    return page.data as ChangePage
  }

  push(changes: readonly RepChange[]): Promise<{ accepted: number }> {
    return this.request('POST', TEAM_PATHS.changes, { changes })
  }

  reportFigures(figures: RepFigures): Promise<void> {
    return this.request('POST', TEAM_PATHS.figures, figures)
  }

  /** Opens the push socket; `onClose` is called once, whatever ended it. */
  connect(onPush: (push: TeamPush) => void, onClose: (reason: string) => void): { close(): void } {
    const url = this.serverUrl.replace(/^http/, 'ws') + TEAM_PATHS.socket
    const socket = new WebSocket(url, { headers: { Authorization: `Bearer ${this.token}` }, handshakeTimeout: REQUEST_TIMEOUT_MS })
    let closed = false
    const end = (reason: string) => {
      if (closed) return
      closed = true
      socket.removeAllListeners()
      socket.on('error', () => {})
      socket.terminate()
      onClose(reason)
    }
    socket.on('message', (data) => {
      let push: TeamPush
      try {
        const parsed = TEAM_PUSH_SCHEMA.safeParse(JSON.parse(data.toString()))
        if (!parsed.success) return end('the team server sent a frame this app cannot read')
        push = parsed.data as TeamPush
      } catch {
        return end('the team server sent a frame that is not JSON')
      }
      onPush(push)
    })
    socket.on('unexpected-response', (_req, res) => end(`the team server refused the socket (${res.statusCode})`))
    socket.on('error', (error) => end(error.message))
    socket.on('close', () => end('closed'))
    return { close: () => end('closed by the rep') }
  }
}
