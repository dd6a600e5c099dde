// `import`: turns the old wx-bot tool's .txt (or any rules file) into a checked YAML or JSON rules file on stdout.
import { formatRulesFile } from '../../shared/rules/files.ts'
import { parseCommandArgs, rulesFileFormat, usageError } from './args.ts'
import type { CliIo } from './io.ts'
import { loadRules } from './load-rules.ts'

export const IMPORT_USAGE = `usage: npm run -s cli -- import FILE [--format yaml|json] > rules.yaml

  FILE                the old wx-bot tool's keyword file (.txt: <pattern>"reply" a line), or any rules file
  --format            what to write on stdout: yaml (default) or json

Every rule is checked as \`check\` would; a line that cannot be imported is reported as FILE:LINE:COLUMN: error:
on stderr and nothing is written. Lines imported with a guess (no reply, regex characters) get a warning.`

export async function runImportCommand(argv: readonly string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseCommandArgs(argv, { format: { type: 'string', default: 'yaml' } }, IMPORT_USAGE, true)
  if (values.help) {
    io.stdout.write(`${IMPORT_USAGE}\n`)
    return 0
  }
  const format = rulesFileFormat(values.format, IMPORT_USAGE)
  const [path, ...extra] = positionals
  if (path === undefined) throw usageError('name the file to import', IMPORT_USAGE)
  if (extra.length) throw usageError(`one file at a time (also given: ${extra.join(' ')})`, IMPORT_USAGE)

  const { file } = await loadRules(path, io)
  io.stdout.write(formatRulesFile(file.rules, format))
  return 0
}
