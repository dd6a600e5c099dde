// What a command may touch: two text streams, and files it is named. Commands take these as arguments so that
// tests run them in-process with string buffers, and the real entry point hands them the process's own.
import { readFile } from 'node:fs/promises'

export interface TextSink {
  write(text: string): unknown
}

export interface CliIo {
  /** Machine-readable results only. */
  stdout: TextSink
  /** Everything meant for a person: errors, warnings, usage. */
  stderr: TextSink
}

/** A failure the user can fix: its lines go to stderr as they are, and the command exits with `exitCode`. */
export class CliError extends Error {
  constructor(
    readonly lines: readonly string[],
    readonly exitCode = 2,
  ) {
    super(lines.join('\n'))
    this.name = 'CliError'
  }
}

const utf8 = new TextDecoder('utf-8', { fatal: true })

/** A file's text as UTF-8 (without byte-order mark); a file that cannot be read or is not UTF-8 is a CliError. */
export async function readTextFile(path: string): Promise<string> {
  let bytes: Uint8Array
  try {
    bytes = await readFile(path)
  } catch (error) {
    throw new CliError([`${path}: error: cannot read the file (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`])
  }
  try {
    return utf8.decode(bytes)
  } catch {
    throw new CliError([`${path}: error: the file is not UTF-8 text; save it as UTF-8 (files from Windows tools are often GBK)`])
  }
}

/** Writes lines in large chunks: one write per line is slow on a pipe when there are 100,000 of them. */
export function writeLines(sink: TextSink, lines: Iterable<string>): void {
  const CHUNK = 1000
  let chunk: string[] = []
  for (const line of lines) {
    chunk.push(line)
    if (chunk.length === CHUNK) {
      sink.write(`${chunk.join('\n')}\n`)
      chunk = []
    }
  }
  if (chunk.length) sink.write(`${chunk.join('\n')}\n`)
}

/** Visits a JSONL file's non-blank lines in order, each parsed as JSON; returns every problem as
 * `FILE:LINE: error: ...`, in line order: a line that is not JSON, or what `visit` reported about a line. */
export async function visitJsonLines(path: string, visit: (value: unknown, problem: (message: string) => void) => void): Promise<string[]> {
  const errors: string[] = []
  ;(await readTextFile(path)).split(/\r?\n/u).forEach((text, index) => {
    if (text.trim() === '') return
    const problem = (message: string): void => void errors.push(`${path}:${index + 1}: error: ${message}`)
    let value: unknown
    try {
      value = JSON.parse(text)
    } catch (error) {
      problem(`not valid JSON (${(error as Error).message})`)
      return
    }
    visit(value, problem)
  })
  return errors
}
