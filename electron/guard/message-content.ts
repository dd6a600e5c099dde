// What the rules read of a message besides its own text: the QR codes in an image. The decoded text joins the
// message's text (so `kind:qrcode & 博彩` works, and a decoded address is a link to the engine's kind detectors);
// an image that cannot be read is recorded for the rep and judged on what is left.
import { describeQrCodes, type QrCodeSeen } from '../../shared/images/qr-codes.ts'
import type { MessageKind } from '../../shared/rules/types.ts'
import { ImageError } from '../images/index.ts'
import type { GroupRecord } from '../store/index.ts'
import type { IncomingMessage } from '../wechat/chat-port.ts'
import type { GuardContext } from './guard-context.ts'
import type { KnownMember } from './member-identity.ts'

export interface MessageContent {
  text: string
  kinds: MessageKind[]
  /** Goes into a rule hit's event: the codes, named, for the feed. */
  detail: { qr?: QrCodeSeen[] }
}

export async function readMessageContent(context: GuardContext, message: IncomingMessage, group: GroupRecord, member: KnownMember): Promise<MessageContent> {
  const plain: MessageContent = { text: message.text, kinds: [message.kind], detail: {} }
  if (message.kind !== 'image' || !message.image || !context.images) return plain
  let texts: string[]
  try {
    texts = (await context.images.read(await message.image())).map((code) => code.text)
  } catch (error) {
    const failure = error instanceof ImageError ? error : new ImageError('image-unreadable', error instanceof Error ? error.message : String(error))
    context.store.events.add({
      kind: 'image_failed',
      at: context.clock(),
      groupId: group.id,
      memberKey: member.key,
      memberId: member.id,
      memberName: member.displayName,
      messageId: message.id,
      detail: { code: failure.code, reason: failure.detail },
    })
    return plain
  }
  if (texts.length === 0) return plain
  const qr = describeQrCodes(texts)
  return {
    text: [message.text, ...texts].filter((part) => part.trim() !== '').join('\n'),
    // A decoded address is a link too; the engine finds it in the text and knows its domain.
    kinds: [message.kind, 'qrcode', ...(qr.some((code) => code.kind !== 'text') ? (['link'] as const) : [])],
    detail: { qr },
  }
}
