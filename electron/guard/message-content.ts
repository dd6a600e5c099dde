// What the rules read of a message besides its own text: the QR codes in an image, and (when the rep has switched
// it on) the text Baidu's OCR reads in it. Both join the message's text (so `kind:qrcode & 博彩` works, and a decoded
// address is a link to the engine's kind detectors); an image that cannot be read is recorded for the rep and judged
// on what is left.
import { describeQrCodes, type QrCodeSeen } from '../../shared/images/qr-codes.ts'
import type { MessageKind } from '../../shared/rules/types.ts'
import { BaiduError } from '../baidu/index.ts'
import { ImageError } from '../images/index.ts'
import type { GroupRecord } from '../store/index.ts'
import type { IncomingMessage } from '../wechat/chat-port.ts'
import type { GuardContext } from './guard-context.ts'
import type { KnownMember } from './member-identity.ts'
import { errorText } from '../../shared/text/error-text.ts'

export interface MessageContent {
  text: string
  kinds: MessageKind[]
  /** Goes into a rule hit's event: the codes, named, for the feed. */
  detail: { qr?: QrCodeSeen[] }
}

export async function readMessageContent(context: GuardContext, message: IncomingMessage, group: GroupRecord, member: KnownMember): Promise<MessageContent> {
  const plain: MessageContent = { text: message.text, kinds: [message.kind], detail: {} }
  const { images, imageText, store } = context
  if (message.kind !== 'image' || !message.media || (!images && !imageText)) return plain
  const recordFailure = (detail: Record<string, unknown>): void => {
    store.events.add({ kind: 'image_failed', at: context.clock(), groupId: group.id, memberKey: member.key, memberId: member.id, memberName: member.displayName, messageId: message.id, detail })
  }
  let bytes: Uint8Array
  try {
    bytes = (await message.media()).bytes
  } catch (error) {
    recordFailure({ code: 'image-unreadable', reason: errorText(error) })
    return plain
  }

  let codes: string[] = []
  if (images) {
    try {
      codes = (await images.read(bytes)).map((code) => code.text)
    } catch (error) {
      const failure = error instanceof ImageError ? error : new ImageError('image-unreadable', errorText(error))
      recordFailure({ code: failure.code, reason: failure.detail })
    }
  }
  let lines: string[] = []
  if (imageText && store.settings.get('imageTextRecognition')) {
    try {
      lines = await imageText.read(bytes)
    } catch (error) {
      if (error instanceof BaiduError) recordFailure({ code: 'image-text-failed', baidu: error.code, reason: error.detail })
      else if (error instanceof ImageError) recordFailure({ code: error.code, reason: error.detail })
      else throw error
    }
  }
  if (codes.length === 0 && lines.length === 0) return plain
  const qr = describeQrCodes(codes)
  return {
    text: [message.text, ...codes, ...lines].filter((part) => part.trim() !== '').join('\n'),
    // A decoded address is a link too; the engine finds it in the text and knows its domain.
    kinds: [message.kind, ...(qr.length ? (['qrcode'] as const) : []), ...(qr.some((code) => code.kind !== 'text') ? (['link'] as const) : [])],
    detail: qr.length ? { qr } : {},
  }
}
