// Command-line options with node's own parser; a mistake becomes a usage error that shows the command's usage.
import { parseArgs, type ParseArgsConfig } from 'node:util'
import { CliError } from './io.ts'

type OptionsConfig = NonNullable<ParseArgsConfig['options']>

/** Strict parsing of `argv` with a --help/-h flag added; unknown options and missing values throw CliError. */
export function parseCommandArgs<const Options extends OptionsConfig>(argv: readonly string[], options: Options, usage: string, allowPositionals = false) {
  try {
    return parseArgs({ args: [...argv], options: { ...options, help: { type: 'boolean', short: 'h' } }, allowPositionals, strict: true })
  } catch (error) {
    throw usageError((error as Error).message, usage)
  }
}

export function usageError(message: string, usage: string): CliError {
  return new CliError([`error: ${message}`, '', usage])
}

const RULES_FILE_FORMATS = ['yaml', 'json'] as const

/** The --format of a command that writes a rules file: yaml or json, else a usage error. */
export function rulesFileFormat(value: unknown, usage: string): (typeof RULES_FILE_FORMATS)[number] {
  const format = RULES_FILE_FORMATS.find((name) => name === value)
  if (!format) throw usageError(`--format must be yaml or json, not "${String(value)}"`, usage)
  return format
}
