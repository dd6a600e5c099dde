// Whether a message could hold a link, a phone number or a WeChat id at all, decided from its compact text (which
// the engine has folded anyway) before anything else is read: most chat has fewer than 11 digits, no full stop and no
// WeChat word, and costs one tight loop over the compact codes.
//
// The counts are never below what the detectors' view (view.ts) holds: every view letter, digit or WeChat-word
// character is the fold of its code unit, which the compact text holds too. The compact text has no punctuation, so
// links look for a full stop, and ids spelt with few letters for a dash or an underscore, in the message itself.
// Characters with combining marks fold as clusters, not unit for unit, so
// a message with any is always read.
import type { CompactBuffer } from '../normalize.ts'
import { isPhoneDigit } from './phones.ts'

const DIGIT = 1
/** a-z and 0-9: what links and ids are spelt with. */
const LETTER = 2
const LATIN = 4
/** A character every WeChat word of wechat-ids.ts holds one of (信 微 泡 号 x h v). */
const HINT = 8

const CLASSES = new Uint8Array(0x10000)
for (let code = 0; code < 0x10000; code++) if (isPhoneDigit(code)) CLASSES[code] = DIGIT
for (let code = 0x30; code <= 0x39; code++) CLASSES[code]! |= LETTER
for (let code = 0x61; code <= 0x7a; code++) CLASSES[code]! |= LETTER | LATIN
for (const ch of '信微泡号xhv') CLASSES[ch.charCodeAt(0)]! |= HINT

/** Every code unit the view reads as `.`, `-` or `_` (those whose NFKC form it is; a test checks the lists are whole). */
export const VIEW_PUNCTUATION = {
  '.': ['.', '\u2024', '\ufe52', '\uff0e'],
  '-': ['-', '\ufe63', '\uff0d'],
  _: ['_', '\ufe33', '\ufe34', '\ufe4d', '\ufe4e', '\ufe4f', '\uff3f'],
} as const satisfies Record<string, readonly string[]>

/** Fewest characters each needs: a phone number 11 digits; a link a dot and a name like "jd.cn"; an id 6 letters. */
const PHONE_DIGITS = 11
const LINK_LETTERS = 4
const ID_LETTERS = 6

/** What one compact text holds, counted for the kind detectors (and the pinyin reading, which needs Latin letters). */
export class KindTally {
  digits = 0
  letters = 0
  latin = 0
  hints = 0
  clusters = 0
  private text = ''

  /** Counts the compact text of `text` as `buffer`'s last fold of it left it. */
  count(text: string, buffer: CompactBuffer): this {
    const { codes, length } = buffer
    let digits = 0
    let letters = 0
    let latin = 0
    let hints = 0
    for (let k = 0; k < length; k++) {
      const classes = CLASSES[codes[k]!]!
      if (classes === 0) continue
      if (classes & DIGIT) digits++
      if (classes & LETTER) letters++
      if (classes & LATIN) latin++
      if (classes & HINT) hints++
    }
    this.digits = digits
    this.letters = letters
    this.latin = latin
    this.hints = hints
    this.clusters = buffer.clusters
    this.text = text
    return this
  }

  mayHoldLinks(): boolean {
    if (this.clusters > 0) return true
    return this.letters >= LINK_LETTERS && this.holds('.')
  }

  mayHoldPhones(): boolean {
    return this.clusters > 0 || this.digits >= PHONE_DIGITS
  }

  mayHoldWechatIds(): boolean {
    if (this.clusters > 0) return true
    // An id is 6 characters, but `_` and `-` count too: "a-_-0a".
    return this.hints > 0 && (this.letters >= ID_LETTERS || (this.letters > 0 && (this.holds('-') || this.holds('_'))))
  }

  private holds(mark: keyof typeof VIEW_PUNCTUATION): boolean {
    return VIEW_PUNCTUATION[mark].some((form) => this.text.includes(form))
  }
}
