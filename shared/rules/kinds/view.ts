// The text the kind detectors read: the message one UTF-16 unit for one, so an index in it is an index in the
// message, with each letter or digit folded as the compact text folds it (full-width, look-alikes, lower case,
// simplified) and everything else (spaces, dots, colons, slashes) kept, since links and ids are bounded by them.
// Reading it also counts what each detector needs, so a message that cannot hold a link, a phone number or an id
// (most chat) costs one pass of table look-ups and no string.
import { foldCluster, stringOfCodes } from '../normalize.ts'
import { isPhoneDigit } from './phones.ts'

const DIGIT = 1
const DOT = 2
const LETTER = 4
/** A character every WeChat word of wechat-ids.ts holds one of (信 微 泡 号 x h v). */
const HINT = 8

// Per BMP code unit, what it reads as (0 until first seen), and that code's classes.
const viewOf = new Uint16Array(0x10000)
const classOf = new Uint8Array(0x10000)
const HINTS = new Set([...'信微泡号xhv'].map((ch) => ch.charCodeAt(0)))

function learn(code: number): number {
  let seen = code
  if (code < 0xd800 || code > 0xdfff) {
    const ch = String.fromCharCode(code)
    const folded = foldCluster(ch)
    const plain = ch.normalize('NFKC').toLowerCase()
    if (folded.length === 1) seen = folded.charCodeAt(0)
    else if (folded.length === 0 && plain.length === 1) seen = plain.charCodeAt(0)
  }
  viewOf[code] = seen
  const letter = (seen >= 0x61 && seen <= 0x7a) || (seen >= 0x30 && seen <= 0x39)
  classOf[code] = (isPhoneDigit(seen) ? DIGIT : 0) | (seen === 0x2e ? DOT : 0) | (letter ? LETTER : 0) | (HINTS.has(seen) ? HINT : 0)
  return seen
}

export class DetectionView {
  private codes = new Uint16Array(1024)
  private length = 0
  digits = 0
  dots = 0
  letters = 0
  hints = 0

  read(text: string): this {
    const n = text.length
    if (this.codes.length < n) this.codes = new Uint16Array(Math.max(n, this.codes.length * 2))
    const codes = this.codes
    let digits = 0
    let dots = 0
    let letters = 0
    let hints = 0
    for (let i = 0; i < n; i++) {
      const code = text.charCodeAt(i)
      codes[i] = viewOf[code] || learn(code)
      const classes = classOf[code]!
      if (classes !== 0) {
        if (classes & DIGIT) digits++
        if (classes & DOT) dots++
        if (classes & LETTER) letters++
        if (classes & HINT) hints++
      }
    }
    this.length = n
    this.digits = digits
    this.dots = dots
    this.letters = letters
    this.hints = hints
    return this
  }

  /** The view as a string, as long as the text read. */
  text(): string {
    return stringOfCodes(this.codes, this.length)
  }
}
