// Kinds a message has because of what it says: a link, a phone number, a WeChat id. Pure, so the command line's
// `check`, the window's live tester and the guard all see the same kinds.
import { CompactBuffer } from '../normalize.ts'
import { findLinks, type LinkFound } from './links.ts'
import { findPhones } from './phones.ts'
import type { Span } from './span.ts'
import { KindTally } from './tally.ts'
import { DetectionView } from './view.ts'
import { findWechatIds } from './wechat-ids.ts'

export { hostIsIn, type LinkFound } from './links.ts'
export type { Span } from './span.ts'
export { KindTally } from './tally.ts'

export interface TextKinds {
  links: LinkFound[]
  phones: Span[]
  wechatIds: Span[]
}

const NOTHING: TextKinds = Object.freeze({ links: [], phones: [], wechatIds: [] }) as unknown as TextKinds
const view = new DetectionView()
const scratch = { buffer: new CompactBuffer(), tally: new KindTally() }

/**
 * The kinds in `text`. `tally` is its compact text's tally when the caller has folded it already (the engine);
 * without one the text is folded here.
 */
export function detectTextKinds(text: string, tally?: KindTally): TextKinds {
  if (!tally) {
    scratch.buffer.fold(text, false)
    tally = scratch.tally.count(text, scratch.buffer)
  }
  const links = tally.mayHoldLinks()
  const phones = tally.mayHoldPhones()
  const ids = tally.mayHoldWechatIds()
  if (!links && !phones && !ids) return NOTHING
  const seen = view.of(text)
  return { links: links ? findLinks(seen) : [], phones: phones ? findPhones(seen) : [], wechatIds: ids ? findWechatIds(seen) : [] }
}
