// Kinds a message has because of what it says: a link, a phone number, a WeChat id. Pure, so the command line's
// `check`, the window's live tester and the guard all see the same kinds.
import { findLinks, type LinkFound } from './links.ts'
import { findPhones } from './phones.ts'
import type { Span } from './span.ts'
import { detectionView } from './view.ts'
import { findWechatIds } from './wechat-ids.ts'

export { hostIsIn, type LinkFound } from './links.ts'
export type { Span } from './span.ts'

export interface TextKinds {
  links: LinkFound[]
  phones: Span[]
  wechatIds: Span[]
}

export function detectTextKinds(text: string): TextKinds {
  const view = detectionView(text)
  return { links: findLinks(view), phones: findPhones(view), wechatIds: findWechatIds(view) }
}
