// Look-alike folding: a Cyrillic х in "vх", a Greek ο in "qq.cοm", 徽 for 微, each read as the character it imitates.
// The data and its sources are in data/confusables.ts and data/han-look-alikes.ts.
import { LATIN_CONFUSABLES } from './data/confusables.ts'
import { HAN_LOOK_ALIKES } from './data/han-look-alikes.ts'

const FOLDS = new Map<string, string>([
  ...LATIN_CONFUSABLES.map(([code, latin]) => [String.fromCodePoint(code), latin] as const),
  ...HAN_LOOK_ALIKES,
])

/** Every look-alike character of `text` replaced by the one it imitates; everything else left as it is. */
export function foldLookAlikes(text: string): string {
  let out = ''
  for (const ch of text) out += FOLDS.get(ch) ?? ch
  return out
}
