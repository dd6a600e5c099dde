// The headless door: the API over HTTP and WebSocket on 127.0.0.1 only. Every request and socket must carry the
// token; requests from other origins (a web page the rep happens to visit) and other Host names (DNS rebinding)
// are refused before anything is read.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { WebSocketServer, type WebSocket } from 'ws'
import { ApiError, type ApiEvent } from '../../shared/api/contract.ts'
import { API_PREFIX, EVENTS_PATH } from '../../shared/api/http.ts'
import type { Dispatch } from './dispatch.ts'
import { readJsonBody, sendFailure, sendJson } from './json-body.ts'
import { serveStatic } from './static-files.ts'
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
}

export interface HttpDoor {
  url: string
  port: number
  close(): Promise<void>
}

function allowedHosts(port: number): Set<string> {
  return new Set([`127.0.0.1:${port}`, `localhost:${port}`])
}

function sameOrigin(req: IncomingMessage, port: number): boolean {
  const host = req.headers.host ?? ''
  if (!allowedHosts(port).has(host)) return false
  const origin = req.headers.origin
  return origin === undefined || origin === `http://${host}` || allowedHosts(port).has(origin.replace(/^http:\/\//, ''))
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
  const sockets = new Set<WebSocket>()
  let port = options.port ?? 0

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const path = (req.url ?? '/').split('?')[0]!
    if (!sameOrigin(req, port)) {
      res.writeHead(403).end('forbidden origin')
      return
    }
    if (!path.startsWith(API_PREFIX)) {
      if (req.method !== 'GET' && req.method !== 'HEAD') res.writeHead(405).end()
      else serveStatic(options.staticDir, path, res)
      return
    }
    if (!tokenMatches(options.token, bearer(req))) {
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
    // The same answers as for requests: 403 for another origin or host, 401 without the token.
    const refusal = !sameOrigin(req, port)
      ? '403 Forbidden'
      : url.pathname !== EVENTS_PATH || !tokenMatches(options.token, url.searchParams.get('token'))
        ? '401 Unauthorized'
        : null
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
    server.listen(port, '127.0.0.1', () => resolve())
  })
  port = (server.address() as AddressInfo).port
  return {
    port,
    url: `http://127.0.0.1:${port}/`,
    close: async () => {
      unsubscribe()
      for (const ws of sockets) ws.terminate()
      wss.close()
      server.closeAllConnections()
      await new Promise<void>((resolve) => server.close(() => resolve()))
    },
  }
}
