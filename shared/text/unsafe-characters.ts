// Characters that must not reach a rule name, a reply or a template: control characters (NUL, ESC and the rest of
// C0 and C1, which can garble a log line or a terminal) and the bidirectional overrides and isolates (U+202A-U+202E,
// U+2066-U+2069), which make a text display in a different order than it is stored, so a rule name or a warning
// could read one way in the window and another in WeChat. Line breaks and tabs are allowed where a text may have
// several lines.
import { z } from 'zod'

const UNSAFE = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/u
const UNSAFE_SINGLE_LINE = /[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/u

export interface UnsafeCharacter {
  /** As U+XXXX, which is how the rep can look it up; the character itself would not show. */
  code: string
  index: number
}

/** The first unsafe character of `text`, or null. `multiline` allows line breaks and tabs. */
export function findUnsafeCharacter(text: string, multiline: boolean): UnsafeCharacter | null {
  const match = (multiline ? UNSAFE : UNSAFE_SINGLE_LINE).exec(text)
  if (!match) return null
  return { code: `U+${match[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`, index: match.index }
}

/** A string of at most `max` characters without unsafe characters, for schemas (templates, names). */
export function safeText(max: number, multiline: boolean) {
  return z
    .string()
    .max(max)
    .superRefine((text, context) => {
      const found = findUnsafeCharacter(text, multiline)
      if (found) context.addIssue({ code: 'custom', message: `contains the invisible control character ${found.code} at position ${found.index + 1}; remove it` })
    })
}
