// The compiled rule set, rebuilt only when the stored rules change (any writer bumps the store's revision).
// The rules of the team packs the rep subscribes to come first: the team's policy, locked here (a rep can only
// switch one off); then the rep's own.
//
// A large set takes seconds to compile, so it is compiled in slices (electron/rules) while the guard keeps judging
// with the last good set. Compiles take turns: a save waits for the one before it (saves land in the order they
// were made), and a set is installed only if the stored rules it was compiled from are still the stored ones, so an
// older compile can never replace a newer save.
import { RuleSetError, type CompiledRuleSet } from '../../shared/rules/index.ts'
import type { Rule, RuleInput } from '../../shared/rules/types.ts'
import { errorText } from '../../shared/text/error-text.ts'
import { storeFaultOf } from '../health/store-faults.ts'
import { compileRulesInSlices } from '../rules/in-slices.ts'
import type { Store } from '../store/index.ts'

export interface RuleCache {
  /**
   * The rules to judge with now, or null when no stored rule set has ever compiled. When the stored rules changed
   * (a team pack, another connection), the new ones are compiled in the background and used once they are ready.
   */
  current(now: number): CompiledRuleSet | null
  /** current(), except that before any set was ever compiled it waits for the first: no message meets no rules. */
  ready(now: number): Promise<CompiledRuleSet | null>
  /** Resolves once the stored rules as they are now are compiled and in use (start-up waits for it). */
  refresh(now: number): Promise<CompiledRuleSet | null>
  /**
   * Compiles first, so bad rules reject with RuleSetError and leave the stored rules untouched; resolves once the
   * new set is in use. `alsoWrite` runs in the same transaction as the rules' write (an import's other tables).
   */
  replace(inputs: readonly RuleInput[], alsoWrite?: () => void): Promise<readonly Rule[]>
}

export function createRuleCache(store: Store): RuleCache {
  let compiled: CompiledRuleSet | null = null
  /** The store revision `compiled` was built from (or last refused: such a revision is not tried again). */
  let revision = -1
  /** The compile under way or waiting: each one starts when the one before has settled. */
  let turn: Promise<unknown> = Promise.resolve()
  let refreshing: Promise<CompiledRuleSet | null> | null = null

  function takeTurn<T>(work: () => Promise<T>): Promise<T> {
    const result = turn.then(work)
    turn = result.catch(() => undefined)
    return result
  }

  /** Compiles the stored rules until they held still while compiling, then uses them. */
  async function compileStored(now: number): Promise<CompiledRuleSet | null> {
    for (let stored = store.rules.revision(); stored !== revision; stored = store.rules.revision()) {
      try {
        const set = await compileRulesInSlices([...store.team.activeRules(), ...store.rules.list()])
        if (store.rules.revision() !== stored) continue
        compiled = set
      } catch (error) {
        if (!(error instanceof RuleSetError)) throw error
        if (store.rules.revision() !== stored) continue
        // Rules saved by an older engine may not compile now: keep judging with the last good set and tell the rep.
        store.events.add({ kind: 'rules_invalid', at: now, detail: { revision: stored, problems: error.problems } })
      }
      revision = stored
    }
    return compiled
  }

  function refresh(now: number): Promise<CompiledRuleSet | null> {
    refreshing ??= takeTurn(() => compileStored(now)).finally(() => (refreshing = null))
    return refreshing
  }

  function current(now: number): CompiledRuleSet | null {
    if (store.rules.revision() !== revision) refresh(now).catch((error: unknown) => backgroundFailed(error, now))
    return compiled
  }

  /** Nobody waits for a background compile: a store fault is retried by the next call (the revision still differs). */
  function backgroundFailed(error: unknown, now: number): void {
    if (storeFaultOf(error) !== null) return
    store.events.add({ kind: 'action_failed', at: now, detail: { reason: `the rules could not be compiled: ${errorText(error)}` } })
  }

  return {
    current,
    async ready(now) {
      const set = current(now)
      return set !== null || store.rules.revision() === revision ? set : refresh(now)
    },
    refresh,
    replace: (inputs, alsoWrite) =>
      takeTurn(async () => {
        for (;;) {
          const before = store.rules.revision()
          const team = store.team.activeRules()
          const set = await withTeamRules(team, inputs)
          // A team pack that changed while this compiled is compiled in with the save: go round again.
          if (store.rules.revision() !== before) continue
          const own = set.rules.slice(team.length)
          store.transaction(() => {
            alsoWrite?.()
            store.rules.replaceAll(own)
          })
          compiled = set
          revision = store.rules.revision()
          return own
        }
      }),
  }
}

/**
 * Compiles the team's rules before the rep's own, checked together so that a rule named like a team rule is refused
 * here rather than breaking the set later; a problem is reported against the rep's rule, by its own index.
 */
async function withTeamRules(team: readonly Rule[], own: readonly RuleInput[]): Promise<CompiledRuleSet> {
  try {
    return await compileRulesInSlices([...team, ...own])
  } catch (error) {
    if (!(error instanceof RuleSetError) || team.length === 0) throw error
    throw new RuleSetError(error.problems.map((problem) => ({ ...problem, index: problem.index - team.length })))
  }
}
