// Long rule work (parsing and compiling thousands of rules) written once, as a generator that yields between small
// units of work, and run by one of two drivers: all at once (the command line, tests, small sets), or in slices that
// give the event loop back between them (the service: a 16,000-rule save must not hold the API and the guard for
// seconds). shared/ stays pure: the sliced driver is handed its clock and its way of yielding by the caller.

/** A computation that may be paused at each `yield`; it returns T. */
export type Staged<T> = Generator<void, T, void>

/** How the sliced driver gives the event loop back: the caller's clock and yield (electron passes setImmediate). */
export interface Slicer {
  /** Milliseconds, any origin (performance.now). */
  now(): number
  /** Resolves once other waiting work has had its turn. */
  pause(): Promise<void>
  /** How long one slice may run before the driver pauses. */
  sliceMs: number
}

/** Runs a staged computation to its end without pausing. */
export function runToEnd<T>(steps: Staged<T>): T {
  for (;;) {
    const step = steps.next()
    if (step.done) return step.value
  }
}

/** Runs a staged computation, pausing whenever a slice has run for `sliceMs`; throws what the computation throws. */
export async function runInSlices<T>(steps: Staged<T>, slicer: Slicer): Promise<T> {
  let sliceStart = slicer.now()
  for (;;) {
    const step = steps.next()
    if (step.done) return step.value
    if (slicer.now() - sliceStart >= slicer.sliceMs) {
      await slicer.pause()
      sliceStart = slicer.now()
    }
  }
}
