// Hostile files: scenarios, rules files (YAML, JSON, the old tool's .txt) and export files. Each is read with the
// function the command line and the window use; the answer is a result or the module's own error naming what is
// wrong, never another exception, and a refused export file leaves the database as it was.
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import fc from 'fast-check'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { parseScenario, ScenarioError } from '../../electron/sim/scenario.ts'
import { DATABASE_FILE, openStore, type Store } from '../../electron/store/index.ts'
import { EXPORTED_TABLES, exportData, importData, ImportError } from '../../electron/transfer/index.ts'
import { compileRuleSet, RuleSetError } from '../../shared/rules/index.ts'
import { parseRulesFile, RulesFileError } from '../../shared/rules/files.ts'

const RUNS = 300

/** Runs `read`; a throw must be one of the expected error types, with a message. */
function readsOrRefuses(read: () => unknown, ...errors: (new (...args: never[]) => Error)[]): void {
  try {
    read()
  } catch (error) {
    if (!errors.some((type) => error instanceof type)) throw error
    expect((error as Error).message.length).toBeGreaterThan(0)
  }
}

const text = fc.oneof(fc.string({ maxLength: 300, unit: 'binary' }), fc.string({ maxLength: 300, unit: 'grapheme' }))
/** Lines made of JSON values, with the keys and words the formats use, so parsers get past their first check. */
const jsonish = fc
  .array(
    fc.oneof(
      fc.json({ maxDepth: 3 }),
      fc.record({ op: fc.constantFrom('say', 'join', 'room', 'wait', 'advance', 'leave', 'x'), room: fc.string(), from: fc.string(), text: fc.string(), ms: fc.integer() }, { requiredKeys: [] }).map((value) => JSON.stringify(value)),
    ),
    { maxLength: 8 },
  )
  .map((lines) => lines.join('\n'))
const ruleText = fc.stringMatching(/^[~()|&\-/\\^$.*+?{}[\]0-9a-z微信代购加 "]{0,30}$/)
const rulesYaml = fc
  .array(fc.record({ name: fc.oneof(fc.string({ maxLength: 8 }), fc.constant('广告')), match: ruleText, action: fc.constantFrom('warn', 'remove', 'alert', 'ignore', 'ban'), reply: fc.string({ maxLength: 10 }) }, { requiredKeys: [] }), { maxLength: 5 })
  .map((rules) => `rules:\n${rules.map((rule) => `  - ${JSON.stringify(rule)}`).join('\n')}\n`)
const wxbotLines = fc.array(fc.tuple(ruleText, fc.string({ maxLength: 10 })).map(([pattern, reply]) => `${pattern}"${reply}"`), { maxLength: 8 }).map((lines) => lines.join('\n'))

describe('scenario files', () => {
  it('are read or refused with the bad lines named', () => {
    fc.assert(fc.property(fc.oneof(text, jsonish), (source) => readsOrRefuses(() => parseScenario(source, 'fuzz.jsonl'), ScenarioError)), { numRuns: RUNS })
  })
})

describe('rules files', () => {
  it.each(['rules.yaml', 'rules.json', 'rules.txt', 'rules'])('%s: read and compiled, or refused with the problems named', (name) => {
    fc.assert(
      fc.property(fc.oneof(text, jsonish, rulesYaml, wxbotLines), (source) =>
        readsOrRefuses(() => compileRuleSet(parseRulesFile(source, name).rules), RulesFileError, RuleSetError),
      ),
      { numRuns: RUNS },
    )
  })
})

describe('export files', () => {
  let dir: string
  let store: Store
  let file: ReturnType<typeof exportData>

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'qunguard-fuzz-files-'))
    store = openStore(join(dir, DATABASE_FILE))
    store.allowList.add({ memberKey: 'stable:colleague', groupId: null, name: '同事', note: null, addedAt: 1 })
    store.settings.update({ warningsBeforeRemoval: 3 })
    file = exportData(store, Date.now())
  })
  afterAll(() => {
    store.close()
    rmSync(dir, { recursive: true, force: true })
  })

  /** An export with one table's rows replaced by hostile ones. */
  const tampered = fc
    .tuple(
      fc.constantFrom(...EXPORTED_TABLES),
      fc.array(fc.dictionary(fc.constantFrom('name', 'key', 'value', 'id', 'kind', 'at', 'member_key', 'match', 'x'), fc.oneof(fc.string({ maxLength: 20 }), fc.integer(), fc.double(), fc.constant(null), fc.boolean())), { maxLength: 4 }),
    )
    .map(([table, rows]) => ({ ...file, tables: { ...file.tables, [table]: rows } }))

  it('are imported or refused, and a refused one changes nothing', () => {
    const before = JSON.stringify(exportData(store, 0))
    fc.assert(
      fc.property(fc.oneof(fc.anything({ maxDepth: 3 }), fc.json().map((json) => JSON.parse(json) as unknown), tampered), (raw) => {
        try {
          importData(store, raw)
        } catch (error) {
          if (!(error instanceof ImportError)) throw error
          expect(JSON.stringify(exportData(store, 0))).toBe(before)
          return
        }
        // Accepted: put the original back for the next run.
        importData(store, JSON.parse(before))
      }),
      { numRuns: RUNS },
    )
  })
})
