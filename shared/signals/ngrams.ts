// Character n-grams of a message's compact text (the rule engine's normal form: NFKC, lower case, simplified, letters
// and digits only), so that spaces, emoji, full-width letters and traditional characters are folded before the
// classifier or the near-duplicate signatures ever see them.
import { compactText } from '../rules/normalize.ts'

/** 1- to 3-grams: single characters carry the vocabulary, pairs and triples the phrasing. */
export const NGRAM_ORDERS = [1, 2, 3] as const

/** Longer messages add little: their n-grams past this many characters are not counted (bounds scoring time). */
export const MAX_COMPACT_CHARS = 400

/** Every n-gram of orders 1..3 of an already compact string, repeats included, in reading order. */
export function ngramsOfCompact(compact: string, orders: readonly number[] = NGRAM_ORDERS): string[] {
  const grams: string[] = []
  // Runs for every message the guard sees. Text without characters outside the BMP (nearly all chat, once emoji
  // are folded away) is sliced directly; otherwise by code point.
  // (No u flag: it must see the surrogate code units themselves.)
  if (!/[\uD800-\uDFFF]/.test(compact)) {
    const text = compact.slice(0, MAX_COMPACT_CHARS)
    for (const order of orders) for (let k = 0; k + order <= text.length; k++) grams.push(text.slice(k, k + order))
    return grams
  }
  const chars = Array.from(compact).slice(0, MAX_COMPACT_CHARS)
  for (const order of orders) {
    for (let k = 0; k + order <= chars.length; k++) {
      let gram = chars[k]!
      for (let j = 1; j < order; j++) gram += chars[k + j]!
      grams.push(gram)
    }
  }
  return grams
}

/** The classifier's features of a raw message text. */
export function featuresOf(text: string): string[] {
  return ngramsOfCompact(compactText(text))
}
