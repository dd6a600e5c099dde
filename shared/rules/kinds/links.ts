// Links in what a message says, with or without a scheme: `https://item.taobao.com/x`, `taobao.com/abc`,
// `www.jd.com`. Without a scheme a name counts only when it ends in a top-level domain chat links use, so `3.5`,
// `v2.0` and `node.js` are not links. Read in one pass (no backtracking regex), so no message can stall it.
import type { Span } from './span.ts'

export interface LinkFound extends Span {
  /** Lower case, without a trailing dot. */
  host: string
}

/** Top-level domains seen in chat spam and shop links; a link with a scheme may end in any. */
const KNOWN_TLDS = new Set(
  ('com cn net org top xyz vip cc me io co info biz shop club site online app ltd wang tv hk tw mo asia link live fun ' +
    'icu store tech work pro ink red kim mobi name cloud ren beer love press space website today group cyou fit art')
    .split(' '),
)
const SCHEME = /(?:https?|ftp):\/\/$/u

function isHostChar(code: number): boolean {
  return (code >= 0x61 && code <= 0x7a) || (code >= 0x30 && code <= 0x39) || code === 0x2d || code === 0x2e
}

/** Path, query and fragment: printable ASCII up to the first space or anything else. */
function isPathChar(code: number): boolean {
  return code > 0x20 && code < 0x7f
}

function validHost(host: string, schemed: boolean): boolean {
  const labels = host.split('.')
  if (labels.length < 2) return false
  for (const label of labels) {
    if (label === '' || label.length > 63 || label.startsWith('-') || label.endsWith('-')) return false
  }
  const tld = labels[labels.length - 1]!
  if (schemed) return /^[a-z]{2,}$/u.test(tld) || labels.every((label) => /^\d{1,3}$/u.test(label))
  return KNOWN_TLDS.has(tld)
}

/** The links in `view` (see view.ts), as spans of the message with their host. */
export function findLinks(view: string): LinkFound[] {
  const found: LinkFound[] = []
  if (view.indexOf('.') < 0) return found
  const n = view.length
  let i = 0
  while (i < n) {
    if (!isHostChar(view.charCodeAt(i))) {
      i++
      continue
    }
    const start = i
    while (i < n && isHostChar(view.charCodeAt(i))) i++
    // An address like name@qq.com is a mail address, not a link; trailing dots and dashes end the sentence.
    let end = i
    while (end > start && (view[end - 1] === '.' || view[end - 1] === '-')) end--
    const host = view.slice(start, end)
    const prefix = view.slice(Math.max(0, start - 8), start)
    const schemed = SCHEME.test(prefix)
    if (view[start - 1] === '@' || !validHost(host, schemed)) continue
    let linkEnd = end
    if (end === i && i < n && (view[i] === '/' || view[i] === '?' || view[i] === '#' || view[i] === ':')) {
      while (linkEnd < n && isPathChar(view.charCodeAt(linkEnd))) linkEnd++
      i = linkEnd
    }
    const schemeStart = schemed ? start - (prefix.length - prefix.search(SCHEME)) : start
    found.push({ host, start: schemeStart, end: linkEnd })
  }
  return found
}

/** Whether `host` is `domain` or one of its subdomains: item.taobao.com is taobao.com, nottaobao.com is not. */
export function hostIsIn(host: string, domain: string): boolean {
  return host === domain || (host.length > domain.length && host.endsWith(domain) && host[host.length - domain.length - 1] === '.')
}
