// Flood: more than N messages a minute from one member in one group, reported once per flood (it is reported again
// once the member has slowed to the limit). Pure state: the caller passes every time in.
const MINUTE_MS = 60_000
/** Bounds memory: idle members are forgotten once this many are tracked. */
const PRUNE_AT = 10_000

export interface FloodFinding {
  perMinute: number
}

export class FloodTracker {
  private readonly recent = new Map<string, number[]>()
  /** Members whose current flood was already reported: one alert per flood, not one per message in it. */
  private readonly reported = new Set<string>()

  record(groupId: string, memberKey: string, at: number, limitPerMinute: number): FloodFinding | null {
    const key = `${groupId}\u0000${memberKey}`
    const times = (this.recent.get(key) ?? []).filter((time) => time > at - MINUTE_MS)
    times.push(at)
    // More than the limit is all that is ever asked, so more than limit + 1 need not be kept.
    if (times.length > limitPerMinute + 1) times.splice(0, times.length - limitPerMinute - 1)
    this.recent.set(key, times)
    if (this.recent.size > PRUNE_AT) this.prune(at)
    if (times.length <= limitPerMinute) {
      this.reported.delete(key)
      return null
    }
    if (this.reported.has(key)) return null
    this.reported.add(key)
    return { perMinute: times.length }
  }

  private prune(now: number): void {
    for (const [key, times] of this.recent) {
      if (times.at(-1)! > now - MINUTE_MS) continue
      this.recent.delete(key)
      this.reported.delete(key)
    }
  }
}
