// The text the kind detectors read: the message one UTF-16 unit for one, so an index in it is an index in the
// message, with each letter or digit folded as the compact text folds it (full-width, look-alikes, lower case,
// simplified) and everything else (spaces, dots, colons, slashes) kept, since links and ids are bounded by them.
// Only messages the tally (tally.ts) lets through are read this way.
import { foldCluster, stringOfCodes } from '../normalize.ts'

// Per BMP code unit, what it reads as (0 until first seen).
const viewOf = new Uint16Array(0x10000)

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
  return seen
}

export class DetectionView {
  private codes = new Uint16Array(1024)

  /** The view of `text`, as long as the text. */
  of(text: string): string {
    const n = text.length
    if (this.codes.length < n) this.codes = new Uint16Array(Math.max(n, this.codes.length * 2))
    const codes = this.codes
    for (let i = 0; i < n; i++) {
      const code = text.charCodeAt(i)
      codes[i] = viewOf[code] || learn(code)
    }
    return stringOfCodes(codes, n)
  }
}
