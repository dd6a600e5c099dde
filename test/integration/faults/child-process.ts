// Drives guard-child.ts (or the real server) in a process of its own: lines from its stdout can be awaited, commands
// written to its stdin, and it can be killed. Every child is killed when the test that started it ends.
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import { onTestFinished } from 'vitest'
import type { HealthView } from '../../../shared/api/types.ts'

export const ROOT = fileURLToPath(new URL('../../../', import.meta.url))
const TSX = ['--import', 'tsx']
// Generous: CI machines are shared, and a child starting Wechaty under load can take many seconds.
const WAIT_MS = 60_000

export class Child {
  readonly lines: string[] = []
  stderr = ''
  readonly exited: Promise<number | null>
  private readonly process: ChildProcessWithoutNullStreams
  private waiters: (() => void)[] = []

  constructor(script: string, args: string[], env: NodeJS.ProcessEnv = {}) {
    this.process = spawn(process.execPath, [...TSX, script, ...args], { cwd: ROOT, stdio: 'pipe', env: { ...process.env, ...env } })
    let partial = ''
    this.process.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      const parts = (partial + chunk).split('\n')
      partial = parts.pop()!
      this.lines.push(...parts)
      this.wake()
    })
    this.process.stderr.setEncoding('utf8').on('data', (chunk: string) => (this.stderr += chunk))
    this.exited = new Promise((resolve) => this.process.once('exit', (code) => (this.wake(), resolve(code))))
    onTestFinished(() => this.kill())
  }

  get pid(): number {
    return this.process.pid!
  }

  private wake(): void {
    const waiters = this.waiters
    this.waiters = []
    waiters.forEach((waiter) => waiter())
  }

  /** The first line (after `from`) that passes `test`; fails with what the child said when it does not come. */
  async waitFor(test: (line: string) => boolean, what: string, from = 0): Promise<string> {
    const deadline = Date.now() + WAIT_MS
    for (;;) {
      const found = this.lines.slice(from).find(test)
      if (found !== undefined) return found
      if (this.process.exitCode !== null || Date.now() > deadline) {
        throw new Error(`no ${what} from the child (exit ${this.process.exitCode}); stdout:\n${this.lines.join('\n')}\nstderr:\n${this.stderr}`)
      }
      await new Promise<void>((resolve) => {
        this.waiters.push(resolve)
        setTimeout(resolve, 250)
      })
    }
  }

  /** The health the child printed last after `from` that passes `test`. */
  async health(test: (health: HealthView) => boolean, what: string, from = 0): Promise<HealthView> {
    const line = await this.waitFor((text) => text.startsWith('health ') && test(JSON.parse(text.slice('health '.length)) as HealthView), what, from)
    return JSON.parse(line.slice('health '.length)) as HealthView
  }

  send(command: string): void {
    this.process.stdin.write(`${command}\n`)
  }

  kill(signal: NodeJS.Signals = 'SIGKILL'): void {
    if (this.process.exitCode === null && this.process.signalCode === null) this.process.kill(signal)
  }
}

export const GUARD_CHILD = 'test/integration/faults/guard-child.ts'

/** Starts the guard child on `dataDir` and waits until it is logged in; it acts 600 times a minute unless told. */
export async function startGuardChild(dataDir: string, logDir?: string, options: { ratePerMinute?: number } = {}): Promise<Child> {
  const env = options.ratePerMinute === undefined ? {} : { GUARD_CHILD_RATE_PER_MINUTE: String(options.ratePerMinute) }
  const child = new Child(GUARD_CHILD, logDir ? [dataDir, logDir] : [dataDir], env)
  await child.waitFor((line) => line === 'ready', 'ready')
  return child
}
