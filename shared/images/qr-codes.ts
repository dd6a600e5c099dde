// What a decoded QR code is, for the feed: WeChat's own codes by their address (a personal card, a group invite,
// an official account, a payment), else a link, else plain text. Pure, so the window can name them in its language.

export const QR_CODE_KINDS = ['wechat-contact', 'wechat-group', 'wechat-official-account', 'wechat-pay', 'link', 'text'] as const
export type QrCodeKind = (typeof QR_CODE_KINDS)[number]

export interface QrCodeSeen {
  kind: QrCodeKind
  text: string
}

/** Address prefixes of WeChat's codes, scheme and case aside. */
const WECHAT_CODES: readonly [RegExp, QrCodeKind][] = [
  [/^(?:https?:\/\/)?u\.wechat\.com\//iu, 'wechat-contact'],
  [/^(?:https?:\/\/)?weixin\.qq\.com\/g\//iu, 'wechat-group'],
  [/^(?:https?:\/\/)?weixin\.qq\.com\/r\//iu, 'wechat-official-account'],
  [/^wxp:\/\//iu, 'wechat-pay'],
]
const LINK = /^(?:[a-z][a-z0-9+.-]*:\/\/|www\.)\S+$/iu

export function qrCodeKind(text: string): QrCodeKind {
  const trimmed = text.trim()
  for (const [pattern, kind] of WECHAT_CODES) if (pattern.test(trimmed)) return kind
  return LINK.test(trimmed) ? 'link' : 'text'
}

export function describeQrCodes(texts: readonly string[]): QrCodeSeen[] {
  return texts.map((text) => ({ kind: qrCodeKind(text), text }))
}
