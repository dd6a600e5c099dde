// Near-duplicate signatures: MinHash over character 2-grams of the compact text, with LSH bands so that a new
// message is compared only with earlier ones that share a band. Two texts whose 2-gram sets overlap by Jaccard J
// agree on each of the 32 hash minima with probability J.
import { compactText } from '../rules/normalize.ts'
import { ngramsOfCompact } from './ngrams.ts'

export const SIGNATURE_SIZE = 32
const BAND_ROWS = 4

export interface Signature {
  minima: Uint32Array
  /** One key per band: equal keys make two messages candidates for a comparison. */
  bands: string[]
}

/** FNV-1a of a string, then mixed with the seed (murmur3's finaliser), giving SIGNATURE_SIZE independent-enough hashes. */
function hashString(text: string): number {
  let hash = 0x811c9dc5
  for (let k = 0; k < text.length; k++) {
    hash ^= text.charCodeAt(k)
    hash = Math.imul(hash, 0x01000193)
  }
  return hash >>> 0
}

function mix(value: number, seed: number): number {
  let h = (value ^ Math.imul(seed, 0x9e3779b1)) >>> 0
  h ^= h >>> 16
  h = Math.imul(h, 0x85ebca6b)
  h ^= h >>> 13
  h = Math.imul(h, 0xc2b2ae35)
  h ^= h >>> 16
  return h >>> 0
}

/** The signature of an already compact text; null when it is too short to say anything (under `minChars`). */
export function signatureOfCompact(compact: string, minChars: number): Signature | null {
  if (Array.from(compact).length < minChars) return null
  const shingles = new Set(ngramsOfCompact(compact, [2]))
  const minima = new Uint32Array(SIGNATURE_SIZE).fill(0xffffffff)
  for (const shingle of shingles) {
    const base = hashString(shingle)
    for (let k = 0; k < SIGNATURE_SIZE; k++) {
      const h = mix(base, k + 1)
      if (h < minima[k]!) minima[k] = h
    }
  }
  const bands: string[] = []
  for (let band = 0; band * BAND_ROWS < SIGNATURE_SIZE; band++) {
    bands.push(`${band}:${Array.from(minima.subarray(band * BAND_ROWS, (band + 1) * BAND_ROWS)).join(',')}`)
  }
  return { minima, bands }
}

export function signatureOf(text: string, minChars: number): Signature | null {
  return signatureOfCompact(compactText(text), minChars)
}

/** The estimated Jaccard similarity of two signatures' 2-gram sets. */
export function similarity(a: Signature, b: Signature): number {
  let same = 0
  for (let k = 0; k < SIGNATURE_SIZE; k++) if (a.minima[k] === b.minima[k]) same++
  return same / SIGNATURE_SIZE
}
