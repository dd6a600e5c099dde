// Time in the simulated world: it only moves when the scenario says so.

/** 2024-03-01 09:00 Beijing time: a fixed, plausible start so every run prints the same thing. */
export const SIMULATION_START = Date.UTC(2024, 2, 1, 1, 0, 0)

export class VirtualClock {
  private time: number

  constructor(start: number = SIMULATION_START) {
    this.time = start
  }

  readonly now = (): number => this.time

  advance(milliseconds: number): void {
    if (!(milliseconds >= 0)) throw new RangeError(`time only moves forward, not by ${milliseconds} ms`)
    this.time += milliseconds
  }
}
