// The rules part of the bench: 5,000 generated rules over 100,000 generated chat messages, the full engine against
// a naive String.includes loop, mint-filter, and a bare Aho-Corasick scan of already-compact text.
import { compactText, compileRuleSet, type CompiledRuleSet } from '../shared/rules/index.ts'
import { keywordRulesOf, MintFilterMatcher, NaiveMatcher, RawScanner } from './baselines.ts'
import { generateCorpus, type CorpusSize } from './generate.ts'
import { measureThroughput, medianMilliseconds, type Throughput } from './measure.ts'

const SIZE: CorpusSize = { seed: 20_240_521, rules: 5_000, messages: 100_000 }
/** The naive loop is timed on the first messages only: on all of them it alone would take minutes. */
const NAIVE_MESSAGES = 10_000
const COMPILE_RUNS = 3

/** The kinds found in a message's text (phone, WeChat id, links by domain): on for the "all kinds" run. */
const KIND_RULES = [
  { name: 'bench kind:phone', match: 'kind:phone' },
  { name: 'bench kind:wechat-id', match: 'kind:wechat-id' },
  { name: 'bench kind:link', match: 'kind:link' },
  { name: 'bench kind:link(domain)', match: 'kind:link(taobao.com) | kind:link(weixin.qq.com)' },
  // Two syllables: also read in pinyin typed in Latin letters.
  { name: 'bench ~pinyin', match: '~加微信 | ~兼职' },
]

/** How much faster than each contender the engine must be (engine messages/s ÷ theirs). */
const TARGETS = [
  { key: 'engineOverNaive', contender: 'naive', minimum: 10, strict: false },
  { key: 'engineOverMintFilter', contender: 'mint-filter', minimum: 1, strict: true },
  { key: 'engineOverRawScan', contender: 'raw scan', minimum: 0.5, strict: false },
  { key: 'engineAllKindsOverRawScan', contender: 'raw scan (engine with every kind detector on)', minimum: 0.5, strict: false },
] as const

export async function runRulesBench(log: (line: string) => void): Promise<Record<string, unknown>> {
  const generated = process.hrtime.bigint()
  const corpus = generateCorpus(SIZE)
  const { messages } = corpus
  const families = countBy(corpus.rules.map((rule) => rule.family))
  const totalChars = messages.reduce((sum, text) => sum + text.length, 0)
  log(`rules bench: ${n(SIZE.rules)} rules (${n(families.keyword ?? 0)} keyword, ${n(families.sounds ?? 0)} sounds-like, ${n(families.regex ?? 0)} regex)`)
  log(`  over ${n(messages.length)} messages, ${n(totalChars)} characters (${(totalChars / messages.length).toFixed(1)} a message), seed ${SIZE.seed}, generated in ${ms(generated)}`)

  const inputs = corpus.rules.map((rule) => rule.input)
  const compileMs = medianMilliseconds(COMPILE_RUNS, () => compileRuleSet(inputs))
  const set = compileRuleSet(inputs)
  log(`compile: ${compileMs.toFixed(0)} ms (median of ${COMPILE_RUNS})`)

  const keywordRules = keywordRulesOf(corpus.rules)
  const keywordRuleNames = new Set(keywordRules.map((rule) => rule.name))
  const naive = new NaiveMatcher(keywordRules)
  const mint = new MintFilterMatcher(keywordRules)
  const raw = new RawScanner(keywordRules)
  const compacts = messages.map((text) => compactText(text))
  const all = { messages: messages.length, lengthOf: (i: number) => messages[i]!.length }

  const engine = measureThroughput(all, (i) => set.match(messages[i]!).length)
  const withKinds = compileRuleSet([...inputs, ...KIND_RULES])
  const engineAllKinds = measureThroughput(all, (i) => withKinds.match(messages[i]!).length)
  const { keywordRuleMatches: engineKeywordMatches, messagesMatched } = tallyEngineMatches(set, messages, keywordRuleNames)
  const naiveRun = measureThroughput({ ...all, messages: NAIVE_MESSAGES }, (i) => naive.matches(compactText(messages[i]!)).length)
  const mintRun = measureThroughput(all, (i) => mint.countMatches(compactText(messages[i]!)))
  const rawRun = measureThroughput(all, (i) => raw.countOccurrences(compacts[i]!))
  // Not a contender: the share of every contender's time that goes to making the text compact.
  const normaliseRun = measureThroughput(all, (i) => compactText(messages[i]!).length)

  const rows: [string, Throughput, string][] = [
    ['engine (all rules, raw text)', engine, `${n(engine.count)} rule matches (${n(engineKeywordMatches)} keyword rules) in ${n(messagesMatched)} messages`],
    ['engine, every kind detector on', engineAllKinds, `${n(engineAllKinds.count)} rule matches with ${KIND_RULES.length} kind and pinyin rules added`],
    ['naive: compact + includes', naiveRun, `${n(naiveRun.count)} rule matches on the first ${n(NAIVE_MESSAGES)} messages`],
    ['mint-filter: compact + filter', mintRun, `${n(mintRun.count)} rule matches (engine: ${n(engineKeywordMatches)})`],
    ['raw scan (compact text)', rawRun, `${n(rawRun.count)} keyword occurrences, no rule logic`],
    ['(normalise only: compactText)', normaliseRun, `${n(normaliseRun.count)} compact characters`],
  ]
  log('')
  log(`${'contender'.padEnd(32)}${'messages/s'.padStart(13)}${'chars/s'.padStart(14)}  work done`)
  for (const [label, run, work] of rows) log(`${label.padEnd(32)}${n(run.messagesPerSecond).padStart(13)}${n(run.charsPerSecond).padStart(14)}  ${work}`)

  const ratios = {
    engineOverNaive: engine.messagesPerSecond / naiveRun.messagesPerSecond,
    engineOverMintFilter: engine.messagesPerSecond / mintRun.messagesPerSecond,
    engineOverRawScan: engine.messagesPerSecond / rawRun.messagesPerSecond,
    engineAllKindsOverRawScan: engineAllKinds.messagesPerSecond / rawRun.messagesPerSecond,
  }
  const targetsMet: Record<string, boolean> = {}
  log('')
  for (const target of TARGETS) {
    const ratio = ratios[target.key]
    const met = target.strict ? ratio > target.minimum : ratio >= target.minimum
    targetsMet[target.key] = met
    log(`engine / ${target.contender}: ${ratio.toFixed(2)}x  (target ${target.strict ? '>' : '>='} ${target.minimum}x: ${met ? 'met' : 'MISSED'})`)
  }

  const agreement = compareWithNaive(set, naive, messages, compacts, keywordRuleNames, NAIVE_MESSAGES)
  log('')
  log(`check: engine and naive agree on the keyword rules of ${n(NAIVE_MESSAGES - agreement.disagreements)} of the first ${n(NAIVE_MESSAGES)} messages`)
  for (const example of agreement.examples) log(`  differs: ${example}`)
  log(`check: mint-filter found ${percent(mintRun.count, engineKeywordMatches)} of the engine's keyword-rule matches (it misses a keyword that ends inside a longer one it was following)`)
  log(`skipped by the baselines: ${n(families.sounds ?? 0)} sounds-like and ${n(families.regex ?? 0)} regex rules (a keyword filter has no such thing)`)

  const figures = (run: Throughput) => ({ messages: run.messages, messagesPerSecond: round(run.messagesPerSecond), charsPerSecond: round(run.charsPerSecond) })
  return {
    seed: SIZE.seed,
    rules: SIZE.rules,
    ruleFamilies: families,
    messages: messages.length,
    chars: totalChars,
    compileMs: round(compileMs),
    engine: { ...figures(engine), matches: engine.count, keywordRuleMatches: engineKeywordMatches, messagesMatched },
    engineAllKinds: { ...figures(engineAllKinds), matches: engineAllKinds.count },
    naive: { ...figures(naiveRun), matches: naiveRun.count },
    mintFilter: { ...figures(mintRun), matches: mintRun.count },
    rawScan: { ...figures(rawRun), occurrences: rawRun.count },
    normaliseOnly: figures(normaliseRun),
    ratios: Object.fromEntries(Object.entries(ratios).map(([key, ratio]) => [key, Math.round(ratio * 100) / 100])),
    targets: Object.fromEntries(TARGETS.map((target) => [target.key, `${target.strict ? '>' : '>='}${target.minimum}`])),
    targetsMet,
    agreement: { messages: NAIVE_MESSAGES, disagreements: agreement.disagreements },
  }
}

/** Untimed: the engine's matches of keyword rules (what the baselines can be held against), and messages hit. */
function tallyEngineMatches(set: CompiledRuleSet, messages: readonly string[], keywordRuleNames: ReadonlySet<string>) {
  let keywordRuleMatches = 0
  let messagesMatched = 0
  for (const text of messages) {
    const names = set.match(text)
    if (names.length) messagesMatched++
    for (const name of names) if (keywordRuleNames.has(name)) keywordRuleMatches++
  }
  return { keywordRuleMatches, messagesMatched }
}

/** Messages where the engine's keyword-rule matches differ from the naive loop's, which is right by construction. */
function compareWithNaive(set: CompiledRuleSet, naive: NaiveMatcher, messages: readonly string[], compacts: readonly string[], keywordRuleNames: ReadonlySet<string>, count: number) {
  let disagreements = 0
  const examples: string[] = []
  for (let i = 0; i < count; i++) {
    const engine = set.match(messages[i]!).filter((name) => keywordRuleNames.has(name))
    const expected = naive.matches(compacts[i]!)
    if (engine.join() === expected.join()) continue
    disagreements++
    if (examples.length < 3) examples.push(`${JSON.stringify(messages[i])}: engine [${engine}] naive [${expected}]`)
  }
  return { disagreements, examples }
}

function countBy(keys: readonly string[]): Record<string, number> {
  const counts: Record<string, number> = {}
  for (const key of keys) counts[key] = (counts[key] ?? 0) + 1
  return counts
}

const n = (value: number): string => Math.round(value).toLocaleString('en-US')
const round = (value: number): number => Math.round(value)
const ms = (since: bigint): string => `${(Number(process.hrtime.bigint() - since) / 1e6).toFixed(0)} ms`
const percent = (part: number, whole: number): string => `${((100 * part) / Math.max(whole, 1)).toFixed(1)}%`
