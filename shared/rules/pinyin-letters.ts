// Sounds-like terms reach pinyin typed in Latin letters: ~微信 finds "weixin", "wei xin", "WeiXin" and "wei信".
// The compact text is read again as a stream of sound codes in which each run of Latin letters is cut into pinyin
// syllables, each syllable replaced by the code its characters have (sounds.ts); letters that make no syllable stay
// themselves. Only terms of two syllables or more are looked for in this stream (one syllable, like ~信, would find
// "xin" in any English word), and only on whole syllables: "weixiao" is wei+xiao, so it holds no ~微信. The stream
// is read only when a syllable cut from letters stands next to a code it follows or precedes in some term: a term of
// two syllables or more found through letters must hold such a pair, so nothing is lost, and a message whose letters
// are a brand name or English costs one look-up per piece.
import { PINYIN_SYLLABLES } from './data/pinyin-syllables.ts'
import { codeOfSyllable, soundCode } from './sounds.ts'

const LONGEST_SYLLABLE = 6
/** Typed forms: ü is typed as v (lv, nve) on Chinese keyboards. */
const TYPED = new Map<string, string>(PINYIN_SYLLABLES.map((syllable) => [syllable.replace(/ü/gu, 'v'), syllable]))
/** A letter that makes no syllable costs far more than a syllable, so the cut uses as many letters as it can. */
const STRAY_LETTER_COST = 100

/** Distinct runs of letters remembered; the memory is dropped whole when full (chat vocabulary is small). */
const MAX_CACHED_RUNS = 20_000

const isLatin = (code: number): boolean => code >= 0x61 && code <= 0x7a

/** A run of letters cut into syllables and stray letters. */
interface Cut {
  /** (start, end, code) triples relative to the run, in reading order. */
  pieces: number[]
  /** Whether two pieces next to each other make a pair of some term. */
  inner: boolean
  /** The codes of the first and last piece, to pair with the run's neighbours. */
  first: number
  last: number
}

/** The stream: sound codes, and for each the compact range [start, end) it stands for. Reused message to message. */
export class SyllableStream {
  codes = new Uint16Array(256)
  starts = new Int32Array(256)
  ends = new Int32Array(256)
  length = 0
  private cost = new Int32Array(64)
  private cut = new Int32Array(64)
  /** The Latin runs of the message read last, in reading order: where each starts, and its cut. */
  private readonly runStarts: number[] = []
  private readonly runCuts: Cut[] = []
  /** Cut runs of letters, by runKey. */
  private readonly cuts = new Map<number | string, Cut>()

  /** `pairs`: every (code, next code) pair of the terms looked for in this stream, as code * 65536 + next. */
  constructor(private readonly pairs: ReadonlySet<number>) {}

  private push(code: number, start: number, end: number): void {
    if (this.length === this.codes.length) {
      const size = this.codes.length * 2
      this.codes = grow(this.codes, new Uint16Array(size))
      this.starts = grow(this.starts, new Int32Array(size))
      this.ends = grow(this.ends, new Int32Array(size))
    }
    this.codes[this.length] = code
    this.starts[this.length] = start
    this.ends[this.length] = end
    this.length++
  }

  /**
   * Reads the compact codes; returns false, leaving the stream unread, when its letters make no syllable any term
   * holds (most messages: no letters, or a brand name): the plain sound scan has then found everything.
   */
  read(compact: Uint16Array, length: number): boolean {
    const { runStarts, runCuts, pairs } = this
    runStarts.length = 0
    runCuts.length = 0
    let useful = false // some piece pairs with a neighbour as in a term
    for (let i = 0; i < length; ) {
      if (!isLatin(compact[i]!)) {
        i++
        continue
      }
      let end = i
      while (end < length && isLatin(compact[end]!)) end++
      const cut = this.cutOf(compact, i, end)
      runStarts.push(i)
      runCuts.push(cut)
      if (!useful) {
        useful =
          cut.inner ||
          (i > 0 && pairs.has(soundCode(compact[i - 1]!) * 0x10000 + cut.first)) ||
          (end < length && pairs.has(cut.last * 0x10000 + soundCode(compact[end]!)))
      }
      i = end
    }
    if (!useful) return false
    this.length = 0
    let run = 0
    for (let i = 0; i < length; ) {
      if (run < runStarts.length && runStarts[run] === i) {
        const { pieces } = runCuts[run++]!
        for (let p = 0; p < pieces.length; p += 3) this.push(pieces[p + 2]!, i + pieces[p]!, i + pieces[p + 1]!)
        i += pieces[pieces.length - 2]!
      } else {
        this.push(soundCode(compact[i]!), i, i + 1)
        i++
      }
    }
    return true
  }

  /**
   * The cut of compact[from, to), all Latin letters. Chat repeats its words (brand names, "ok", "baby"): each
   * distinct run is cut once, and a short one is looked up by a number read from its letters, making no string.
   */
  private cutOf(compact: Uint16Array, from: number, to: number): Cut {
    const key = runKey(compact, from, to)
    let cut = this.cuts.get(key)
    if (!cut) {
      if (this.cuts.size >= MAX_CACHED_RUNS) this.cuts.clear()
      const pieces = this.cutRun(String.fromCharCode.apply(null, compact.subarray(from, to) as unknown as number[]))
      let inner = false
      for (let p = 3; p < pieces.length; p += 3) if (this.pairs.has(pieces[p - 1]! * 0x10000 + pieces[p + 2]!)) inner = true
      cut = { pieces, inner, first: pieces[2]!, last: pieces[pieces.length - 1]! }
      this.cuts.set(key, cut)
    }
    return cut
  }

  /** The least-cost cut of a run of letters: pieces (start, end, code) relative to the run, in reading order. */
  private cutRun(letters: string): number[] {
    const n = letters.length
    if (this.cost.length <= n) {
      this.cost = new Int32Array(2 * n + 1)
      this.cut = new Int32Array(2 * n + 1)
    }
    const { cost, cut } = this
    cost[0] = 0
    for (let i = 1; i <= n; i++) {
      cost[i] = cost[i - 1]! + STRAY_LETTER_COST
      cut[i] = -i // negative: a stray letter from i - 1
      for (let size = 1; size <= LONGEST_SYLLABLE && size <= i; size++) {
        if (!TYPED.has(letters.slice(i - size, i))) continue
        const total = cost[i - size]! + 1
        if (total < cost[i]!) {
          cost[i] = total
          cut[i] = i - size
        }
      }
    }
    // Walk the cuts back, then reverse into reading order.
    const backwards: number[] = []
    for (let i = n; i > 0; ) {
      const back = cut[i]!
      const start = back < 0 ? i - 1 : back
      const code = back < 0 ? letters.charCodeAt(start) : codeOfSyllable(TYPED.get(letters.slice(start, i))!)
      backwards.push(start, i, code)
      i = start
    }
    const pieces: number[] = []
    for (let b = backwards.length - 3; b >= 0; b -= 3) pieces.push(backwards[b]!, backwards[b + 1]!, backwards[b + 2]!)
    return pieces
  }
}

/** Runs up to this long are keyed by a number: 27^11 is below 2^53, so every such run has its own. */
const NUMERIC_KEY_LETTERS = 11

/** The cache key of compact[from, to), all a-z: a base-27 number for a short run, the letters for a long one. */
function runKey(compact: Uint16Array, from: number, to: number): number | string {
  if (to - from > NUMERIC_KEY_LETTERS) return String.fromCharCode.apply(null, compact.subarray(from, to) as unknown as number[])
  let key = 0
  for (let i = from; i < to; i++) key = key * 27 + (compact[i]! - 0x60)
  return key
}

function grow<T extends Uint16Array | Int32Array>(old: T, fresh: T): T {
  fresh.set(old)
  return fresh
}
