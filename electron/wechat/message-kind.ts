// Which rule-language message kind a Wechaty message type is.
import { types } from 'wechaty'
import type { MessageKind } from '../../shared/rules/types.ts'

const KINDS: Partial<Record<types.Message, MessageKind>> = {
  [types.Message.Text]: 'text',
  [types.Message.Audio]: 'voice',
  [types.Message.Url]: 'link',
  [types.Message.MiniProgram]: 'miniprogram',
  [types.Message.Contact]: 'card',
  [types.Message.Image]: 'image',
  [types.Message.Attachment]: 'file',
  [types.Message.Video]: 'video',
}

/**
 * The kind to moderate the message as, or null for types no rule can speak about
 * (stickers, red envelopes, recalls, system notes...), which the guard never sees.
 */
export function messageKindOf(type: types.Message): MessageKind | null {
  return KINDS[type] ?? null
}
