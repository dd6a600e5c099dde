// The team server's door: a small HTTP + WebSocket service in front of PostgreSQL, so reps' laptops never hold
// database credentials. Every request carries a rep's or lead's token (Authorization: Bearer); a token only ever
// reaches its own team. TLS is the deployer's (a proxy in front, or --tls-cert/--tls-key): plain HTTP from anywhere
// but loopback is refused unless the operator says otherwise.
import { createServer as createHttpServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import { createServer as createHttpsServer } from 'node:https'
import type { AddressInfo } from 'node:net'
import { WebSocketServer, type WebSocket } from 'ws'
import { z } from 'zod'
import { ApiError } from '../../shared/api/errors.ts'
import { FIGURES_SCHEMA, FIRST_CURSOR, REP_CHANGES_SCHEMA, packRulesSchema, type ChangePage, type TeamPush } from '../../shared/team/changes.ts'
import { TEAM_PATHS } from '../../shared/team/wire.ts'
import { readJsonBody, sendFailure, sendJson } from '../server/json-body.ts'
import { startFanout, type Fanout } from './fanout.ts'
import type { TeamDatabase, TeamMember } from './team-db.ts'
import { ADMIN_PAGE } from './admin-page.ts'

const MAX_BODY_BYTES = 8 * 1024 * 1024
const MAX_PAGE = 5000

export interface TeamServerOptions {
  db: TeamDatabase
  port?: number
  host?: string
  /** Serve HTTPS with this key and certificate (PEM). */
  tls?: { key: Buffer; cert: Buffer }
  /** Accept plain HTTP from other machines: only behind a TLS proxy on a private network. */
  allowPlainHttp?: boolean
}

export interface TeamServer {
  url: string
  port: number
  close(): Promise<void>
}

/** Whether a plain-HTTP request from this address may be served: tokens must not cross a network in clear. */
export function plainHttpAllowed(remoteAddress: string | undefined, allowPlainHttp: boolean): boolean {
  if (allowPlainHttp) return true
  return remoteAddress === '127.0.0.1' || remoteAddress === '::1' || remoteAddress === '::ffff:127.0.0.1'
}

function parse<T>(schema: z.ZodType<T>, raw: unknown, where: string): T {
  const result = schema.safeParse(raw)
  if (result.success) return result.data
  const problems = result.error.issues.map((issue) => `${issue.path.join('.') || 'body'}: ${issue.message}`)
  throw new ApiError('bad_input', `${where}: ${problems.slice(0, 5).join('; ')}`)
}

function bearer(req: IncomingMessage): string | null {
  const header = req.headers.authorization
  return header?.startsWith('Bearer ') ? header.slice('Bearer '.length).trim() : null
}

const pageQuery = z.object({
  after: z.string().max(50).default(FIRST_CURSOR),
  limit: z.coerce.number().int().min(1).max(MAX_PAGE).default(1000),
})
const packInput = z.object({ name: z.string().max(80), rules: packRulesSchema, notes: z.string().max(2000).nullable().optional() }).strict()
const tokenInput = z.object({ name: z.string().max(80), role: z.enum(['lead', 'rep']).default('rep') }).strict()
const memberKeyInput = z.object({ memberKey: z.string().min(1).max(300) }).strict()
const nameInput = z.object({ name: z.string().min(1).max(80) }).strict()
const offenderQuery = z.object({ search: z.string().max(200).optional(), limit: z.coerce.number().int().min(1).max(1000).default(200) })

type Route = (member: TeamMember, req: IncomingMessage, query: URLSearchParams) => Promise<unknown>

function leadOnly(route: Route): Route {
  return (member, req, query) => {
    if (member.role !== 'lead') throw new ApiError('unauthorized', 'only a team lead may do this')
    return route(member, req, query)
  }
}

function routes(db: TeamDatabase): Record<string, Route> {
  const body = async <T>(req: IncomingMessage, schema: z.ZodType<T>, where: string) => parse(schema, await readJsonBody(req, MAX_BODY_BYTES), where)
  return {
    [`GET ${TEAM_PATHS.me}`]: async (member) => ({ team: member.teamName, name: member.name, role: member.role }),
    [`GET ${TEAM_PATHS.changes}`]: async (member, _req, query) => {
      const { after, limit } = parse(pageQuery, Object.fromEntries(query), 'changes')
      return db.readChanges(member, after, limit)
    },
    [`POST ${TEAM_PATHS.changes}`]: async (member, req) =>
      db.pushRepChanges(member, (await body(req, REP_CHANGES_SCHEMA, 'changes')).changes),
    [`POST ${TEAM_PATHS.figures}`]: async (member, req) => {
      await db.reportFigures(member, await body(req, FIGURES_SCHEMA, 'figures'))
      return {}
    },
    [`GET ${TEAM_PATHS.overview}`]: leadOnly(async (member) => db.overview(member)),
    [`GET ${TEAM_PATHS.offenders}`]: leadOnly(async (member, _req, query) =>
      db.listOffenders(member, parse(offenderQuery, Object.fromEntries(query), 'offenders')),
    ),
    [`POST ${TEAM_PATHS.removeOffender}`]: leadOnly(async (member, req) =>
      db.removeOffender(member, (await body(req, memberKeyInput, 'remove offender')).memberKey),
    ),
    [`POST ${TEAM_PATHS.packs}`]: leadOnly(async (member, req) => {
      const pack = await body(req, packInput, 'pack')
      return db.publishPack(member, pack.name, pack.rules, pack.notes ?? null)
    }),
    [`POST ${TEAM_PATHS.tokens}`]: leadOnly(async (member, req) => {
      const { name, role } = await body(req, tokenInput, 'token')
      return db.issueToken(member.teamName, name, role)
    }),
    [`POST ${TEAM_PATHS.revoke}`]: leadOnly(async (member, req) => {
      await db.revoke(member, (await body(req, nameInput, 'revoke')).name)
      return {}
    }),
  }
}

const WAKE_FRAME = JSON.stringify({ type: 'wake' } satisfies TeamPush)
/** A page goes to every socket of the team: written out once. */
const frames = new WeakMap<ChangePage, string>()
function frameOf(page: ChangePage): string {
  let frame = frames.get(page)
  if (frame === undefined) {
    frame = JSON.stringify({ type: 'changes', ...page } satisfies TeamPush)
    frames.set(page, frame)
  }
  return frame
}

export async function startTeamServer(options: TeamServerOptions): Promise<TeamServer> {
  const { db } = options
  const table = routes(db)
  const fanout: Fanout = await startFanout(db.pool)
  const stopWaking = db.onCommitted((teamId) => fanout.wake(teamId))
  const sockets = new Set<WebSocket>()
  const secure = options.tls !== undefined
  const allowedFrom = (req: IncomingMessage) => secure || plainHttpAllowed(req.socket.remoteAddress, options.allowPlainHttp ?? false)

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const url = new URL(req.url ?? '/', 'http://team')
    if (!allowedFrom(req)) {
      sendJson(res, 403, { ok: false, error: { code: 'unauthorized', message: 'plain HTTP is refused off loopback: use HTTPS' } })
      return
    }
    if (req.method === 'GET' && url.pathname === TEAM_PATHS.adminPage) {
      res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store', 'Content-Security-Policy': "default-src 'self'; script-src 'unsafe-inline'; style-src 'unsafe-inline'" })
      res.end(ADMIN_PAGE)
      return
    }
    const route = table[`${req.method} ${url.pathname}`]
    if (!route) throw new ApiError('not_found', `no ${req.method} ${url.pathname} here`)
    const member = await db.authenticate(bearer(req))
    if (!member) throw new ApiError('unauthorized', 'missing, wrong or revoked team token')
    sendJson(res, 200, { ok: true, result: await route(member, req, url.searchParams) })
  }

  const onRequest = (req: IncomingMessage, res: ServerResponse) => {
    handle(req, res).catch((error) => {
      if (!res.headersSent) sendFailure(res, error)
    })
  }
  const server: Server = options.tls ? createHttpsServer(options.tls, onRequest) : createHttpServer(onRequest)
  const wss = new WebSocketServer({ noServer: true })

  server.on('upgrade', (req, socket, head) => {
    const refuse = (status: string) => socket.end(`HTTP/1.1 ${status}\r\nConnection: close\r\n\r\n`)
    if (!allowedFrom(req)) return refuse('403 Forbidden')
    if (new URL(req.url ?? '/', 'http://team').pathname !== TEAM_PATHS.socket) return refuse('404 Not Found')
    db.authenticate(bearer(req))
      .then(async (member) => {
        if (!member) return refuse('401 Unauthorized')
        wss.handleUpgrade(req, socket, head, async (ws) => {
          sockets.add(ws)
          const pushFrame = (frame: string) => ws.readyState === ws.OPEN && ws.send(frame)
          let unfollow: () => void
          try {
            unfollow = await fanout.follow(member.teamId, (page) => pushFrame(frameOf(page)))
          } catch {
            // The database is away: the rep reconnects later and reads from its own cursor.
            sockets.delete(ws)
            ws.close(1011, 'team database unavailable')
            return
          }
          const forget = () => {
            sockets.delete(ws)
            unfollow()
          }
          if (ws.readyState !== ws.OPEN) return forget()
          ws.on('close', forget)
          ws.on('error', forget)
          // Said once it follows: whatever the rep reads from now on, a later change will be pushed or woken for.
          pushFrame(WAKE_FRAME)
        })
      })
      .catch(() => refuse('503 Service Unavailable'))
  })

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(options.port ?? 0, options.host ?? '127.0.0.1', () => resolve())
  })
  const { port } = server.address() as AddressInfo
  const host = options.host ?? '127.0.0.1'
  return {
    port,
    url: `${secure ? 'https' : 'http'}://${host.includes(':') ? `[${host}]` : host}:${port}`,
    async close() {
      stopWaking()
      for (const ws of sockets) ws.terminate()
      wss.close()
      server.closeAllConnections()
      await new Promise<void>((resolve) => server.close(() => resolve()))
      await fanout.close()
    },
  }
}
