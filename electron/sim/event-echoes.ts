// Knowing when the bot has caught up with the world. Wechaty turns each puppet event into a bot event only after some
// asynchronous look-ups, so "emitted" is not "handled": the world expects one echo per event it emits, and the bot host
// reports each event it has finished with. Settled means every expected echo has come back.
import type { HandledEvent } from '../wechat/bot-host.ts'

/** Far longer than the mock ever takes; reaching it means an event got lost, and saying which beats hanging. */
const SETTLE_TIMEOUT_MS = 10_000

function keyOf(event: HandledEvent): string {
  if ('messageId' in event) return `${event.event} ${event.messageId}`
  if ('roomId' in event) return `${event.event} ${event.roomId}`
  return event.event
}

export class EventEchoes {
  private readonly outstanding = new Map<string, number>()
  private readonly waiters = new Set<() => void>()

  expect(event: HandledEvent): void {
    const key = keyOf(event)
    this.outstanding.set(key, (this.outstanding.get(key) ?? 0) + 1)
  }

  /** Echoes nobody expected (the bot's own start and stop, say) are fine and ignored. */
  handled(event: HandledEvent): void {
    const key = keyOf(event)
    const count = this.outstanding.get(key)
    if (count === undefined) return
    if (count <= 1) this.outstanding.delete(key)
    else this.outstanding.set(key, count - 1)
    if (this.outstanding.size === 0) for (const wake of this.waiters) wake()
  }

  async settled(): Promise<void> {
    if (this.outstanding.size === 0) return
    let wake!: () => void
    let timer: NodeJS.Timeout | undefined
    try {
      await new Promise<void>((resolve, reject) => {
        wake = resolve
        this.waiters.add(wake)
        timer = setTimeout(() => reject(new Error(`the bot never finished handling: ${this.describe()}`)), SETTLE_TIMEOUT_MS)
      })
    } finally {
      this.waiters.delete(wake)
      clearTimeout(timer)
    }
  }

  private describe(): string {
    return [...this.outstanding].map(([key, count]) => (count > 1 ? `${key} (x${count})` : key)).join(', ')
  }
}
