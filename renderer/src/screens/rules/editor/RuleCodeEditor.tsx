import { useLayoutEffect, useMemo, useRef, type ReactNode } from 'react'
import type { SourcePosition } from '../../../../../shared/rules/types.ts'
import { highlightTokens, type HighlightToken } from './highlight.ts'

interface RuleCodeEditorProps {
  value: string
  onChange: (value: string) => void
  /** Where the expression is wrong, if it is: the token there is underlined. */
  errorAt: SourcePosition | null
  placeholder?: string
  id?: string
}

/**
 * A textarea whose text is transparent, over a coloured copy of the same text: the browser keeps doing all the
 * editing (input methods, undo, selection), and the copy only has to be laid out identically (see .code-editor-layer).
 * The textarea grows with its text instead of scrolling, so the two never drift apart.
 */
export function RuleCodeEditor({ value, onChange, errorAt, placeholder, id }: RuleCodeEditorProps) {
  const input = useRef<HTMLTextAreaElement>(null)
  const tokens = useMemo(() => highlightTokens(value), [value])
  const errorRange = useMemo(() => (errorAt ? errorRangeAt(tokens, errorAt.offset) : null), [tokens, errorAt])

  useLayoutEffect(() => {
    const element = input.current
    if (!element) return
    element.style.height = 'auto'
    element.style.height = `${element.scrollHeight}px`
  }, [value])

  return (
    <div className={`code-editor${errorAt ? ' has-error' : ''}`}>
      <pre className="code-editor-layer code-editor-highlight" aria-hidden="true">
        {renderTokens(value, tokens, errorRange)}
        {errorRange && errorRange.start >= value.length && <span className="tok-error"> </span>}
        {/* A final line break needs something after it to take up its line, as it does in the textarea. */}
        {'\n'}
      </pre>
      <textarea
        ref={input}
        id={id}
        className="code-editor-layer code-editor-input"
        value={value}
        onChange={(event) => onChange(event.target.value)}
        placeholder={placeholder}
        spellCheck={false}
        autoCapitalize="off"
        autoComplete="off"
        aria-invalid={errorAt ? true : undefined}
        data-testid="rule-match-editor"
        rows={4}
      />
    </div>
  )
}

/** The token the error points into, or the character there when that is blank. */
function errorRangeAt(tokens: readonly HighlightToken[], offset: number): { start: number; end: number } {
  const token = tokens.find((candidate) => candidate.start <= offset && offset < candidate.end)
  if (!token) return { start: offset, end: offset + 1 }
  return token.kind === 'space' ? { start: offset, end: offset + 1 } : { start: token.start, end: token.end }
}

function renderTokens(text: string, tokens: readonly HighlightToken[], error: { start: number; end: number } | null): ReactNode[] {
  const parts: ReactNode[] = []
  for (const token of tokens) {
    // Split the token where the error range begins or ends, so only the faulty part is underlined.
    const cuts = [token.start, token.end]
    if (error) for (const edge of [error.start, error.end]) if (edge > token.start && edge < token.end) cuts.push(edge)
    cuts.sort((a, b) => a - b)
    for (let k = 0; k + 1 < cuts.length; k++) {
      const [from, to] = [cuts[k]!, cuts[k + 1]!]
      const faulty = error !== null && from >= error.start && to <= error.end
      const className = [token.kind === 'space' || token.kind === 'word' ? '' : `tok-${token.kind}`, faulty ? 'tok-error' : ''].filter(Boolean).join(' ')
      parts.push(
        className ? (
          <span key={from} className={className}>
            {text.slice(from, to)}
          </span>
        ) : (
          text.slice(from, to)
        ),
      )
    }
  }
  return parts
}
