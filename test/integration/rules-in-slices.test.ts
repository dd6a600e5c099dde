// Large rule sets are compiled in slices with the event loop given back in between: while a save compiles, timers
// fire, other requests are answered and messages are judged with the rules in use; saves land in the order they were
// made, a background recompile never replaces a newer save, and bad rules are refused exactly as before.
import { afterEach, describe, expect, it } from 'vitest'
import { compileRuleSet, RuleSetError, type RuleInput, type RuleProblem } from '../../shared/rules/index.ts'
import { openStore } from '../../electron/store/index.ts'
import { createHarness, RULES, type Harness } from './guard-harness.ts'
import { direct, openDoor, postApi, startEnv, type ApiEnv, type OpenDoor } from './api-harness.ts'

/** Enough regex rules that compiling them takes many slices (regexes are the costliest rules to compile). */
function regexRules(count: number, prefix = 'r'): RuleInput[] {
  const shapes = [(i: number) => `1[3-9]\\d{9}x${i}`, (i: number) => `vx[a-z0-9]{5,}${i}`, (i: number) => `qq\\d{5,11}a${i}`, (i: number) => `日赚\\d{2,}${i}`]
  return Array.from({ length: count }, (_, i) => ({ name: `${prefix}${i}`, match: `/${shapes[i % shapes.length]!(i)}/` }))
}

const LARGE = 3_000

/** Records when a promise settles, so a test can ask whether it still was pending at some point. */
function watch<T>(promise: Promise<T>): { readonly settled: boolean; promise: Promise<T> } {
  const watched = { settled: false, promise }
  promise.then(
    () => (watched.settled = true),
    () => (watched.settled = true),
  )
  return watched
}

function problemsOf(work: () => unknown): RuleProblem[] {
  try {
    work()
  } catch (error) {
    if (error instanceof RuleSetError) return error.problems
    throw error
  }
  throw new Error('expected the rules to be refused')
}

describe('saving a large rule set in the guard', () => {
  let h: Harness
  afterEach(() => h?.close())

  it('lets timers run while it compiles, and resolves only once the new set is in use', async () => {
    h = await createHarness()
    const order: string[] = []
    setTimeout(() => order.push('timer'), 1)
    const saving = h.guard.updateRules([...regexRules(LARGE), { name: '兼职', match: '兼职' }]).then(() => order.push('saved'))
    await saving
    expect(order).toEqual(['timer', 'saved'])
    await h.send('alice', '招兼职')
    expect(h.store.events.list()[0]).toMatchObject({ rule: '兼职' })
  })

  it('judges a message that comes while the save compiles with the old rules, and the next with the new', async () => {
    h = await createHarness()
    const saving = watch(h.guard.updateRules([...regexRules(LARGE), { name: '兼职', match: '兼职' }, ...RULES]))
    await h.send('alice', '招兼职')
    expect(saving.settled).toBe(false)
    expect(h.store.events.list()).toEqual([])
    // The stored rules are still the old ones until the new set is ready.
    expect(h.store.rules.list().map((rule) => rule.name)).toEqual(RULES.map((rule) => rule.name))
    await saving.promise
    await h.send('bob', '招兼职')
    expect(h.store.events.list().map((event) => event.rule)).toEqual(['兼职'])
  })

  it('refuses bad rules in a large set with the problems compileRuleSet gives, and changes nothing', async () => {
    h = await createHarness()
    const inputs = regexRules(LARGE)
    inputs[17] = { name: 'r17', match: '(微信' }
    inputs[2_500] = { name: 'r3', match: '代购' }
    const expected = problemsOf(() => compileRuleSet(inputs))
    expect(expected.map((problem) => problem.index)).toEqual([17, 2_500])
    const error = await h.guard.updateRules(inputs).catch((refused: unknown) => refused)
    expect(error).toBeInstanceOf(RuleSetError)
    expect((error as RuleSetError).problems).toEqual(expected)
    expect(h.store.rules.list().map((rule) => rule.name)).toEqual(RULES.map((rule) => rule.name))
    await h.send('alice', '代购')
    expect(h.store.events.list()[0]).toMatchObject({ kind: 'warning', rule: '广告' })
  })

  it('lands two overlapping saves in the order they were made', async () => {
    h = await createHarness()
    const order: string[] = []
    const first = h.guard.updateRules([...regexRules(LARGE, 'a'), { name: '第一', match: '兼职' }]).then(() => order.push('first'))
    const second = h.guard.updateRules([{ name: '第二', match: '刷单' }]).then(() => order.push('second'))
    await Promise.all([first, second])
    expect(order).toEqual(['first', 'second'])
    expect(h.store.rules.list().map((rule) => rule.name)).toEqual(['第二'])
    await h.send('alice', '招兼职')
    await h.send('bob', '刷单')
    expect(h.store.events.list().map((event) => event.rule)).toEqual(['第二'])
  })

  it('does not let a background recompile of older stored rules replace a save made meanwhile', async () => {
    h = await createHarness()
    // Another connection stores a large set: the next message notices it and its compile starts in the background.
    const other = openStore(h.path)
    other.rules.replaceAll(compileRuleSet([...regexRules(LARGE, 'o'), { name: '旧的', match: '兼职' }]).rules)
    other.close()
    await h.send('alice', '代购')
    expect(h.store.events.list()[0]).toMatchObject({ rule: '广告' })
    await h.guard.updateRules([{ name: '新的', match: '刷单' }])
    await h.guard.refreshRules()
    await h.send('bob', '招兼职')
    await h.send('bob', '刷单')
    expect(h.store.events.list().map((event) => event.rule)).toEqual(['新的', '广告'])
    expect(h.store.rules.list().map((rule) => rule.name)).toEqual(['新的'])
  })
})

describe('saving a large rule set through the API', () => {
  let env: ApiEnv
  let opened: OpenDoor
  afterEach(async () => {
    await opened?.close()
    await env?.close()
  })

  it('answers another request while the save is still compiling', async () => {
    env = await startEnv(direct, new Set(), { logIn: false })
    opened = await openDoor(env.service, env.dataDir)
    const saving = watch(postApi(opened.door, opened.token, 'saveRules', { rules: regexRules(LARGE) }))
    const health = await postApi(opened.door, opened.token, 'getHealth', {})
    expect(health.status).toBe(200)
    expect(saving.settled).toBe(false)
    const saved = await (await saving.promise).json()
    expect(saved).toMatchObject({ ok: true, result: { ok: true } })
    expect((await env.api.listRules({})).length).toBe(LARGE)
  })
})
