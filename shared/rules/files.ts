// Rules files as text: JSON, YAML or the original wx-bot tool's lines, read into RuleInput[] with a way back from any
// character of a rule's match expression to the file's line and column, so that every error names the rep's own
// line. Pure: the caller reads the file and hands over its text and name.
//
// JSON is YAML 1.2, so one parser (yaml's parseDocument) reads both and gives the source range of every node.
import { Document, isMap, isScalar, LineCounter, parseDocument, Scalar, type Node as YamlNode } from 'yaml'
import { z } from 'zod'
import { importWxbotRules } from './import-wxbot.ts'
import { parseExpression, RuleSyntaxError } from './parse.ts'
import { ruleInputSchema } from './ruleset.ts'
import type { RuleInput, RuleProblem } from './types.ts'

export type RulesFileFormat = 'json' | 'yaml' | 'wxbot'

/** 1-based line and column (in UTF-16 units, as editors count) within a rules file. */
export interface FilePosition {
  line: number
  column: number
}

export interface FileProblem extends FilePosition {
  message: string
  /** For a problem in a rule's expression: what the window translates (see messages.ts). */
  code?: RuleProblem['code']
  params?: RuleProblem['params']
  /** The rule's name, when the problem belongs to a rule that has one. */
  rule?: string
}

export interface RulesFile {
  format: RulesFileFormat
  rules: RuleInput[]
  /** Things worth a look that do not stop the file from loading. */
  warnings: FileProblem[]
  /** Where in the file a character of rule `index`'s match expression is; where the rule starts when no offset. */
  positionOf(index: number, matchOffset?: number): FilePosition
}

export class RulesFileError extends Error {
  constructor(readonly problems: FileProblem[]) {
    super(problems.map((p) => `${p.line}:${p.column}: ${p.rule === undefined ? '' : `rule "${p.rule}": `}${p.message}`).join('\n'))
    this.name = 'RulesFileError'
  }
}

/** The largest rules file read: a thousand times a large real rule pack; a bigger one ran the command line out of memory. */
export const MAX_RULES_FILE_CHARACTERS = 5 * 1024 * 1024

/** Reads a rules file's text; throws RulesFileError listing every problem with its line and column. */
export function parseRulesFile(text: string, fileName: string): RulesFile {
  if (text.length > MAX_RULES_FILE_CHARACTERS) {
    const size = (text.length / 1024 / 1024).toFixed(1)
    throw new RulesFileError([{ line: 1, column: 1, message: `the file has ${size} million characters; a rules file may have at most ${MAX_RULES_FILE_CHARACTERS / 1024 / 1024} million` }])
  }
  const format = detectRulesFileFormat(fileName, text)
  if (format === 'wxbot') {
    const imported = importWxbotRules(text)
    if (imported.problems.length) throw new RulesFileError(imported.problems)
    return { format, rules: imported.rules, warnings: imported.warnings, positionOf: imported.positionOf }
  }
  return { format, ...parseStructuredRules(text) }
}

/** The file's extension decides; content decides only for other names. */
export function detectRulesFileFormat(fileName: string, text: string): RulesFileFormat {
  const extension = /\.[^./\\]+$/u.exec(fileName.toLowerCase())?.[0]
  if (extension === '.json') return 'json'
  if (extension === '.yaml' || extension === '.yml') return 'yaml'
  if (extension === '.txt') return 'wxbot'
  const body = text.replace(/^\uFEFF/u, '').trimStart()
  if (body.startsWith('{') || body.startsWith('[')) return 'json'
  if (body === '' || /^(?:---|#|rules\s*:|\s*-\s)/mu.test(body)) return 'yaml'
  return 'wxbot'
}

/** The inverse of parseRulesFile for JSON and YAML: what the import command writes. */
export function formatRulesFile(rules: readonly RuleInput[], format: 'json' | 'yaml'): string {
  if (format === 'json') return `${JSON.stringify({ rules }, null, 2)}\n`
  return new Document({ rules }).toString({ lineWidth: 0 })
}

/** Turns an engine problem (position within the match expression) into one at the file's line and column. */
export function locateRuleProblem(file: RulesFile, problem: RuleProblem): FileProblem {
  const { rule, message, code, params } = problem
  return { ...file.positionOf(problem.index, problem.position?.offset), rule, message, ...(code ? { code, params } : {}) }
}

// ---- JSON and YAML ----

const fileSchema = z.strictObject({ rules: z.array(z.unknown()) })
const ruleSchema = z.strictObject(ruleInputSchema.shape)
const RULE_FIELDS = Object.keys(ruleInputSchema.shape)

/** What each field must hold, in the words a rep reads in an error. */
const FIELD_EXPECTATIONS: Record<string, string> = {
  name: 'text that is not empty',
  match: 'text (put it in quotes if it looks like a number or true/false)',
  reply: 'text, or null for no reply',
  action: 'one of warn, remove, alert, ignore',
  enabled: 'true or false',
  scope: '"all" or a list of group ids or names',
  dryRun: 'true or false',
}

/** Nesting no rules file needs; deeper input overflows the parser's stack, which must be said plainly instead. */
const TOO_DEEP = 'the file is nested too deeply (lists or mappings inside each other thousands of times); a rules file is a list of rules'

const MAX_FLOW_DEPTH = 200

/** Where brackets ([ {) outside quotes first nest deeper than MAX_FLOW_DEPTH, or -1: found before parsing, cheaply. */
function tooDeepAt(text: string): number {
  let depth = 0
  let quote = ''
  for (let k = 0; k < text.length; k++) {
    const ch = text[k]!
    if (quote) {
      if (ch === '\\' && quote === '"') k++
      else if (ch === quote) quote = ''
    } else if (ch === '"' || ch === "'") quote = ch
    else if (ch === '[' || ch === '{') {
      if (++depth > MAX_FLOW_DEPTH) return k
    } else if (ch === ']' || ch === '}') depth--
  }
  return -1
}

function parseStructuredRules(text: string): Omit<RulesFile, 'format'> {
  const deep = tooDeepAt(text)
  if (deep >= 0) {
    const before = text.slice(0, deep)
    const line = before.split('\n').length
    throw new RulesFileError([{ line, column: deep - before.lastIndexOf('\n'), message: TOO_DEEP }])
  }
  try {
    return parseStructuredRulesUnguarded(text)
  } catch (error) {
    if (error instanceof RangeError) throw new RulesFileError([{ line: 1, column: 1, message: TOO_DEEP }])
    throw error
  }
}

function parseStructuredRulesUnguarded(text: string): Omit<RulesFile, 'format'> {
  const lineCounter = new LineCounter()
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true })
  const at = (offset: number): FilePosition => {
    const { line, col } = lineCounter.linePos(offset)
    return { line, column: col }
  }
  const warnings = doc.warnings.map((warning) => ({ ...at(warning.pos[0]), message: warning.message }))
  // yaml catches its own stack overflow on absurd nesting and reports it as a parse error; say what it means.
  const describeError = (message: string) => (/call stack/i.test(message) ? TOO_DEEP : message)
  if (doc.errors.length) throw new RulesFileError(doc.errors.map((error) => ({ ...at(error.pos[0]), message: describeError(error.message) })))

  let data: unknown
  try {
    data = doc.toJS()
  } catch (error) {
    // yaml refuses alias bombs and the like here, after parsing.
    throw new RulesFileError([{ line: 1, column: 1, message: (error as Error).message }])
  }
  const nodeAt = (path: readonly PropertyKey[]): YamlNode => nearestNode(doc, path)
  const startOf = (node: YamlNode): FilePosition => at(node.range?.[0] ?? 0)
  // An unknown field is shown at its key; anything else at the value, or at the mapping a missing field belongs in.
  const issueAt = (issue: z.core.$ZodIssue, base: readonly PropertyKey[]): FilePosition => {
    const node = nodeAt([...base, ...issue.path])
    return startOf(issue.code === 'unrecognized_keys' ? keyNode(node, issue.keys[0]!) : node)
  }
  const top = fileSchema.safeParse(data)
  if (!top.success) {
    throw new RulesFileError(top.error.issues.map((issue) => ({ ...issueAt(issue, []), message: describeFileIssue(issue) })))
  }

  const problems: FileProblem[] = []
  const rules: RuleInput[] = []
  top.data.rules.forEach((raw, index) => {
    const shape = ruleSchema.safeParse(raw)
    if (shape.success) {
      rules.push(shape.data)
      return
    }
    const name = typeof (raw as { name?: unknown } | null)?.name === 'string' ? (raw as { name: string }).name : undefined
    for (const issue of shape.error.issues) {
      problems.push({ ...issueAt(issue, ['rules', index]), ...(name === undefined ? {} : { rule: name }), message: describeRuleIssue(issue, raw, index) })
    }
  })
  const traces = new Map<number, ScalarTrace>()
  const positionOf = (index: number, matchOffset?: number): FilePosition => {
    if (matchOffset === undefined) return startOf(nodeAt(['rules', index]))
    let trace = traces.get(index)
    if (!trace) {
      // A block scalar's explicit indentation counts from its mapping's column.
      const ruleColumn = startOf(nodeAt(['rules', index])).column - 1
      trace = traceScalar(text, nodeAt(['rules', index, 'match']), ruleColumn)
      traces.set(index, trace)
    }
    return at(trace.sourceOffset(matchOffset))
  }
  if (problems.length) {
    // Every expression is checked too, so that one bad field does not hide the faults of the others.
    top.data.rules.forEach((raw, index) => {
      const { name, match } = (raw ?? {}) as { name?: unknown; match?: unknown }
      if (typeof match !== 'string') return
      try {
        parseExpression(match)
      } catch (error) {
        if (!(error instanceof RuleSyntaxError)) throw error
        const rule = typeof name === 'string' ? { rule: name } : {}
        problems.push({ ...positionOf(index, error.position.offset), ...rule, message: error.message, code: error.code, params: error.params })
      }
    })
    throw new RulesFileError(problems.sort((a, b) => a.line - b.line || a.column - b.column))
  }
  return { rules, warnings, positionOf }
}

/** The node at `path`, or its nearest ancestor that exists (a missing field is reported at its rule). */
function nearestNode(doc: Document.Parsed, path: readonly PropertyKey[]): YamlNode {
  for (let length = path.length; length > 0; length--) {
    const node: unknown = doc.getIn(path.slice(0, length), true)
    if (node && typeof node === 'object' && 'range' in node) return node as YamlNode
  }
  return doc.contents ?? new Scalar(null)
}

function keyNode(map: YamlNode, key: string): YamlNode {
  if (!isMap(map)) return map
  const pair = map.items.find((item) => isScalar(item.key) && item.key.value === key)
  return pair && isScalar(pair.key) ? pair.key : map
}

function fieldList(keys: readonly string[]): string {
  return `${keys.length === 1 ? 'field' : 'fields'} ${keys.map((key) => `"${key}"`).join(', ')}`
}

function describeFileIssue(issue: z.core.$ZodIssue): string {
  if (issue.code === 'unrecognized_keys') return `unknown top-level ${fieldList(issue.keys)}: a rules file holds only "rules"`
  if (issue.path.length === 0) return 'expected a mapping with a "rules" list at the top of the file'
  return '"rules" must be a list of rules'
}

function describeRuleIssue(issue: z.core.$ZodIssue, raw: unknown, index: number): string {
  if (issue.path.length === 0) {
    if (issue.code === 'unrecognized_keys') return `unknown ${fieldList(issue.keys)}: a rule has ${RULE_FIELDS.join(', ')}`
    return `rule ${index + 1} must be a mapping of ${RULE_FIELDS.join(', ')}`
  }
  const field = String(issue.path[0])
  if (!Object.hasOwn(raw as object, field)) return `missing "${field}"`
  return `"${field}" must be ${FIELD_EXPECTATIONS[field] ?? issue.message}`
}

// ---- From a character of a decoded scalar back to the file ----
//
// A YAML or JSON string's value is not its source: quotes, escapes (\" \u8d4c), doubled '' and the folding of line
// breaks all shift offsets. Each scalar style is decoded here once more, recording for every value character the
// source offset it came from; the result is trusted only when it equals the parser's own value, and otherwise every
// offset falls back to where the value starts, which is still the right line.

interface ScalarTrace {
  sourceOffset(valueOffset: number): number
}

function traceScalar(source: string, node: YamlNode, parentIndent: number): ScalarTrace {
  const [start, end] = node.range!
  const traced = isScalar(node) && typeof node.value === 'string' ? decodeScalar(source, node as Scalar<string>, parentIndent) : null
  if (!traced || traced.value !== (node as Scalar).value) {
    const contentStart = isScalar(node) && (node.type === 'QUOTE_DOUBLE' || node.type === 'QUOTE_SINGLE') ? start + 1 : start
    return { sourceOffset: () => Math.min(contentStart, end) }
  }
  const { offsets } = traced
  return { sourceOffset: (valueOffset) => offsets[Math.min(Math.max(valueOffset, 0), offsets.length - 1)]! }
}

/** A decoded value and, for each of its UTF-16 units plus one past the end, the source offset it came from. */
class TracedValue {
  value = ''
  readonly offsets: number[] = []

  push(text: string, offset: number): void {
    this.value += text
    for (let k = 0; k < text.length; k++) this.offsets.push(offset)
  }

  dropLast(count: number): void {
    if (count === 0) return
    this.value = this.value.slice(0, -count)
    this.offsets.length -= count
  }

  finish(endOffset: number): this {
    this.offsets.push(endOffset)
    return this
  }
}

function decodeScalar(source: string, node: Scalar<string>, parentIndent: number): TracedValue | null {
  const [start, end] = node.range!
  switch (node.type) {
    case 'PLAIN':
      return decodeFlow(source, start, end, 'plain')
    case 'QUOTE_SINGLE':
      return decodeFlow(source, start + 1, end - 1, 'single')
    case 'QUOTE_DOUBLE':
      return decodeFlow(source, start + 1, end - 1, 'double')
    case 'BLOCK_LITERAL':
    case 'BLOCK_FOLDED':
      return decodeBlock(source, start, end, node.type === 'BLOCK_FOLDED', parentIndent)
    default:
      return null
  }
}

const isBreak = (ch: string | undefined): boolean => ch === '\n' || ch === '\r'
const isBlank = (ch: string | undefined): boolean => ch === ' ' || ch === '\t'

/** Plain and quoted scalars: escapes, '' and line folding (a break becomes a space, n empty lines n newlines). */
function decodeFlow(source: string, start: number, end: number, style: 'plain' | 'single' | 'double'): TracedValue | null {
  const out = new TracedValue()
  let trailingBlanks = 0
  let i = start
  while (i < end) {
    const ch = source[i]!
    if (isBreak(ch)) {
      out.dropLast(trailingBlanks)
      trailingBlanks = 0
      const breakAt = i
      let breaks = 0
      while (i < end && (isBreak(source[i]) || isBlank(source[i]))) if (source[i++] === '\n') breaks++
      out.push(breaks <= 1 ? ' ' : '\n'.repeat(breaks - 1), breakAt)
    } else if (style === 'single' && ch === "'" && source[i + 1] === "'") {
      out.push("'", i)
      trailingBlanks = 0
      i += 2
    } else if (style === 'double' && ch === '\\') {
      if (isBreak(source[i + 1])) {
        // An escaped line break joins the lines with nothing between them.
        i++
        while (i < end && (isBreak(source[i]) || isBlank(source[i]))) i++
      } else {
        const escape = decodeEscape(source, i)
        if (!escape) return null
        out.push(escape.text, i)
        i += escape.length
      }
      trailingBlanks = 0
    } else {
      out.push(ch, i)
      trailingBlanks = isBlank(ch) ? trailingBlanks + 1 : 0
      i++
    }
  }
  return out.finish(end)
}

const SIMPLE_ESCAPES: Record<string, string> = {
  '0': '\0', a: '\x07', b: '\b', t: '\t', '\t': '\t', n: '\n', v: '\v', f: '\f', r: '\r', e: '\x1b', ' ': ' ',
  '"': '"', '/': '/', '\\': '\\', N: '\x85', _: '\xa0', L: '\u2028', P: '\u2029',
}
const HEX_ESCAPE_LENGTHS: Record<string, number> = { x: 2, u: 4, U: 8 }

function decodeEscape(source: string, at: number): { text: string; length: number } | null {
  const letter = source[at + 1]
  if (letter === undefined) return null
  const simple = SIMPLE_ESCAPES[letter]
  if (simple !== undefined) return { text: simple, length: 2 }
  const digits = HEX_ESCAPE_LENGTHS[letter]
  if (digits === undefined) return null
  const hex = source.slice(at + 2, at + 2 + digits)
  if (!/^[0-9a-fA-F]+$/u.test(hex) || hex.length !== digits) return null
  return { text: String.fromCodePoint(Number.parseInt(hex, 16)), length: 2 + digits }
}

/**
 * `|` keeps line breaks, `>` folds them like flow scalars except around more-indented lines; both drop the block's
 * indentation, which is the first line's unless the header gives it (`|2-`, relative to the parent's indentation).
 */
function decodeBlock(source: string, start: number, end: number, folded: boolean, parentIndent: number): TracedValue | null {
  const headerEnd = source.indexOf('\n', start)
  if (headerEnd < 0 || headerEnd >= end) return new TracedValue().finish(end)
  const header = /^[|>](?:([1-9])([+-]?)|([+-]?)([1-9]?))(?:\s|#|$)/u.exec(source.slice(start, headerEnd))
  if (!header) return null
  const chomping = header[2] || header[3]
  const explicitIndent = header[1] || header[4]

  const lines: { offset: number; text: string }[] = []
  for (let lineStart = headerEnd + 1; lineStart < end; ) {
    const newline = source.indexOf('\n', lineStart)
    const lineEnd = newline < 0 || newline > end ? end : newline
    lines.push({ offset: lineStart, text: source.slice(lineStart, lineEnd).replace(/\r$/u, '') })
    lineStart = lineEnd + 1
  }
  // Only spaces indent a block; a tab is content.
  const isEmpty = (text: string): boolean => /^ *$/u.test(text)
  const firstContent = lines.find((line) => !isEmpty(line.text))
  const indent = explicitIndent
    ? parentIndent + Number(explicitIndent)
    : firstContent
      ? /^ */u.exec(firstContent.text)![0].length
      : Number.POSITIVE_INFINITY

  // Each line break is traced to the end of the line it ends.
  const out = new TracedValue()
  const breakOf = (line: { offset: number; text: string }): number => line.offset + line.text.length
  let emptyLineBreaks: number[] = []
  let previous: { kind: 'normal' | 'indented'; lineBreak: number } | null = null
  for (const line of lines) {
    if (isEmpty(line.text) && line.text.length <= indent) {
      emptyLineBreaks.push(breakOf(line))
      continue
    }
    const kind = isBlank(line.text[indent]) ? 'indented' : 'normal'
    if (previous && folded && previous.kind === 'normal' && kind === 'normal' && emptyLineBreaks.length === 0) out.push(' ', previous.lineBreak)
    else if (previous && !(folded && previous.kind === 'normal' && kind === 'normal')) out.push('\n', previous.lineBreak)
    for (const lineBreak of emptyLineBreaks) out.push('\n', lineBreak)
    for (let k = indent; k < line.text.length; k++) out.push(line.text[k]!, line.offset + k)
    previous = { kind, lineBreak: breakOf(line) }
    emptyLineBreaks = []
  }
  // Chomping: '-' drops the final line break, '+' keeps it and the trailing empty lines, the default keeps it alone.
  if (previous && chomping !== '-') out.push('\n', previous.lineBreak)
  if (chomping === '+') for (const lineBreak of emptyLineBreaks) out.push('\n', lineBreak)
  return out.finish(end)
}
