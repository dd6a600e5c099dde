// `starter-rules`: prints the rules a new installation starts with, every default filled in, exactly as they are
// saved on first run, so a rep can read them, check them against their own chat, or start their own file from them.
import { formatRulesFile } from '../../shared/rules/files.ts'
import { compileRuleSet } from '../../shared/rules/index.ts'
import { STARTER_RULES } from '../../shared/rules/starter-rules.ts'
import { parseCommandArgs, rulesFileFormat, usageError } from './args.ts'
import type { CliIo } from './io.ts'

export const STARTER_RULES_USAGE = `usage: npm run -s cli -- starter-rules [--format yaml|json] > rules.yaml

  --format            what to write on stdout: yaml (default) or json

Prints the starter rules as a new installation gets them (docs/rules.md explains each).`

export async function runStarterRulesCommand(argv: readonly string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseCommandArgs(argv, { format: { type: 'string', default: 'yaml' } }, STARTER_RULES_USAGE, true)
  if (values.help) {
    io.stdout.write(`${STARTER_RULES_USAGE}\n`)
    return 0
  }
  const format = rulesFileFormat(values.format, STARTER_RULES_USAGE)
  if (positionals.length) throw usageError(`starter-rules takes no file (given: ${positionals.join(' ')})`, STARTER_RULES_USAGE)
  // Compiled as the guard compiles them on first run: the same defaults, and proof that they are valid.
  io.stdout.write(formatRulesFile(compileRuleSet(STARTER_RULES).rules, format))
  return 0
}
