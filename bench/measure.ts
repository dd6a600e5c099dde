// Timing: warm up first (so the JIT has compiled the hot loop), then timed passes with process.hrtime.bigint, of
// which the median counts: on a shared machine one pass can lose a second to someone else's build.

export interface Throughput {
  messages: number
  /** Characters of the original messages, whatever form the contender reads: the same yardstick for all. */
  chars: number
  seconds: number
  messagesPerSecond: number
  charsPerSecond: number
  /** What the contender counted (matches or occurrences), to check that the contenders did comparable work. */
  count: number
}

export interface Workload {
  /** How many messages to time, counted from the first. */
  messages: number
  /** Original length of message i. */
  lengthOf(index: number): number
}

const WARM_UP_MESSAGES = 5_000
const TIMED_PASSES = 3

/** Times `run` over messages 0..workload.messages-1 (median of three passes), after warming up on the first ones. */
export function measureThroughput(workload: Workload, run: (index: number) => number): Throughput {
  const warmUp = Math.min(WARM_UP_MESSAGES, workload.messages)
  for (let index = 0; index < warmUp; index++) run(index)

  let count = 0
  const passes: number[] = []
  for (let pass = 0; pass < TIMED_PASSES; pass++) {
    count = 0
    const started = process.hrtime.bigint()
    for (let index = 0; index < workload.messages; index++) count += run(index)
    passes.push(Number(process.hrtime.bigint() - started) / 1e9)
  }
  const seconds = median(passes)

  let chars = 0
  for (let index = 0; index < workload.messages; index++) chars += workload.lengthOf(index)
  return { messages: workload.messages, chars, seconds, messagesPerSecond: workload.messages / seconds, charsPerSecond: chars / seconds, count }
}

/** Median milliseconds of `runs` calls, after one untimed call. */
export function medianMilliseconds(runs: number, task: () => unknown): number {
  task()
  const times: number[] = []
  for (let k = 0; k < runs; k++) {
    const started = process.hrtime.bigint()
    task()
    times.push(Number(process.hrtime.bigint() - started) / 1e6)
  }
  return median(times)
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.floor(sorted.length / 2)]!
}

/** The value below which a `fraction` of the sorted samples fall. */
export function percentile(sorted: readonly number[], fraction: number): number {
  return sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor(fraction * sorted.length))]! : NaN
}

/** The longest gap between 1 ms ticks while `task` ran (and until the next tick after it), in ms. */
export async function longestStallMs(task: () => Promise<unknown>): Promise<number> {
  let last = process.hrtime.bigint()
  let longest = 0
  const ticker = setInterval(() => {
    const now = process.hrtime.bigint()
    longest = Math.max(longest, Number(now - last) / 1e6)
    last = now
  }, 1)
  await task()
  await new Promise((done) => setTimeout(done, 5))
  clearInterval(ticker)
  return longest
}
