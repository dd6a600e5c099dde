// Mainland mobile numbers (11 digits, 1[3-9]...) however they are written: spaced, dashed or dotted, after +86 or
// 0086, in full-width or circled digits, in Chinese numerals (一二三, 壹贰叁, 幺 for 1, 两 for 2). The digits are read
// in groups (unbroken runs) joined by a few separators; a phone number is whole groups adding up to the number, so an
// 11-digit stretch inside an order or tracking number (a longer unbroken run) is not one.
import type { Span } from './span.ts'

const CHINESE_DIGITS: Record<string, number> = {
  零: 0, 〇: 0, 一: 1, 壹: 1, 幺: 1, 二: 2, 贰: 2, 两: 2, 三: 3, 叁: 3, 四: 4, 肆: 4,
  五: 5, 伍: 5, 六: 6, 陆: 6, 七: 7, 柒: 7, 八: 8, 捌: 8, 九: 9, 玖: 9,
}
/** Circled and parenthesised digits that NFKC leaves alone: ❶-❾, ➀-➈, ➊-➒, ⓵-⓽. */
const DINGBAT_ONES = [0x2776, 0x2780, 0x278a, 0x24f5]
/** Characters that may stand between the digits of one number (the view has folded full-width forms already). */
const SEPARATORS = ' \t\u00a0\u3000-_.·/()+\u2010\u2011\u2012\u2013\u2014\u2015\u200b\u200c\u200d\u2060\ufeff'
/** More separators than this in a row end the number. */
const MAX_GAP = 3

const OTHER = -1
const SEPARATOR = 10
/** Per view code unit: its digit, SEPARATOR, or OTHER. */
const CLASS = new Int8Array(0x10000).fill(OTHER)
for (let d = 0; d <= 9; d++) CLASS[0x30 + d] = d
for (const [ch, digit] of Object.entries(CHINESE_DIGITS)) CLASS[ch.charCodeAt(0)] = digit
for (const one of DINGBAT_ONES) for (let d = 0; d < 9; d++) CLASS[one + d] = d + 1
for (const ch of SEPARATORS) CLASS[ch.charCodeAt(0)] = SEPARATOR

/** Whether a view code unit is a digit as phone numbers are written (0-9, Chinese numerals, dingbat digits). */
export function isPhoneDigit(code: number): boolean {
  const kind = CLASS[code]!
  return kind >= 0 && kind < SEPARATOR
}

interface Group {
  digits: string
  start: number
  end: number
}

function isPhone(digits: string): boolean {
  if (digits.length === 13 && digits.startsWith('86')) digits = digits.slice(2)
  else if (digits.length === 15 && digits.startsWith('0086')) digits = digits.slice(4)
  return digits.length === 11 && digits[0] === '1' && digits.charCodeAt(1) >= 0x33 && digits.charCodeAt(1) <= 0x39
}

/** Whole consecutive groups that make a phone number, each found once, left to right. */
function phonesIn(groups: readonly Group[], out: Span[]): void {
  let i = 0
  while (i < groups.length) {
    let digits = ''
    let found = -1
    for (let j = i; j < groups.length && digits.length < 15; j++) {
      digits += groups[j]!.digits
      if (isPhone(digits)) found = j
    }
    if (found < 0) i++
    else {
      out.push({ start: groups[i]!.start, end: groups[found]!.end })
      i = found + 1
    }
  }
}

/** Where the phone numbers are in `view` (see view.ts), as spans of the message. */
export function findPhones(view: string): Span[] {
  const found: Span[] = []
  const n = view.length
  let i = 0
  while (i < n) {
    // One stretch of digit groups joined by a few separators, counted without making strings: a phone number lies
    // within one, and most stretches (一下, 3件, a price) hold far fewer than 11 digits.
    let digits = 0
    let gap = 0
    let start = i
    let end = i
    for (; i < n; i++) {
      const kind = CLASS[view.charCodeAt(i)]!
      if (kind >= 0 && kind < SEPARATOR) {
        if (digits++ === 0) start = i
        gap = 0
        end = i + 1
      } else if (kind !== SEPARATOR || ++gap > MAX_GAP) {
        i++
        break
      }
    }
    if (digits >= 11) phonesIn(groupsOf(view, start, end), found)
  }
  return found
}

/** The unbroken runs of digits in view[start, end). */
function groupsOf(view: string, start: number, end: number): Group[] {
  const groups: Group[] = []
  let i = start
  while (i < end) {
    if (!isPhoneDigit(view.charCodeAt(i))) {
      i++
      continue
    }
    const from = i
    let digits = ''
    for (; i < end && isPhoneDigit(view.charCodeAt(i)); i++) digits += String.fromCharCode(0x30 + CLASS[view.charCodeAt(i)]!)
    groups.push({ digits, start: from, end: i })
  }
  return groups
}
