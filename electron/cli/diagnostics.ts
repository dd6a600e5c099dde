// Errors and warnings in the form editors and CI annotate: `FILE:LINE:COLUMN: error: rule "NAME": message`.
import type { FileProblem } from '../../shared/rules/files.ts'

export type Severity = 'error' | 'warning'

export function formatDiagnostic(fileName: string, problem: FileProblem, severity: Severity = 'error'): string {
  const rule = problem.rule === undefined ? '' : `rule "${problem.rule}": `
  return `${fileName}:${problem.line}:${problem.column}: ${severity}: ${rule}${problem.message}`
}
