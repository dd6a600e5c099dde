// Latin look-alikes from Unicode's confusables data (UTS #39, confusables.txt, as the unhomoglyph package ships it
// in data.json): every letter of another script (Cyrillic, Greek, Armenian, Cherokee, Lisu...) or a Latin extension
// whose prototype there is one basic Latin letter, so that a Cyrillic х in "vх" or a Greek ο in "qq.cοm" reads as
// the Latin letter. Each entry is the look-alike's code point and the letter it folds to (any case: the compact text
// lowers it afterwards).
//
// Left out on purpose:
// - anything that is not a letter, so the digit/letter pairs of the same table (0 -> O, 1 -> l, 〇 -> O) never turn
//   phone numbers and ids into words;
// - basic Latin itself (I -> l), Chinese, Japanese and Korean characters, and what NFKC already folds to the same
//   letter (full-width and mathematical letters);
// - letters whose prototype is not a basic Latin letter (Cyrillic в -> ʙ, Greek ε -> ɛ).
import CONFUSABLES from 'unhomoglyph/data.json' with { type: 'json' }

/** What spammers type for a Latin letter that confusables.txt gives another prototype (κ -> ĸ) or none (χ, ȷ). */
const CHAT_LOOK_ALIKES: readonly (readonly [number, string])[] = [
  [0x03ba, 'k'], // κ
  [0x03c7, 'x'], // χ
  [0x0237, 'j'], // ȷ dotless j
]

const BASIC_LATIN_LETTER = /^[A-Za-z]$/u
const LETTER = /^\p{L}$/u
const EAST_ASIAN = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}\p{Script=Bopomofo}]/u

function fromConfusables(): [number, string][] {
  const table = CONFUSABLES as Record<string, string>
  const entries: [number, string][] = []
  for (const source of Object.keys(table)) {
    // confusables.txt folds capital I and its look-alikes to l; chat reads them as i, so a capital whose small
    // letter folds to i does too (Greek Ι, since ι is i).
    const lowerPrototype = table[source.toLowerCase()]
    const prototype = table[source] === 'l' && lowerPrototype === 'i' ? 'i' : table[source]!
    if (!BASIC_LATIN_LETTER.test(prototype) || !LETTER.test(source) || source.charCodeAt(0) < 0x80 || EAST_ASIAN.test(source)) continue
    if (source.normalize('NFKC').toLowerCase() === prototype.toLowerCase()) continue
    entries.push([source.codePointAt(0)!, prototype])
  }
  return entries
}

export const LATIN_CONFUSABLES: readonly (readonly [number, string])[] = [...fromConfusables(), ...CHAT_LOOK_ALIKES]
