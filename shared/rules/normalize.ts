// The compact text: the one form every message, word, phrase and regex is read in.
// NFKC, look-alikes folded (look-alikes.ts), lower case, traditional -> simplified (OpenCC), then only letters and
// digits are kept.
//
// Messages are folded one character cluster (a code point plus any combining marks after it) at a time, so that
// every compact character knows which span of the original text it came from (for highlighting), and so that the
// result of folding each distinct character is computed once and then read from a table: the hot path is a loop of
// table look-ups, not a chain of string conversions.
import { Converter } from 'opencc-js/t2cn'
import { foldLookAlikes } from './look-alikes.ts'

const toSimplified = Converter({ from: 't', to: 'cn' })
const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u
const MARK = /^\p{M}$/u

/** Folds one character cluster: NFKC, look-alikes, lower case, simplified, letters and digits only. */
export function foldCluster(cluster: string): string {
  // Look-alikes before NFKC (which turns lunate ϲ into ς) and after it (𝐕 -> V), then again after the Chinese
  // conversion, which may yield a variant the table folds.
  const nfkc = foldLookAlikes(foldLookAlikes(cluster).normalize('NFKC'))
  const simplified = foldLookAlikes(toSimplified(nfkc.toLowerCase()))
  let kept = ''
  for (const ch of simplified) if (LETTER_OR_DIGIT.test(ch)) kept += ch
  return kept
}

const enum Kind {
  Unknown = 0,
  Drop = 1,
  Single = 2,
  Multi = 3,
  Mark = 4,
  HighSurrogate = 5,
}

// Per BMP code unit: what it folds to. Filled lazily; a chat only ever shows a few thousand distinct characters.
const kinds = new Uint8Array(0x10000)
const singles = new Uint16Array(0x10000)
const multis = new Map<number, string>()
const astral = new Map<number, string>()

function classify(code: number): Kind {
  let kind: Kind
  if (code >= 0xd800 && code <= 0xdbff) kind = Kind.HighSurrogate
  else if (code >= 0xdc00 && code <= 0xdfff) kind = Kind.Drop
  else {
    const ch = String.fromCharCode(code)
    if (MARK.test(ch)) kind = Kind.Mark
    else {
      const folded = foldCluster(ch)
      if (folded.length === 0) kind = Kind.Drop
      else if (folded.length === 1) {
        kind = Kind.Single
        singles[code] = folded.charCodeAt(0)
      } else {
        kind = Kind.Multi
        multis.set(code, folded)
      }
    }
  }
  kinds[code] = kind
  return kind
}

function foldAstral(codePoint: number): string {
  let folded = astral.get(codePoint)
  if (folded === undefined) {
    folded = foldCluster(String.fromCodePoint(codePoint))
    astral.set(codePoint, folded)
  }
  return folded
}

function isMark(code: number): boolean {
  return (kinds[code] || classify(code)) === Kind.Mark
}

/**
 * A reusable output buffer: compact UTF-16 code units, and for each the original [start, end) range.
 * The engine keeps one per compiled set so matching a message allocates nothing.
 */
export class CompactBuffer {
  codes = new Uint16Array(256)
  starts = new Int32Array(256)
  ends = new Int32Array(256)
  length = 0
  /** Characters with combining marks the last fold read as one (rare; their letters are not one-for-one). */
  clusters = 0

  private ensure(extra: number): void {
    const needed = this.length + extra
    if (needed <= this.codes.length) return
    const size = Math.max(needed, this.codes.length * 2)
    const grow = <T extends Uint16Array | Int32Array>(old: T, fresh: T): T => (fresh.set(old), fresh)
    this.codes = grow(this.codes, new Uint16Array(size))
    this.starts = grow(this.starts, new Int32Array(size))
    this.ends = grow(this.ends, new Int32Array(size))
  }

  private pushString(folded: string, start: number, end: number): void {
    this.ensure(folded.length)
    for (let k = 0; k < folded.length; k++) {
      this.codes[this.length] = folded.charCodeAt(k)
      this.starts[this.length] = start
      this.ends[this.length] = end
      this.length++
    }
  }

  /**
   * Folds `text` into this buffer, replacing what it held; `withSpans` false skips the map back (matching only).
   * Room for `text.length` units is reserved up front, but the compact text can be longer than the original (`™` folds
   * to `tm`, `㎡` to `m2`), so every write, the single-unit fast path included, makes sure of its room first.
   */
  fold(text: string, withSpans = true): void {
    this.length = 0
    this.clusters = 0
    this.ensure(text.length)
    const n = text.length
    // Where the last character began, in the text and in the output. A combining mark is rare, so it is not looked
    // for ahead of every character: when one comes, the character before it is folded again with its marks (NFKC
    // may compose them into one letter), replacing what it wrote.
    let baseStart = -1
    let baseOut = 0
    let i = 0
    while (i < n) {
      const code = text.charCodeAt(i)
      const kind = kinds[code] || classify(code)
      if (kind === Kind.Single) {
        baseStart = i
        baseOut = this.length
        if (this.length === this.codes.length) this.ensure(1)
        this.codes[this.length] = singles[code]!
        if (withSpans) {
          this.starts[this.length] = i
          this.ends[this.length] = i + 1
        }
        this.length++
        i++
        continue
      }
      let end = i + 1
      if (kind === Kind.Mark) {
        while (end < n && isMark(text.charCodeAt(end))) end++
        // Marks with no character before them (at the start) are a cluster of their own.
        const start = baseStart >= 0 ? baseStart : i
        if (baseStart >= 0) this.length = baseOut
        this.pushString(foldCluster(text.slice(start, end)), start, end)
        this.clusters++
        baseStart = -1
        i = end
        continue
      }
      baseStart = i
      baseOut = this.length
      if (kind === Kind.Multi) this.pushString(multis.get(code)!, i, end)
      else if (kind === Kind.HighSurrogate && end < n) {
        const low = text.charCodeAt(end)
        if (low >= 0xdc00 && low <= 0xdfff) this.pushString(foldAstral(text.codePointAt(i)!), i, ++end)
      }
      i = end
    }
  }

  text(): string {
    return stringOfCodes(this.codes, this.length)
  }
}

/** codes[0..length) as a string, in chunks (one call with every code would overflow the stack on a long text). */
export function stringOfCodes(codes: Uint16Array, length: number): string {
  let out = ''
  const chunk = 4096
  for (let k = 0; k < length; k += chunk) {
    out += String.fromCharCode.apply(null, codes.subarray(k, Math.min(length, k + chunk)) as unknown as number[])
  }
  return out
}

export interface NormalizedText {
  compact: string
  /** starts[k], ends[k]: the half-open range of the original text that compact character k came from. */
  starts: Int32Array
  ends: Int32Array
}

// One scratch buffer for the one-off calls below: folding is synchronous, and the results are copied out.
const scratch = new CompactBuffer()

export function normalizeText(text: string): NormalizedText {
  const buffer = scratch
  buffer.fold(text)
  return {
    compact: buffer.text(),
    starts: buffer.starts.slice(0, buffer.length),
    ends: buffer.ends.slice(0, buffer.length),
  }
}

/** The compact form alone, for terms and one-off use. */
export function compactText(text: string): string {
  scratch.fold(text, false)
  return scratch.text()
}

/** Traditional -> simplified and look-alikes for Han characters only, leaving everything else (e.g. regex syntax) untouched. */
export function simplifyHan(text: string): string {
  return text.replace(/\p{Script=Han}/gu, (ch) => foldLookAlikes(toSimplified(ch)))
}
