// What a WeChat message says, for the rules: its text, and for a shared link its title, description and address,
// for a contact card the name on it, for a mini-program its title and description, so that a card saying "兼职日结"
// or pointing at a shop is judged like a message saying so. Puppets that cannot open a card leave its text alone.
import type { Message } from 'wechaty'
import type { MessageKind } from '../../shared/rules/types.ts'

async function cardParts(message: Message, kind: MessageKind): Promise<string[]> {
  switch (kind) {
    case 'link': {
      const link = await message.toUrlLink()
      return [link.title(), link.description() ?? '', link.url()]
    }
    case 'card':
      return [(await message.toContact()).name()]
    case 'miniprogram': {
      const program = await message.toMiniProgram()
      return [program.title() ?? '', program.description() ?? '']
    }
    default:
      return []
  }
}

export async function messageTextOf(message: Message, kind: MessageKind): Promise<string> {
  const text = message.text()
  let parts: string[]
  try {
    parts = await cardParts(message, kind)
  } catch {
    return text
  }
  const seen = new Set<string>()
  return [text, ...parts]
    .map((part) => part.trim())
    .filter((part) => part !== '' && !seen.has(part) && seen.add(part))
    .join('\n')
}

/** An image's bytes, fetched when asked: most messages never need theirs. */
export function imageBytesOf(message: Message, kind: MessageKind): (() => Promise<Uint8Array>) | undefined {
  if (kind !== 'image') return undefined
  return async () => (await message.toFileBox()).toBuffer()
}
