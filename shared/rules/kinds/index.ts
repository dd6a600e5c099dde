// Kinds a message has because of what it says: a link, a phone number, a WeChat id. Pure, so the command line's
// `check`, the window's live tester and the guard all see the same kinds.
import { findLinks, type LinkFound } from './links.ts'
import { findPhones } from './phones.ts'
import type { Span } from './span.ts'
import { DetectionView } from './view.ts'
import { findWechatIds } from './wechat-ids.ts'

export { hostIsIn, type LinkFound } from './links.ts'
export type { Span } from './span.ts'

export interface TextKinds {
  links: LinkFound[]
  phones: Span[]
  wechatIds: Span[]
}

/** Fewest characters each needs: a phone number 11 digits; a link a dot and a name like "jd.cn"; an id 6 letters. */
const PHONE_DIGITS = 11
const LINK_LETTERS = 4
const ID_LETTERS = 6

const NOTHING: TextKinds = Object.freeze({ links: [], phones: [], wechatIds: [] }) as unknown as TextKinds
const view = new DetectionView()

export function detectTextKinds(text: string): TextKinds {
  view.read(text)
  const links = view.dots > 0 && view.letters >= LINK_LETTERS
  const phones = view.digits >= PHONE_DIGITS
  const ids = view.hints > 0 && view.letters >= ID_LETTERS
  if (!links && !phones && !ids) return NOTHING
  const seen = view.text()
  return { links: links ? findLinks(seen) : [], phones: phones ? findPhones(seen) : [], wechatIds: ids ? findWechatIds(seen) : [] }
}
