// Stops calling a service that keeps failing, and lets one trial call through once a pause has passed: the
// breaker closes again by itself when the service answers, without anyone resetting it.

export type BreakerState = 'closed' | 'open' | 'half-open'

export interface BreakerOptions {
  /** Consecutive failures that open the breaker. */
  threshold: number
  /** How long it stays open before a trial call may go through. */
  openMs: number
  clock: () => number
}

export class CircuitBreaker {
  private failures = 0
  private openedAt: number | null = null
  private trialInFlight = false

  constructor(private readonly options: BreakerOptions) {}

  state(): BreakerState {
    if (this.openedAt === null) return 'closed'
    return this.options.clock() - this.openedAt >= this.options.openMs ? 'half-open' : 'open'
  }

  /** When an open breaker lets a trial through, or null when it is not open. */
  reopensAt(): number | null {
    return this.openedAt === null ? null : this.openedAt + this.options.openMs
  }

  /** Whether a call may go out now; in half-open state only one trial at a time. */
  allow(): boolean {
    const state = this.state()
    if (state === 'closed') return true
    if (state === 'open' || this.trialInFlight) return false
    this.trialInFlight = true
    return true
  }

  succeeded(): void {
    this.failures = 0
    this.openedAt = null
    this.trialInFlight = false
  }

  failed(): void {
    this.failures++
    const wasTrial = this.trialInFlight
    this.trialInFlight = false
    if (wasTrial || this.failures >= this.options.threshold) this.openedAt = this.options.clock()
  }

  /** A call that ended without judging the service (e.g. our own bad input): frees a trial slot, changes nothing else. */
  released(): void {
    this.trialInFlight = false
  }
}
