import { formatRulesFile } from '../../../../shared/rules/files.ts'
import type { Rule } from '../../../../shared/rules/types.ts'
import { downloadText } from '../../components/download.ts'

/** Saves the rules as a file through the browser's download, in a format parseRulesFile reads back. */
export function downloadRules(rules: readonly Rule[], format: 'json' | 'yaml'): void {
  const text = formatRulesFile(rules, format)
  downloadText(text, format === 'json' ? 'application/json' : 'application/yaml', `qunguard-rules-${new Date().toISOString().slice(0, 10)}.${format === 'json' ? 'json' : 'yaml'}`)
}
