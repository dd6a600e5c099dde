// Reads the original wx-bot tool's keyword file: one rule a line, `<pattern>"reply"`.
//
// The line is `<pattern>"reply"`. The old tool's get-pat-ans.js split the pattern on `|` (alternatives), then each
// alternative on `+` (every part must match) or, without a `+`, on `-` (the first part must match, the others must
// not), and handed each part to `new RegExp`. So `|`, `+` and `-` keep that meaning here, and everything else becomes
// a quoted phrase of our language: the old tool's users wrote keywords, not regexes, and a stray `.` or `(` must not
// turn into an operator or a syntax error.
//
// Where the old tool did something harmful, the import refuses the line instead of copying the harm: an empty
// pattern or an empty alternative (`A|`) was a regex matching every message, so every message got the reply.
import type { RuleInput } from './types.ts'
import type { FilePosition, FileProblem } from './files.ts'

export interface WxbotImport {
  rules: RuleInput[]
  /** Lines that could not be read; when there are any, `rules` holds only the lines that could. */
  problems: FileProblem[]
  /** Lines imported with a guess worth checking (no reply, regex characters taken literally). */
  warnings: FileProblem[]
  /** Where in the file a character of rule `index`'s match expression came from (the rule's line when no offset). */
  positionOf(index: number, matchOffset?: number): FilePosition
}

export const WXBOT_RULE_PREFIX = 'wx-bot:'

/** Characters that meant something to the old tool's `new RegExp` but are plain text after the import. */
const REGEX_CHARACTERS = /[\\.*?()[\]{}^$]/gu

interface ImportedLine {
  rule: RuleInput
  line: number
  /** For each UTF-16 unit of `rule.match`, the 1-based file column it stands for. */
  columns: number[]
}

class LineError extends Error {
  constructor(
    message: string,
    readonly column: number,
  ) {
    super(message)
  }
}

export function importWxbotRules(text: string): WxbotImport {
  const imported: ImportedLine[] = []
  const problems: FileProblem[] = []
  const warnings: FileProblem[] = []
  const lines = text.replace(/^\uFEFF/u, '').split(/\r?\n/u)
  lines.forEach((content, lineIndex) => {
    const line = lineIndex + 1
    if (content.trim() === '') return
    const name = `${WXBOT_RULE_PREFIX}${line}`
    try {
      const { pattern, reply } = splitLine(content)
      const { match, columns } = patternToExpression(pattern)
      imported.push({ rule: { name, match, reply, action: 'warn' }, line, columns })
      if (reply === null) warnings.push({ line, column: content.length + 1, rule: name, message: 'no reply text ("...") after the pattern: imported without a reply' })
      const dashes = plainDashColumn(pattern)
      if (dashes !== null) {
        warnings.push({ line, column: dashes, rule: name, message: '- next to + was plain text to the old tool (it reads - only in an alternative without +); imported as plain text' })
      }
      const regexCharacters = [...new Set(pattern.match(REGEX_CHARACTERS))]
      if (regexCharacters.length) {
        warnings.push({
          line,
          column: pattern.search(REGEX_CHARACTERS) + 1,
          rule: name,
          message: `${regexCharacters.join(' ')} had a special meaning in the old tool (regular expression); imported as plain text`,
        })
      }
    } catch (error) {
      if (!(error instanceof LineError)) throw error
      problems.push({ line, column: error.column, rule: name, message: error.message })
    }
  })

  return {
    rules: imported.map((entry) => entry.rule),
    problems,
    warnings,
    positionOf(index, matchOffset) {
      const entry = imported[index]
      if (!entry) throw new RangeError(`no imported rule at index ${index}`)
      if (matchOffset === undefined || entry.columns.length === 0) return { line: entry.line, column: 1 }
      const last = entry.columns.length - 1
      const column = matchOffset > last ? entry.columns[last]! + 1 : entry.columns[Math.max(matchOffset, 0)]!
      return { line: entry.line, column }
    },
  }
}

/** Pattern before the first quote, reply between it and the last quote (inner quotes are part of the reply). */
function splitLine(content: string): { pattern: string; reply: string | null } {
  const body = content.trimEnd()
  const open = body.indexOf('"')
  if (open < 0) return { pattern: body, reply: null }
  const close = body.lastIndexOf('"')
  if (close === open) throw new LineError('the reply\'s opening " has no closing " at the end of the line', open + 1)
  if (close !== body.length - 1) throw new LineError('text after the reply\'s closing "', close + 2)
  const reply = body.slice(open + 1, close)
  return { pattern: body.slice(0, open), reply: reply.trim() === '' ? null : reply }
}

/**
 * A piece of the pattern with the file column where it starts: splitting keeps columns so that errors the engine
 * finds in the generated expression point back at the rep's own text.
 */
interface Piece {
  text: string
  column: number
}

function splitPiece(piece: Piece, separator: string): Piece[] {
  const pieces: Piece[] = []
  let column = piece.column
  for (const text of piece.text.split(separator)) {
    pieces.push({ text, column })
    column += text.length + separator.length
  }
  return pieces
}

/** Builds the expression text and, in step, the file column of each of its characters. */
class ExpressionWriter {
  match = ''
  readonly columns: number[] = []

  write(text: string, column: number): void {
    this.match += text
    for (let k = 0; k < text.length; k++) this.columns.push(column)
  }

  /** A keyword as a quoted phrase, each character mapped to the column it was typed at. */
  literal(piece: Piece): void {
    const leading = piece.text.length - piece.text.trimStart().length
    const keyword = piece.text.trim()
    this.write('"', piece.column + leading)
    for (let k = 0; k < keyword.length; k++) {
      const ch = keyword[k]!
      this.write(ch === '"' || ch === '\\' ? `\\${ch}` : ch, piece.column + leading + k)
    }
    this.write('"', piece.column + leading + keyword.length - 1)
  }
}

/** The pattern is what stands between `<` and `>`; a line written without the brackets is read whole. */
function unbracket(pattern: string): Piece {
  const leading = pattern.length - pattern.trimStart().length
  const trimmed = pattern.trim()
  if (!trimmed.startsWith('<')) return { text: pattern, column: 1 }
  if (!trimmed.endsWith('>') || trimmed.length < 2) throw new LineError('the pattern\'s < has no closing > before the reply', leading + 1)
  return { text: trimmed.slice(1, -1), column: leading + 2 }
}

/**
 * `博彩+网址|高利贷-正规-合法` becomes `("博彩" + "网址") | ("高利贷" - "正规" - "合法")`, as the old tool's
 * get-pat-ans.js read it: `|` first (alternatives), then each alternative on `+` (every part required) or, when it
 * has no `+`, on `-` (the first part required, none of the others).
 */
function patternToExpression(text: string): { match: string; columns: number[] } {
  const pattern = unbracket(text)
  if (pattern.text.trim() === '') throw new LineError('no pattern before the reply (the old tool would have replied to every message)', 1)
  const writer = new ExpressionWriter()
  const alternatives = splitPiece(pattern, '|')
  alternatives.forEach((alternative, a) => {
    requireText(alternative, 'empty alternative next to | (the old tool matched every message with it)')
    if (a > 0) writer.write(' | ', alternative.column - 1)
    writeAlternative(writer, alternative, alternatives.length > 1)
  })
  return { match: writer.match, columns: writer.columns }
}

/** One alternative: parts joined by `+` (all required), or else by `-` (the first required, the others excluded). */
function writeAlternative(writer: ExpressionWriter, alternative: Piece, parenthesise: boolean): void {
  const separator = alternative.text.includes('+') ? '+' : '-'
  const parts = splitPiece(alternative, separator)
  const grouped = parenthesise && parts.length > 1
  if (grouped) writer.write('(', alternative.column)
  parts.forEach((part, p) => {
    requireText(part, p === 0 ? `nothing before ${separator}` : `nothing after ${separator}`)
    if (p > 0) writer.write(` ${separator} `, part.column - 1)
    writer.literal(part)
  })
  if (grouped) writer.write(')', alternative.column + alternative.text.length - 1)
}

/** The column of the first `-` in an alternative that also has `+` (where the old tool read `-` as text), or null. */
function plainDashColumn(pattern: string): number | null {
  let column = 1
  for (const alternative of pattern.split('|')) {
    if (alternative.includes('+') && alternative.includes('-')) return column + alternative.indexOf('-')
    column += alternative.length + 1
  }
  return null
}

function requireText(piece: Piece, message: string): void {
  if (piece.text.trim() === '') throw new LineError(message, piece.column)
}
