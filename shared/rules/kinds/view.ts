// The text the kind detectors read: the message one UTF-16 unit for one, so an index in it is an index in the
// message, with each letter or digit folded as the compact text folds it (full-width, look-alikes, lower case,
// simplified) and everything else (spaces, dots, colons, slashes) kept, since links and ids are bounded by them.
import { foldCluster } from '../normalize.ts'

// Per BMP code unit, what it reads as; 0 until first seen.
const viewOf = new Uint16Array(0x10000)
const scratch = { codes: new Uint16Array(1024) }

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

/** The detectors' reading of `text`, as long as `text`. */
export function detectionView(text: string): string {
  const n = text.length
  if (scratch.codes.length < n) scratch.codes = new Uint16Array(Math.max(n, scratch.codes.length * 2))
  const codes = scratch.codes
  for (let i = 0; i < n; i++) {
    const code = text.charCodeAt(i)
    codes[i] = viewOf[code] || learn(code)
  }
  let out = ''
  const chunk = 4096
  for (let k = 0; k < n; k += chunk) {
    out += String.fromCharCode.apply(null, codes.subarray(k, Math.min(n, k + chunk)) as unknown as number[])
  }
  return out
}
