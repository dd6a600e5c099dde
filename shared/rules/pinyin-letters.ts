// Sounds-like terms reach pinyin typed in Latin letters: ~微信 finds "weixin", "wei xin", "WeiXin" and "wei信".
// The compact text is read again as a stream of sound codes in which each run of Latin letters is cut into pinyin
// syllables, each syllable replaced by the code its characters have (sounds.ts); letters that make no syllable stay
// themselves. Only terms of two syllables or more are looked for in this stream (one syllable, like ~信, would find
// "xin" in any English word), and only on whole syllables: "weixiao" is wei+xiao, so it holds no ~微信.
import { PINYIN_SYLLABLES } from './data/pinyin-syllables.ts'
import { codeOfSyllable, soundCode } from './sounds.ts'

const LONGEST_SYLLABLE = 6
/** Typed forms: ü is typed as v (lv, nve) on Chinese keyboards. */
const TYPED = new Map<string, string>(PINYIN_SYLLABLES.map((syllable) => [syllable.replace(/ü/gu, 'v'), syllable]))
/** A letter that makes no syllable costs far more than a syllable, so the cut uses as many letters as it can. */
const STRAY_LETTER_COST = 100

const isLatin = (code: number): boolean => code >= 0x61 && code <= 0x7a

/** The stream: sound codes, and for each the compact range [start, end) it stands for. Reused message to message. */
export class SyllableStream {
  codes = new Uint16Array(256)
  starts = new Int32Array(256)
  ends = new Int32Array(256)
  length = 0
  private cost = new Int32Array(64)
  private cut = new Int32Array(64)

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

  /** Reads the compact codes; returns false, leaving the stream unread, when they hold no Latin letter (nothing new to find). */
  read(compact: Uint16Array, length: number): boolean {
    let k = 0
    while (k < length && !isLatin(compact[k]!)) k++
    if (k === length) return false
    this.length = 0
    let i = 0
    while (i < length) {
      const code = compact[i]!
      if (!isLatin(code)) {
        this.push(soundCode(code), i, i + 1)
        i++
        continue
      }
      let end = i
      while (end < length && isLatin(compact[end]!)) end++
      this.readLetters(compact, i, end)
      i = end
    }
    return true
  }

  /** Cuts compact[from, to), all Latin letters, into syllables and stray letters, at the least cost. */
  private readLetters(compact: Uint16Array, from: number, to: number): void {
    const n = to - from
    if (this.cost.length <= n) {
      this.cost = new Int32Array(2 * n + 1)
      this.cut = new Int32Array(2 * n + 1)
    }
    const { cost, cut } = this
    const letters = String.fromCharCode.apply(null, compact.subarray(from, to) as unknown as number[])
    cost[0] = 0
    for (let i = 1; i <= n; i++) {
      cost[i] = cost[i - 1]! + STRAY_LETTER_COST
      cut[i] = -(i - 1) - 1 // negative: a stray letter from i - 1
      for (let size = 1; size <= LONGEST_SYLLABLE && size <= i; size++) {
        if (!TYPED.has(letters.slice(i - size, i))) continue
        const total = cost[i - size]! + 1
        if (total < cost[i]!) {
          cost[i] = total
          cut[i] = i - size
        }
      }
    }
    // Walk the cuts back, then push in reading order.
    const pieces: number[] = []
    for (let i = n; i > 0; ) {
      const back = cut[i]!
      const start = back < 0 ? -back - 1 : back
      pieces.push(start, i, back < 0 ? 1 : 0)
      i = start
    }
    for (let p = pieces.length - 3; p >= 0; p -= 3) {
      const start = pieces[p]!
      const end = pieces[p + 1]!
      const code = pieces[p + 2] ? compact[from + start]! : codeOfSyllable(TYPED.get(letters.slice(start, end))!)
      this.push(code, from + start, from + end)
    }
  }
}

function grow<T extends Uint16Array | Int32Array>(old: T, fresh: T): T {
  fresh.set(old)
  return fresh
}
