// From a rules file's name to a compiled rule set, or to every problem in the file at its line and column.
import { locateRuleProblem, parseRulesFile, RulesFileError, type RulesFile } from '../../shared/rules/files.ts'
import { compileRuleSet, RuleSetError, type CompiledRuleSet } from '../../shared/rules/index.ts'
import { formatDiagnostic } from './diagnostics.ts'
import { CliError, readTextFile, type CliIo } from './io.ts'

export interface LoadedRules {
  file: RulesFile
  set: CompiledRuleSet
}

/** Reads, checks and compiles a rules file; warnings go to stderr, any error throws CliError with one line each. */
export async function loadRules(path: string, io: CliIo): Promise<LoadedRules> {
  const text = await readTextFile(path)
  let file: RulesFile
  try {
    file = parseRulesFile(text, path)
  } catch (error) {
    if (!(error instanceof RulesFileError)) throw error
    throw new CliError(error.problems.map((problem) => formatDiagnostic(path, problem)))
  }
  for (const warning of file.warnings) io.stderr.write(`${formatDiagnostic(path, warning, 'warning')}\n`)
  try {
    return { file, set: compileRuleSet(file.rules) }
  } catch (error) {
    if (!(error instanceof RuleSetError)) throw error
    throw new CliError(error.problems.map((problem) => formatDiagnostic(path, locateRuleProblem(file, problem))))
  }
}
