// The headless door: the API over HTTP and WebSocket on 127.0.0.1 (another address only when the rep opts in).
// Every request and socket must carry the token, compared in constant time, and an address that keeps guessing it
// is refused for a while; requests from other origins (a web page the rep happens to visit) and other Host names
// (DNS rebinding) are refused before anything is read.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { WebSocketServer, type WebSocket } from 'ws'
import { ApiError, type ApiEvent } from '../../shared/api/contract.ts'
import { API_PREFIX, EVENTS_PATH } from '../../shared/api/http.ts'
import type { Dispatch } from './dispatch.ts'
import { readJsonBody, sendFailure, sendJson } from './json-body.ts'
import { serveStatic } from './static-files.ts'
import { createFailedTokens } from './failed-tokens.ts'
import { tokenMatches } from './token.ts'

const MAX_BODY_BYTES = 8 * 1024 * 1024

export interface HttpDoorOptions {
  dispatch: Dispatch
  subscribe: (listener: (event: ApiEvent) => void) => () => void
  token: string
  port?: number
  /** The built window; served at / . */
  staticDir: string
  /** Called when a window opens the event stream. */
  onClient?: () => void
  /** The address to listen on: loopback (127.0.0.1) unless the rep opts in with allowRemote. */
  host?: string
  allowRemote?: boolean
  clock?: () => number
}

export interface HttpDoor {
  url: string
  port: number
  close(): Promise<void>
}

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '::1'])
const ANY_ADDRESS = new Set(['0.0.0.0', '::'])

/** The Host names a request may carry: loopback ones, and the address the rep chose to listen on. On every address
 * ("0.0.0.0") any name is let through to the token check: DNS rebinding then meets the token. */
function hostAllowed(host: string, port: number, listen: string): boolean {
  const names = [`127.0.0.1:${port}`, `localhost:${port}`, `[::1]:${port}`]
  if (!LOOPBACK.has(listen)) names.push(`${listen.includes(':') ? `[${listen}]` : listen}:${port}`)
  return names.includes(host) || (ANY_ADDRESS.has(listen) && host.endsWith(`:${port}`))
}

function sameOrigin(req: IncomingMessage, port: number, listen: string): boolean {
  const host = req.headers.host ?? ''
  if (!hostAllowed(host, port, listen)) return false
  const origin = req.headers.origin
  return origin === undefined || origin === `http://${host}` || hostAllowed(origin.replace(/^http:\/\//, ''), port, listen)
}

function methodOf(path: string): string {
  try {
    return decodeURIComponent(path.slice(API_PREFIX.length))
  } catch {
    throw new ApiError('not_found', 'the method name in the path is not valid percent-encoding')
  }
}

function bearer(req: IncomingMessage): string | null {
  const header = req.headers.authorization
  return header?.startsWith('Bearer ') ? header.slice('Bearer '.length).trim() : null
}

export async function openHttpDoor(options: HttpDoorOptions): Promise<HttpDoor> {
  const listen = options.host ?? '127.0.0.1'
  if (!LOOPBACK.has(listen) && !options.allowRemote) {
    throw new Error(`listening on ${listen} lets other computers reach QunGuard: opt in with --allow-remote, or use 127.0.0.1`)
  }
  const sockets = new Set<WebSocket>()
  const failedTokens = createFailedTokens(options.clock)
  let port = options.port ?? 0
  /** null when the token is right; otherwise the refusal, counted against the address. */
  const tokenRefusal = (req: IncomingMessage, given: string | null): 'rate_limited' | 'unauthorized' | null => {
    const address = req.socket.remoteAddress ?? ''
    if (failedTokens.blocked(address)) return 'rate_limited'
    if (tokenMatches(options.token, given)) return null
    failedTokens.failed(address)
    return 'unauthorized'
  }

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const path = (req.url ?? '/').split('?')[0]!
    if (!sameOrigin(req, port, listen)) {
      res.writeHead(403).end('forbidden origin')
      return
    }
    if (!path.startsWith(API_PREFIX)) {
      if (req.method !== 'GET' && req.method !== 'HEAD') res.writeHead(405).end()
      else serveStatic(options.staticDir, path, res)
      return
    }
    const refused = tokenRefusal(req, bearer(req))
    if (refused === 'rate_limited') {
      sendJson(res, 429, { ok: false, error: { code: 'rate_limited', message: 'too many wrong tokens from this address: wait a minute' } })
      return
    }
    if (refused) {
      sendJson(res, 401, { ok: false, error: { code: 'unauthorized', message: 'missing or wrong token: open the URL the server printed' } })
      return
    }
    if (req.method !== 'POST') {
      sendJson(res, 405, { ok: false, error: { code: 'bad_input', message: 'use POST' } })
      return
    }
    try {
      const input = await readJsonBody(req, MAX_BODY_BYTES)
      const result = await options.dispatch(methodOf(path), input)
      sendJson(res, 200, { ok: true, result })
    } catch (error) {
      sendFailure(res, error)
    }
  }

  const server: Server = createServer((req, res) => {
    handle(req, res).catch((error) => sendFailure(res, error))
  })
  const wss = new WebSocketServer({ noServer: true })
  server.on('upgrade', (req, socket, head) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1')
    // The same answers as for requests: 403 for another origin or host, 401 without the token, 429 after many wrong ones.
    let refusal: string | null = null
    if (!sameOrigin(req, port, listen)) refusal = '403 Forbidden'
    else if (url.pathname !== EVENTS_PATH) refusal = '401 Unauthorized'
    else {
      const refused = tokenRefusal(req, url.searchParams.get('token'))
      if (refused) refusal = refused === 'rate_limited' ? '429 Too Many Requests' : '401 Unauthorized'
    }
    if (refusal) {
      socket.end(`HTTP/1.1 ${refusal}\r\nConnection: close\r\n\r\n`)
      return
    }
    wss.handleUpgrade(req, socket, head, (ws) => {
      sockets.add(ws)
      options.onClient?.()
      ws.on('close', () => sockets.delete(ws))
      ws.on('error', () => sockets.delete(ws))
    })
  })
  const unsubscribe = options.subscribe((event) => {
    const frame = JSON.stringify(event)
    for (const ws of sockets) if (ws.readyState === ws.OPEN) ws.send(frame)
  })

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(port, listen, () => resolve())
  })
  port = (server.address() as AddressInfo).port
  return {
    port,
    url: `http://${LOOPBACK.has(listen) || ANY_ADDRESS.has(listen) ? '127.0.0.1' : listen}:${port}/`,
    close: async () => {
      unsubscribe()
      for (const ws of sockets) ws.terminate()
      wss.close()
      server.closeAllConnections()
      await new Promise<void>((resolve) => server.close(() => resolve()))
    },
  }
}
