// The rules-save part of the bench: how long the event loop stands still while the rep saves 16,000 regex rules (the
// costliest kind to compile), through the rule cache the guard uses (compiled in slices, then stored), against the
// save as it was before: compile at once, then store. Measured in the same run by a 1 ms timer probe.
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { compileRuleSet, type RuleInput } from '../shared/rules/index.ts'
import { createRuleCache } from '../electron/guard/rule-cache.ts'
import { compileRulesInSlices } from '../electron/rules/in-slices.ts'
import { openStore } from '../electron/store/index.ts'
import { longestStallMs } from './measure.ts'

const RULES = 16_000

/** Contact details and income claims as marketers write them, each rule its own regex. */
function regexRules(count: number): RuleInput[] {
  const shapes = [
    (k: number) => `1[3-9]\\d{9}x${k}`,
    (k: number) => `(vx|wx|薇信)[a-z0-9]{5,8}${k}`,
    (k: number) => `qq\\d{5,11}号${k}`,
    (k: number) => `(日赚|月入)\\d{2,4}元${k}`,
  ]
  return Array.from({ length: count }, (_, k) => ({ name: `regex ${k}`, match: `/${shapes[k % shapes.length]!(k)}/`, action: 'alert' as const }))
}

export async function runRulesSaveBench(log: (line: string) => void): Promise<Record<string, unknown>> {
  const dir = mkdtempSync(join(tmpdir(), 'qunguard-bench-rules-save-'))
  const store = openStore(join(dir, 'qunguard.sqlite'))
  try {
    const rules = regexRules(RULES)
    const cache = createRuleCache(store)
    // Once each untimed, so both paths run warm.
    store.rules.replaceAll(compileRuleSet(rules).rules)
    await cache.replace(rules)

    let atOnceMs = 0
    const atOnceStall = await longestStallMs(async () => {
      const started = performance.now()
      store.rules.replaceAll(compileRuleSet(rules).rules)
      atOnceMs = performance.now() - started
    })
    // The sliced save's own stall is mostly its one write: the whole list in one transaction, so it switches at once.
    const compileOnlyStall = await longestStallMs(() => compileRulesInSlices(rules))
    let slicedMs = 0
    const slicedStall = await longestStallMs(async () => {
      const started = performance.now()
      await cache.replace(rules)
      slicedMs = performance.now() - started
    })
    log(`rules save: ${RULES.toLocaleString('en-US')} regex rules, longest event-loop stall (1 ms timer probe)`)
    log(`  compiled at once, then stored:   stall ${atOnceStall.toFixed(0)} ms, save ${atOnceMs.toFixed(0)} ms`)
    log(`  compiled in slices (the service): stall ${slicedStall.toFixed(0)} ms, save ${slicedMs.toFixed(0)} ms`)
    log(`  compiled in slices, not stored:  stall ${compileOnlyStall.toFixed(0)} ms`)
    log(`  stall at once / sliced: ${(atOnceStall / slicedStall).toFixed(1)}x; the sliced save takes ${(slicedMs / atOnceMs).toFixed(2)}x as long`)
    return {
      rules: RULES,
      atOnce: { stallMs: Math.round(atOnceStall), saveMs: Math.round(atOnceMs) },
      sliced: { stallMs: Math.round(slicedStall), saveMs: Math.round(slicedMs), compileOnlyStallMs: Math.round(compileOnlyStall) },
      ratios: { stallAtOnceOverSliced: Math.round((atOnceStall / slicedStall) * 10) / 10, saveSlicedOverAtOnce: Math.round((slicedMs / atOnceMs) * 100) / 100 },
    }
  } finally {
    store.close()
    rmSync(dir, { recursive: true, force: true })
  }
}
