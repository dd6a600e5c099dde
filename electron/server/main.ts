// `npm run serve [-- --data DIR --port N --demo]`: the service under plain Node with the window served to a
// browser, on 127.0.0.1 only. Prints the URL to open (it carries the access token) and then one line per event.
import { mkdtempSync, rmSync } from 'node:fs'
import { homedir, tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { parseArgs } from 'node:util'
import { silenceWechatyLog } from '../wechat/bot-host.ts'
import { startDemo } from '../demo/demo.ts'
import { startService, type RunningService } from '../service/start.ts'
import { FolderInUseError, lockDataFolder } from '../instance/folder-lock.ts'
import { ApiError, type ApiEvent } from '../../shared/api/contract.ts'
import { openHttpDoor } from './http-door.ts'
import { describeEvent } from './log-line.ts'
import { loadOrCreateToken } from './token.ts'
import { TOKEN_HASH_KEY } from '../../shared/api/http.ts'
import { errorText } from '../../shared/text/error-text.ts'

const USAGE = `usage: npm run serve -- [--data DIR] [--port N] [--listen ADDRESS --allow-remote] [--demo [--pace MS]]
  --data DIR        the data folder (default: ~/.qunguard, or a new temporary folder with --demo)
  --port N          the port (default: 4780; 0 picks a free one)
  --listen ADDRESS  listen on another address than 127.0.0.1 (0.0.0.0: every network); only with --allow-remote,
                    which says you mean it: other computers can then reach the server (the token still guards it)
  --demo       a simulated WeChat account with groups, customers and marketers
  --pace MS    with --demo: milliseconds between two chat messages (default 2500)`

function fail(message: string): never {
  process.stderr.write(`${message}\n${USAGE}\n`)
  process.exit(2)
}

function numberOption(value: string | undefined, name: string, fallback: number): number {
  if (value === undefined) return fallback
  const parsed = Number(value)
  if (!Number.isInteger(parsed) || parsed < 0) fail(`--${name} takes a whole number, not "${value}"`)
  return parsed
}

async function main(): Promise<void> {
  let args
  try {
    args = parseArgs({
      options: {
        data: { type: 'string' },
        port: { type: 'string' },
        demo: { type: 'boolean', default: false },
        pace: { type: 'string' },
        listen: { type: 'string' },
        'allow-remote': { type: 'boolean', default: false },
        help: { type: 'boolean', default: false },
      },
      strict: true,
    }).values
  } catch (error) {
    fail((error as Error).message)
  }
  if (args.help) {
    process.stdout.write(`${USAGE}\n`)
    return
  }
  silenceWechatyLog()
  const port = numberOption(args.port, 'port', 4780)
  // A demo without --data lives in a temporary folder, removed when the server stops.
  const temporary = args.demo && args.data === undefined
  const dataDir = resolve(args.data ?? (temporary ? mkdtempSync(join(tmpdir(), 'qunguard-demo-')) : join(homedir(), '.qunguard')))

  // The order matters. The folder lock first: a second instance stops here, before it reads or changes anything.
  // Then the port: an instance that cannot bind stops before its guard judges a single message. Only then the service.
  const lock = lockDataFolder(dataDir)
  let service: RunningService | null = null
  let onClient: (() => void) | undefined
  let clientWaiting = false
  const listeners = new Set<(event: ApiEvent) => void>()
  const token = loadOrCreateToken(dataDir)
  const door = await openHttpDoor({
    dispatch: (method, input) => {
      if (!service) return Promise.reject(new ApiError('unavailable', 'QunGuard is still starting'))
      return service.dispatch(method, input)
    },
    subscribe(listener) {
      listeners.add(listener)
      return () => listeners.delete(listener)
    },
    token,
    port,
    host: args.listen,
    allowRemote: args['allow-remote'],
    staticDir: resolve(import.meta.dirname, '../../renderer/dist'),
    onClient: () => {
      // A window that connects while the demo is still starting is told about once it has started.
      if (onClient) onClient()
      else clientWaiting = true
    },
  })

  let close: () => Promise<void>
  if (args.demo) {
    const demo = await startDemo({ dataDir, paceMs: numberOption(args.pace, 'pace', 2500), qrMs: 2000, lock })
    service = demo.service
    onClient = () => demo.viewerArrived()
    if (clientWaiting) onClient()
    close = () => demo.close()
  } else {
    const started = await startService({ dataDir, lock })
    service = started
    close = () => started.close()
  }
  service.subscribe((event) => {
    listeners.forEach((listener) => listener(event))
    const line = describeEvent(event)
    if (line) process.stdout.write(`${new Date().toISOString()} ${line}\n`)
  })
  // Before the URL is printed: whoever reads it may stop the server at once, and must get a clean stop.
  const stop = async () => {
    await door.close()
    await close()
    if (temporary) rmSync(dataDir, { recursive: true, force: true })
    process.exit(0)
  }
  process.once('SIGINT', () => void stop())
  process.once('SIGTERM', () => void stop())

  process.stdout.write(`QunGuard ${args.demo ? 'demo ' : ''}running; data in ${dataDir}\n`)
  process.stdout.write(`open ${door.url}#${TOKEN_HASH_KEY}=${token}\n`)
}

main().catch((error: unknown) => {
  process.stderr.write(`serve: ${errorText(error)}\n`)
  // 3: the folder is taken by another instance (a supervisor should not restart in a loop hoping it frees).
  process.exit(error instanceof FolderInUseError ? 3 : 1)
})
