// Sounds-like matching (~微信 catches 薇信, 威信): each compact character is replaced by one code standing for its
// toneless pinyin syllable, so "the syllables appear consecutively" becomes a plain substring test on a string of the
// same length as the compact text (spans map back for free). Syllables get codes from the Private Use Area, which the
// compact text never contains (private-use characters are not letters). Non-Chinese letters and digits stand for
// themselves, so ~微信 does not match v信.
import { pinyin } from 'pinyin-pro'

const HAN = /^\p{Script=Han}$/u
const FIRST_SYLLABLE_CODE = 0xe000

const soundOf = new Uint16Array(0x10000)
const syllableCodes = new Map<string, number>()

function syllableCode(syllable: string): number {
  let code = syllableCodes.get(syllable)
  if (code === undefined) {
    code = FIRST_SYLLABLE_CODE + syllableCodes.size
    syllableCodes.set(syllable, code)
  }
  return code
}

function lookUp(code: number): number {
  const ch = String.fromCharCode(code)
  let sound = code
  if (HAN.test(ch)) {
    const [syllable] = pinyin(ch, { toneType: 'none', type: 'array' })
    if (syllable && syllable !== ch) sound = syllableCode(syllable)
  }
  soundOf[code] = sound
  return sound
}

/** The code of a toneless syllable as pinyin-pro writes it (xin, lü): the one its characters' sound codes use. */
export function codeOfSyllable(syllable: string): number {
  return syllableCode(syllable)
}

/** Whether a sound code stands for a syllable (a Chinese character's reading), not for a letter or digit itself. */
export function isSyllableCode(code: number): boolean {
  return code >= FIRST_SYLLABLE_CODE && code < FIRST_SYLLABLE_CODE + syllableCodes.size
}

/** The sound code of one compact character. */
export function soundCode(code: number): number {
  return soundOf[code] || lookUp(code)
}

/** The sound string of an already compact text. */
export function soundsOf(compact: string): string {
  let out = ''
  for (let k = 0; k < compact.length; k++) {
    out += String.fromCharCode(soundCode(compact.charCodeAt(k)))
  }
  return out
}
