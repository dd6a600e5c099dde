// The compiled rule set, rebuilt only when the stored rules change (any writer bumps the store's revision).
// The rules of the team packs the rep subscribes to come first: the team's policy, locked here (a rep can only
// switch one off); then the rep's own.
import { compileRuleSet, RuleSetError, type CompiledRuleSet } from '../../shared/rules/index.ts'
import type { Rule, RuleInput } from '../../shared/rules/types.ts'
import type { Store } from '../store/index.ts'

export interface RuleCache {
  /** The rules to judge with, or null when no stored rule set has ever compiled. */
  current(now: number): CompiledRuleSet | null
  /** Compiles first, so bad rules throw RuleSetError and leave the stored rules untouched. */
  replace(inputs: RuleInput[]): readonly Rule[]
}

export function createRuleCache(store: Store): RuleCache {
  let compiled: CompiledRuleSet | null = null
  let revision = -1

  return {
    current(now) {
      const stored = store.rules.revision()
      if (stored === revision) return compiled
      revision = stored
      try {
        compiled = compileRuleSet([...store.team.activeRules(), ...store.rules.list()])
      } catch (error) {
        if (!(error instanceof RuleSetError)) throw error
        // Rules saved by an older engine may not compile now: keep judging with the last good set and tell the rep.
        store.events.add({ kind: 'rules_invalid', at: now, detail: { revision: stored, problems: error.problems } })
      }
      return compiled
    },
    replace(inputs) {
      const own = compileRuleSet(inputs)
      const team = store.team.activeRules()
      // Checked together too, so a rule named like a team rule is refused here rather than breaking the set later.
      const set = team.length ? withTeamRules(team, own.rules) : own
      store.rules.replaceAll(own.rules)
      compiled = set
      revision = store.rules.revision()
      return own.rules
    },
  }
}

/** Compiles the team's rules before the rep's own; a problem is reported against the rep's rule, by its own index. */
function withTeamRules(team: readonly Rule[], own: readonly Rule[]): CompiledRuleSet {
  try {
    return compileRuleSet([...team, ...own])
  } catch (error) {
    if (!(error instanceof RuleSetError)) throw error
    throw new RuleSetError(error.problems.map((problem) => ({ ...problem, index: problem.index - team.length })))
  }
}
