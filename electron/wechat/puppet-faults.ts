// Puppets are third-party code that talks to the network, and some of it throws where nobody can catch it: a
// timer or gRPC callback inside wechaty-token throwing `this.listener.onError is not a function` used to take the
// whole process down, at every start, because the bad choice had been saved. Two defences live here:
// - every copy of the logging library puppets bring (brolog's ES-module and CommonJS instances are two loggers)
//   is silenced, because their WARN lines print tokens;
// - an exception that escapes from inside a puppet's own code is handed to the bot (which stops it and says why)
//   instead of killing the process. Any other uncaught exception is our own bug and still ends the process.
import { createRequire } from 'node:module'
import { log as esmLog } from 'wechaty'

interface Logger {
  level(level: 'silent'): unknown
}

/** Silences every logger a puppet may write through, unless WECHATY_LOG asks for them (debugging). */
export function silencePuppetLoggers(): void {
  if (process.env.WECHATY_LOG) return
  const loggers: Logger[] = [esmLog as Logger]
  try {
    // Resolved from Wechaty's own folder: brolog is its dependency, not ours, and CommonJS puppets load this copy.
    const fromWechaty = createRequire(createRequire(import.meta.url).resolve('wechaty'))
    loggers.push((fromWechaty('brolog') as { log: Logger }).log)
  } catch {
    // No CommonJS build: nothing more to silence.
  }
  for (const logger of loggers) logger.level('silent')
}

// Packages whose code runs inside a puppet: Wechaty itself, the puppets, and the libraries they talk through.
const PUPPET_CODE = /[\\/]node_modules[\\/](?:wechaty[^\\/]*|@juzi[\\/][^\\/]+|@grpc[\\/][^\\/]+|grpc[^\\/]*|wechat4u|padlocal[^\\/]*|@padlocal[\\/][^\\/]+|gerror|state-switch)[\\/]/

/** Whether an error was thrown from a puppet's own code (its innermost stack frames lie in puppet packages). */
export function isPuppetFault(error: unknown): boolean {
  const stack = error instanceof Error ? error.stack : undefined
  if (!stack) return false
  const frames = stack.split('\n').filter((line) => line.trimStart().startsWith('at '))
  const first = frames.find((line) => !line.includes('node:internal') && !line.includes('(node:'))
  return first !== undefined && PUPPET_CODE.test(first)
}

let handler: ((error: unknown) => void) | null = null
let installed = false

/**
 * Routes exceptions thrown from puppet internals to `onFault` (the one running service's bot slot). Installed once
 * per process; a later call replaces the handler. Our own uncaught errors are printed and end the process, as
 * Node would have done.
 */
export function catchPuppetFaults(onFault: (error: unknown) => void): () => void {
  handler = onFault
  if (!installed) {
    installed = true
    const route = (error: unknown, origin: string) => {
      if (handler && isPuppetFault(error)) return handler(error)
      // Someone else handles the rest (a test runner): leave it to them. Otherwise do what Node would have done.
      if (process.listenerCount(origin === 'unhandledRejection' ? 'unhandledRejection' : 'uncaughtException') > 1) return
      process.stderr.write(`uncaught: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`)
      process.exit(1)
    }
    process.on('uncaughtException', (error, origin) => route(error, origin))
    process.on('unhandledRejection', (reason) => route(reason, 'unhandledRejection'))
  }
  return () => {
    if (handler === onFault) handler = null
  }
}
