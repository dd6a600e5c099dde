// Just enough Markdown for the rules guide (headings, paragraphs, lists, tables, code, emphasis), rendered as React
// elements, never as HTML strings: the window's CSP and React's escaping both stay intact.
import type { ReactNode } from 'react'

type Block =
  | { type: 'heading'; level: number; text: string }
  | { type: 'paragraph'; text: string }
  | { type: 'list'; ordered: boolean; items: string[] }
  | { type: 'code'; text: string }
  | { type: 'table'; rows: string[][] }
  | { type: 'rule' }

function parseBlocks(source: string): Block[] {
  const lines = source.replace(/\r\n?/gu, '\n').split('\n')
  const blocks: Block[] = []
  let i = 0
  const collect = (test: (line: string) => boolean): string[] => {
    const taken: string[] = []
    while (i < lines.length && test(lines[i]!)) taken.push(lines[i++]!)
    return taken
  }
  while (i < lines.length) {
    const line = lines[i]!
    const heading = /^(#{1,6})\s+(.*)$/u.exec(line)
    if (line.trim() === '') i++
    else if (/^\s*-{3,}\s*$/u.test(line)) {
      blocks.push({ type: 'rule' })
      i++
    } else if (line.startsWith('```')) {
      i++
      blocks.push({ type: 'code', text: collect((next) => !next.startsWith('```')).join('\n') })
      i++
    } else if (heading) {
      blocks.push({ type: 'heading', level: heading[1]!.length, text: heading[2]! })
      i++
    } else if (line.trimStart().startsWith('|')) {
      const rows = collect((next) => next.trimStart().startsWith('|'))
        .filter((row) => !/^\s*\|[\s:|-]+\|\s*$/u.test(row))
        .map((row) => row.trim().replace(/^\||\|$/gu, '').split(/(?<!\\)\|/u).map((cell) => cell.trim().replace(/\\\|/gu, '|')))
      blocks.push({ type: 'table', rows })
    } else if (/^\s*([-*]|\d+\.)\s/u.test(line)) {
      const ordered = /^\s*\d+\./u.test(line)
      const items: string[] = []
      for (const item of collect((next) => next.trim() !== '' && !next.startsWith('#') && !next.startsWith('```'))) {
        if (/^\s*([-*]|\d+\.)\s/u.test(item)) items.push(item.replace(/^\s*([-*]|\d+\.)\s+/u, ''))
        else items[items.length - 1] += ` ${item.trim()}`
      }
      blocks.push({ type: 'list', ordered, items })
    } else {
      // The first line always belongs to the paragraph (so the loop always moves on), then until the next block.
      const first = lines[i++]!
      const rest = collect((next) => next.trim() !== '' && !/^(#|```|\s*\||\s*([-*]|\d+\.)\s|\s*-{3,}\s*$)/u.test(next))
      const text = [first, ...rest].join(' ')
      blocks.push({ type: 'paragraph', text })
    }
  }
  return blocks
}

/** `code`, **bold** and [links](...) (shown as their text: the guide's links point into the repository). */
function inline(text: string): ReactNode[] {
  const parts: ReactNode[] = []
  const pattern = /`([^`]+)`|\*\*([^*]+)\*\*|\[([^\]]+)\]\([^)]*\)/gu
  let at = 0
  for (const match of text.matchAll(pattern)) {
    if (match.index > at) parts.push(text.slice(at, match.index))
    if (match[1] !== undefined) parts.push(<code key={match.index}>{match[1]}</code>)
    else if (match[2] !== undefined) parts.push(<strong key={match.index}>{match[2]}</strong>)
    else parts.push(match[3])
    at = match.index + match[0].length
  }
  if (at < text.length) parts.push(text.slice(at))
  return parts
}

function renderBlock(block: Block, key: number): ReactNode {
  switch (block.type) {
    case 'heading': {
      const Tag = `h${Math.min(block.level + 1, 6)}` as 'h2'
      return <Tag key={key}>{inline(block.text)}</Tag>
    }
    case 'rule':
      return <hr key={key} />
    case 'paragraph':
      return <p key={key}>{inline(block.text)}</p>
    case 'code':
      return (
        <pre key={key} className="mono">
          {block.text}
        </pre>
      )
    case 'list': {
      const List = block.ordered ? 'ol' : 'ul'
      return (
        <List key={key}>
          {block.items.map((item, k) => (
            <li key={k}>{inline(item)}</li>
          ))}
        </List>
      )
    }
    case 'table': {
      const [head = [], ...body] = block.rows
      return (
        <table key={key}>
          <thead>
            <tr>{head.map((cell, k) => <th key={k}>{inline(cell)}</th>)}</tr>
          </thead>
          <tbody>
            {body.map((row, r) => (
              <tr key={r}>{row.map((cell, k) => <td key={k}>{inline(cell)}</td>)}</tr>
            ))}
          </tbody>
        </table>
      )
    }
  }
}

export function Markdown({ source }: { source: string }) {
  return <div className="markdown">{parseBlocks(source).map(renderBlock)}</div>
}
