// Rule work in the service (saves, imports, backtests, team packs, start-up) runs in slices of a few milliseconds
// with the event loop given back between them, so a maximal rule set never holds the API or the guard for seconds.
// The work itself is shared/rules' staged parse and compile; here is only how this process yields.
import { performance } from 'node:perf_hooks'
import {
  compileRuleSetInSteps,
  parseRulesInSteps,
  runInSlices,
  type CompiledRuleSet,
  type RuleInput,
  type RuleProblem,
  type Slicer,
} from '../../shared/rules/index.ts'

/** Short enough that a timer or a request waits at most about this long; long enough that yielding costs little. */
const SLICE_MS = 8

/** setImmediate runs after the I/O callbacks that are ready: requests and timers get their turn between slices. */
const eventLoopSlicer: Slicer = {
  now: () => performance.now(),
  pause: () => new Promise<void>((resolve) => setImmediate(resolve)),
  sliceMs: SLICE_MS,
}

/** compileRuleSet in slices: rejects with RuleSetError listing every bad rule, as compileRuleSet throws. */
export function compileRulesInSlices(inputs: readonly RuleInput[]): Promise<CompiledRuleSet> {
  return runInSlices(compileRuleSetInSteps(inputs), eventLoopSlicer)
}

/** validateRules in slices. */
export async function validateRulesInSlices(inputs: readonly unknown[]): Promise<RuleProblem[]> {
  return (await runInSlices(parseRulesInSteps(inputs), eventLoopSlicer)).problems
}
