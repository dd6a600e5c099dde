// The guide's examples: a ```try block holds the expression, a message to test it on, and optionally the kinds of
// the message (`kinds: card qrcode`). Parsed here so the guide stays plain Markdown a rep's trainer can edit.
import { MESSAGE_KINDS, type MessageKind } from '../../../../../shared/rules/types.ts'

export interface GuideExample {
  match: string
  message: string
  kinds: MessageKind[]
}

export function parseExample(block: string): GuideExample | null {
  const [match = '', message = '', kindsLine = ''] = block.replace(/\r\n?/gu, '\n').trim().split('\n')
  if (match.trim() === '') return null
  const kinds = /^kinds:\s*(.*)$/u.exec(kindsLine.trim())?.[1]?.split(/[\s,]+/u) ?? []
  const known = kinds.filter((kind): kind is MessageKind => (MESSAGE_KINDS as readonly string[]).includes(kind))
  return { match: match.trim(), message: message.trim(), kinds: known.length ? known : ['text'] }
}
