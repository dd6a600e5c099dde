// WeChat ids offered in text: 6 to 20 letters, digits, _ or -, starting with a letter (WeChat's own rule for ids),
// right after a WeChat word (微信, 微信号, vx, wx, v信, 薇信, 威信...) with at most a few spaces, colons or 号/是 between.
// Run on the detection view, so full-width letters and look-alikes (Cyrillic х in vх, 徽信) are already folded.
import type { Span } from './span.ts'

const WECHAT_WORDS = ['微信号', '微信', '威信', '薇信', '维信', '伟信', '卫信', 'v信', 'vx号', 'vx', 'wx号', 'wx', 'weixin', 'wechat', '绿泡泡', '加微', 'v号']
/** The Latin words must stand alone: not the end of a longer word ("lvx", "twx"). */
const ID = String.raw`[a-z][a-z0-9_-]{5,19}(?![a-z0-9_-])`
const PATTERN = new RegExp(
  String.raw`(?:(?<![a-z0-9_-])(?:${WECHAT_WORDS.filter((word) => /^[a-z]/u.test(word)).join('|')})|${WECHAT_WORDS.filter((word) => !/^[a-z]/u.test(word)).join('|')}|(?<![a-z0-9_-])v(?=[ :：]))[\s:：=号是为]{0,6}(${ID})`,
  'gu',
)

/** Where the offered ids are in `view` (see view.ts): the id itself, as a span of the message. */
export function findWechatIds(view: string): Span[] {
  const found: Span[] = []
  for (const match of view.matchAll(PATTERN)) {
    const id = match[1]!
    const end = match.index + match[0].length
    found.push({ start: end - id.length, end })
  }
  return found
}
