// The real service on a simulated WeChat account, reached through either door: a direct client over
// service.dispatch (validation exactly as the doors do it) or an HTTP/WebSocket client against openHttpDoor.
// Both clients implement QunGuardApi plus an event log, so one suite runs unchanged over both.
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { expect } from 'vitest'
import { WebSocket } from 'ws'
import { API_METHODS, ApiError, type ApiEvent, type ApiMethod, type QunGuardApi } from '../../shared/api/contract.ts'
import { HTTP_STATUS, type WireResult } from '../../shared/api/http.ts'
import type { FeedEvent } from '../../shared/api/types.ts'
import type { RuleInput } from '../../shared/rules/types.ts'
import { openHttpDoor, type HttpDoor } from '../../electron/server/http-door.ts'
import { toApiError } from '../../electron/server/dispatch.ts'
import { loadOrCreateToken } from '../../electron/server/token.ts'
import { startService, type RunningService } from '../../electron/service/start.ts'
import { BOT_NAME, SimulatedWorld, type RoomSpec } from '../../electron/sim/simulated-world.ts'
import { silenceWechatyLog } from '../../electron/wechat/bot-host.ts'

const WAIT_MS = 10_000

/** shop: small, the bot owns it. big: over WeChat's direct-add limit, the bot owns it. other: someone else's. */
export const ROOMS: RoomSpec[] = [
  { name: 'shop', topic: '福利一群', owner: BOT_NAME, members: ['小王', '小李', '老张'] },
  { name: 'big', topic: '母婴大群', owner: BOT_NAME, members: ['阿强', '阿美'], otherMembers: 45 },
  { name: 'other', topic: '别人的群', owner: '群主', members: ['小王', '路人'] },
]
export const FRIENDS = ['阿美']

export const RULES: RuleInput[] = [
  { name: '广告', match: '代购 | 加微信' },
  { name: '赌博', match: '赌博', action: 'remove' },
  { name: '返利', match: '返利', action: 'alert' },
]

/** Everything the service pushed to this client, with a way to wait for what has not arrived yet. */
export class EventLog {
  readonly events: ApiEvent[] = []
  private readonly waiters = new Set<() => void>()

  push(event: ApiEvent): void {
    this.events.push(event)
    for (const wake of this.waiters) wake()
  }

  /** A position in the log: waitFor(…, mark) only looks at events after it. */
  mark(): number {
    return this.events.length
  }

  async waitFor(predicate: (event: ApiEvent) => boolean, from = 0, what = 'an event'): Promise<ApiEvent> {
    const find = () => this.events.slice(from).find(predicate)
    const found = find()
    if (found) return found
    let wake!: () => void
    let timer: NodeJS.Timeout | undefined
    try {
      return await new Promise<ApiEvent>((resolve, reject) => {
        wake = () => {
          const event = find()
          if (event) resolve(event)
        }
        this.waiters.add(wake)
        timer = setTimeout(() => reject(new Error(`timed out waiting for ${what}; saw ${this.describe(from)}`)), WAIT_MS)
      })
    } finally {
      this.waiters.delete(wake)
      clearTimeout(timer)
    }
  }

  /** The feed event matching, once it has the wanted status (undefined: any). */
  async feed(match: Partial<FeedEvent>, from = 0): Promise<FeedEvent> {
    const keys = Object.keys(match) as (keyof FeedEvent)[]
    const found = await this.waitFor(
      (event) => event.type === 'feed' && keys.every((key) => event.event[key] === match[key]),
      from,
      `feed ${JSON.stringify(match)}`,
    )
    return (found as Extract<ApiEvent, { type: 'feed' }>).event
  }

  private describe(from: number): string {
    return this.events
      .slice(from)
      .map((event) => (event.type === 'feed' ? `feed:${event.event.kind}/${event.event.status}` : event.type))
      .join(', ')
  }
}

export interface Client {
  api: QunGuardApi
  /** Any method name and input, for what the typed api cannot express. Throws ApiError like api. */
  call(method: string, input: unknown): Promise<unknown>
  events: EventLog
  close(): Promise<void>
}

export interface Transport {
  name: string
  open(service: RunningService, dataDir: string, called: Set<string>): Promise<Client>
}

function typedApi(call: (method: string, input: unknown) => Promise<unknown>): QunGuardApi {
  return Object.fromEntries(API_METHODS.map((method) => [method, (input: unknown) => call(method, input)])) as QunGuardApi
}

export const direct: Transport = {
  name: 'direct dispatch',
  async open(service, _dataDir, called) {
    const events = new EventLog()
    const unsubscribe = service.subscribe((event) => events.push(event))
    const call = async (method: string, input: unknown) => {
      called.add(method)
      let result: unknown
      try {
        result = await service.dispatch(method, input)
      } catch (error) {
        throw toApiError(error)
      }
      // What comes back must be plain JSON, so the wire cannot change its shape.
      expect(result).toStrictEqual(JSON.parse(JSON.stringify(result ?? null)))
      return result
    }
    return { api: typedApi(call), call, events, close: async () => void unsubscribe() }
  },
}

export interface OpenDoor {
  door: HttpDoor
  token: string
  close(): Promise<void>
}

/** The headless door on a free port, serving `staticDir` (default: a folder inside the data folder). */
export async function openDoor(service: RunningService, dataDir: string, staticDir = join(dataDir, 'www')): Promise<OpenDoor> {
  const token = loadOrCreateToken(dataDir)
  const door = await openHttpDoor({ dispatch: service.dispatch, subscribe: service.subscribe, token, port: 0, staticDir })
  return { door, token, close: () => door.close() }
}

/** Opens the event stream; resolves once the socket is open. */
export function openEvents(door: HttpDoor, token: string, onEvent: (event: ApiEvent) => void): Promise<WebSocket> {
  const socket = new WebSocket(`ws://127.0.0.1:${door.port}/api/events?token=${token}`)
  socket.on('message', (data) => onEvent(JSON.parse(String(data)) as ApiEvent))
  return new Promise((resolve, reject) => {
    socket.once('open', () => resolve(socket))
    socket.once('error', reject)
  })
}

/** 101 when a WebSocket to `pathAndQuery` opens, else the status the upgrade was refused with. */
export function upgradeStatus(port: number, pathAndQuery: string, headers: Record<string, string> = {}): Promise<number> {
  const socket = new WebSocket(`ws://127.0.0.1:${port}${pathAndQuery}`, { headers })
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

export async function postApi(door: HttpDoor, token: string, method: string, input: unknown): Promise<Response> {
  return fetch(`${door.url}api/${encodeURIComponent(method)}`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
    body: JSON.stringify(input ?? {}),
  })
}

export const http: Transport = {
  name: 'HTTP and WebSocket',
  async open(service, dataDir, called) {
    const { door, token } = await openDoor(service, dataDir)
    const events = new EventLog()
    const socket = await openEvents(door, token, (event) => events.push(event))
    const call = async (method: string, input: unknown) => {
      called.add(method)
      const response = await postApi(door, token, method, input)
      const body = (await response.json()) as WireResult<unknown>
      if (body.ok) {
        expect(response.status).toBe(200)
        return body.result
      }
      expect(response.status).toBe(HTTP_STATUS[body.error.code])
      throw new ApiError(body.error.code, body.error.message, body.error.details)
    }
    const close = async () => {
      socket.terminate()
      await door.close()
    }
    return { api: typedApi(call), call, events, close }
  },
}

export const TRANSPORTS: Transport[] = [direct, http]

export interface ApiEnv {
  dataDir: string
  service: RunningService
  client: Client
  api: QunGuardApi
  events: EventLog
  /** The simulated WeChat the bot runs on now: choosing the mock puppet again makes a fresh one. */
  readonly world: SimulatedWorld
  /** Logs the current world's bot in; resolves once the groups are known and the client has heard about them. */
  logIn(): Promise<void>
  /** A member speaks; resolves once the guard has judged the message. Returns the message id. */
  say(room: string, from: string, text: string): Promise<string>
  groupId(room: string): string
  /** Stops the client and the service, and deletes the data folder unless asked to keep it (for a restart). */
  close(options?: { keepData?: boolean }): Promise<void>
}

function buildWorld(): SimulatedWorld {
  const world = new SimulatedWorld(Date.now)
  for (const room of ROOMS) world.createRoom(room)
  for (const friend of FRIENDS) world.befriend(friend)
  return world
}

/** A fresh data folder (or the given one), the service with RULES saved, the chosen client, and the bot logged in. */
export async function startEnv(
  transport: Transport,
  called: Set<string>,
  options: { logIn?: boolean; dataDir?: string } = {},
): Promise<ApiEnv> {
  silenceWechatyLog()
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'qunguard-api-'))
  let world = buildWorld()
  let worldsMade = 0
  const service = await startService({
    dataDir,
    puppet: 'wechaty-puppet-mock',
    // One simulated puppet serves one bot: each time the mock puppet is chosen again, a new world with the same groups.
    mockPuppet: () => {
      if (worldsMade++ > 0) world = buildWorld()
      return world.puppet
    },
    onHandled: (handled) => world.echoes.handled(handled),
  })
  await service.dispatch('saveRules', { rules: RULES })
  const client = await transport.open(service, dataDir, called)
  const env: ApiEnv = {
    dataDir,
    service,
    client,
    api: client.api,
    events: client.events,
    get world() {
      return world
    },
    async logIn() {
      const from = client.events.mark()
      world.logIn()
      await world.echoes.settled()
      // The groups follow the login on the stream: once they are there, so is everything the login said.
      const loggedIn = await client.events.waitFor((event) => event.type === 'login' && event.state.status === 'logged-in', from, 'the login')
      await client.events.waitFor((event) => event.type === 'groups', client.events.events.indexOf(loggedIn), 'the groups')
    },
    async say(room, from, text) {
      const id = world.say(room, from, text)
      await world.echoes.settled()
      return id
    },
    groupId: (room) => world.roomId(room),
    async close({ keepData = false } = {}) {
      await client.close()
      await service.close()
      if (!keepData) rmSync(dataDir, { recursive: true, force: true })
    },
  }
  try {
    if (options.logIn ?? true) await env.logIn()
  } catch (error) {
    await env.close({ keepData: options.dataDir !== undefined })
    throw error
  }
  return env
}

/** The methods a suite has not called yet. */
export function uncalled(called: ReadonlySet<string>): ApiMethod[] {
  return API_METHODS.filter((method) => !called.has(method))
}

/** A member says something; resolves with the guard's event about it once its effect is settled (done or refused). */
export async function decisionOn(env: ApiEnv, room: string, who: string, text: string): Promise<FeedEvent> {
  const from = env.events.mark()
  const messageId = await env.say(room, who, text)
  const settled = await env.events.waitFor(
    (event) => event.type === 'feed' && event.event.messageId === messageId && event.event.status !== 'pending',
    from,
    `the decision on "${text}"`,
  )
  if (settled.type !== 'feed') throw new Error('unreachable')
  // What the bot did in WeChat (its warning, the removal) has come back to it as well.
  await env.world.echoes.settled()
  return settled.event
}
