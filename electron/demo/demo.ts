// The demo: the real service on a simulated WeChat account. The QR step plays out by itself (a QR code, then
// "scanned", then logged in), and then the groups talk, following demo-script.ts.
import type { FolderLock } from '../instance/folder-lock.ts'
import { startService, type RunningService } from '../service/start.ts'
import { SimulatedWorld } from '../sim/simulated-world.ts'
import { demoBeats, DEMO_ROOMS, idleBeat, type DemoBeat } from './demo-script.ts'

export interface DemoOptions {
  dataDir: string
  /** Milliseconds between two chat messages. */
  paceMs: number
  /** Milliseconds the QR code waits before it is "scanned", and again before the login is confirmed. */
  qrMs: number
  /** The data folder's lock, when the caller took it first. */
  lock?: FolderLock
}

export interface RunningDemo {
  service: RunningService
  /** Starts the QR flow; the server calls it when the first window connects, so the rep sees every step. */
  viewerArrived(): void
  close(): Promise<void>
}

export async function startDemo(options: DemoOptions): Promise<RunningDemo> {
  // A puppet serves one bot only: choosing the demo puppet again (after trying another) gets a fresh world.
  let world!: SimulatedWorld
  const freshWorld = () => {
    world = new SimulatedWorld(Date.now)
    for (const room of DEMO_ROOMS) world.createRoom(room)
    world.befriend('小雨妈妈')
    return world.puppet
  }

  const service = await startService({
    dataDir: options.dataDir,
    mockPuppet: freshWorld,
    puppet: 'wechaty-puppet-mock',
    lock: options.lock,
  })

  const timers = new Set<NodeJS.Timeout>()
  const later = (ms: number, work: () => void) => {
    const timer = setTimeout(() => {
      timers.delete(timer)
      work()
    }, ms)
    timers.add(timer)
  }
  const beats = demoBeats()
  let next = 0
  let flowing = false

  const play = (beat: DemoBeat) => {
    try {
      if (beat.op === 'say') world.say(beat.room, beat.from, beat.text, beat.kind)
      else world.join(beat.room, [beat.who], beat.inviter)
    } catch {
      // A beat the world refuses (a removed marketer speaking) is skipped, as WeChat would.
    }
  }
  const tick = () => {
    if (service.loginState().status !== 'logged-in') {
      flowing = false
      return
    }
    play(next < beats.length ? beats[next]! : idleBeat(next))
    next++
    later(options.paceMs, tick)
  }

  let qrShown = false
  const scanFlow = () => {
    if (qrShown) return
    qrShown = true
    world.showLoginQr()
    later(options.qrMs, () => world.scanLoginQr())
    later(options.qrMs * 2, () => world.confirmLogin())
  }
  service.subscribe((event) => {
    if (event.type !== 'login') return
    // After a logout, logging in again shows the QR flow again.
    if (event.state.status === 'logged-out' || event.state.status === 'stopped') qrShown = false
    if (event.state.status === 'starting') later(100, scanFlow)
    if (event.state.status === 'logged-in' && !flowing) {
      flowing = true
      later(options.paceMs, tick)
    }
  })

  let viewerSeen = false
  return {
    service,
    viewerArrived() {
      if (viewerSeen) return
      viewerSeen = true
      scanFlow()
    },
    async close() {
      for (const timer of timers) clearTimeout(timer)
      await service.close()
    },
  }
}
