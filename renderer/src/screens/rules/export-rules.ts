import { formatRulesFile } from '../../../../shared/rules/files.ts'
import type { Rule } from '../../../../shared/rules/types.ts'

/** Saves the rules as a file through the browser's download, in a format parseRulesFile reads back. */
export function downloadRules(rules: readonly Rule[], format: 'json' | 'yaml'): void {
  const text = formatRulesFile(rules, format)
  const blob = new Blob([text], { type: format === 'json' ? 'application/json' : 'application/yaml' })
  const url = URL.createObjectURL(blob)
  const link = document.createElement('a')
  link.href = url
  link.download = `qunguard-rules-${new Date().toISOString().slice(0, 10)}.${format === 'json' ? 'json' : 'yaml'}`
  link.click()
  // The click starts the download synchronously; the URL can go once the browser has read it.
  window.setTimeout(() => URL.revokeObjectURL(url), 10_000)
}
