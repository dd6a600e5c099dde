import type { ReactNode } from 'react'
import type { TermHit } from '../../../shared/rules/types.ts'

/** The message as written, with the parts that made a rule match marked; overlapping hits are marked once. */
export function HighlightedText({ text, hits, testId }: { text: string; hits: readonly TermHit[]; testId?: string }) {
  const ranges = mergeRanges(hits.filter((hit) => hit.end > hit.start))
  const parts: ReactNode[] = []
  let at = 0
  for (const { start, end, terms } of ranges) {
    if (start > at) parts.push(text.slice(at, start))
    parts.push(
      <mark key={start} className="term-hit" title={terms.join(', ')}>
        {text.slice(start, end)}
      </mark>,
    )
    at = end
  }
  if (at < text.length) parts.push(text.slice(at))
  return (
    <span className="message-text" data-testid={testId}>
      {parts}
    </span>
  )
}

function mergeRanges(hits: readonly TermHit[]): { start: number; end: number; terms: string[] }[] {
  const sorted = [...hits].sort((a, b) => a.start - b.start || b.end - a.end)
  const merged: { start: number; end: number; terms: string[] }[] = []
  for (const hit of sorted) {
    const last = merged[merged.length - 1]
    if (last && hit.start < last.end) {
      last.end = Math.max(last.end, hit.end)
      if (!last.terms.includes(hit.term)) last.terms.push(hit.term)
    } else merged.push({ start: hit.start, end: hit.end, terms: [hit.term] })
  }
  return merged
}
