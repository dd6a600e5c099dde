// The signals part of the bench: training the classifier on 50,000 messages, scoring one message, the rule engine's
// throughput with the classifier on (the guard's path: rules, score, signal kinds) against the engine alone in the
// same run, and the simulated rep (how many verdicts a rep-trained model needs to beat the starter model).
import { compileRuleSet } from '../shared/rules/index.ts'
import { DEFAULT_SETTINGS } from '../shared/policy/settings.ts'
import { signalKinds } from '../shared/signals/decide.ts'
import { NaiveBayes } from '../shared/signals/naive-bayes.ts'
import { featuresOf } from '../shared/signals/ngrams.ts'
import { trainStarterModel } from '../shared/signals/training.ts'
import { generateCorpus, type CorpusSize } from './generate.ts'
import { measureThroughput, medianMilliseconds } from './measure.ts'
import { simulateRep } from './rep-simulation.ts'

const SIZE: CorpusSize = { seed: 20_240_612, rules: 1_000, messages: 50_000 }
const TRAIN_RUNS = 3
const REP_SEEDS = [1, 2, 3, 4, 5]

export async function runSignalsBench(log: (line: string) => void): Promise<Record<string, unknown>> {
  const { rules, messages } = generateCorpus(SIZE)
  log(`signals bench: ${messages.length.toLocaleString('en')} generated chat messages, ${rules.length.toLocaleString('en')} rules, seed ${SIZE.seed}`)

  // Labels only shape the counts, not the work: every other message is called spam, so both sides fill up.
  const examples = messages.map((text, index) => ({ features: featuresOf(text), label: index % 2 === 0 ? ('spam' as const) : ('ham' as const), weight: 1 }))
  const featureMs = medianMilliseconds(TRAIN_RUNS, () => messages.forEach((text) => featuresOf(text)))
  const trainMs = medianMilliseconds(TRAIN_RUNS, () => NaiveBayes.train(examples))
  const trained = NaiveBayes.train(examples)
  const starterMs = medianMilliseconds(TRAIN_RUNS, () => trainStarterModel())
  log(`training on 50,000 messages: ${(featureMs + trainMs).toFixed(0)} ms (${featureMs.toFixed(0)} ms n-grams + ${trainMs.toFixed(0)} ms counting), ${trained.vocabularySize.toLocaleString('en')} n-grams`)
  log(`the starter model from its corpus: ${starterMs.toFixed(0)} ms`)

  const model = trainStarterModel()
  const all = { messages: messages.length, lengthOf: (i: number) => messages[i]!.length }
  const scoring = measureThroughput(all, (i) => (model.spamScore(featuresOf(messages[i]!)) >= 0.8 ? 1 : 0))
  const explaining = measureThroughput({ ...all, messages: 10_000 }, (i) => model.score(featuresOf(messages[i]!)).top.length)
  log(`scoring: ${(1e6 / scoring.messagesPerSecond).toFixed(1)} µs a message (${Math.round(scoring.messagesPerSecond).toLocaleString('en')} messages/s); with the top n-grams (for an alert): ${(1e6 / explaining.messagesPerSecond).toFixed(1)} µs`)

  const set = compileRuleSet(rules.map((rule) => rule.input))
  const engineAlone = measureThroughput(all, (i) => (set.first(messages[i]!, {}) ? 1 : 0))
  const engineWithClassifier = measureThroughput(all, (i) => {
    const text = messages[i]!
    const kinds = signalKinds({ spam: { score: model.spamScore(featuresOf(text)), top: [] }, repeat: null, newcomer: null, flood: null }, DEFAULT_SETTINGS)
    return set.first(text, { kinds: ['text', ...kinds] }) ? 1 : 0
  })
  const ratio = engineWithClassifier.messagesPerSecond / engineAlone.messagesPerSecond
  log(`engine alone: ${Math.round(engineAlone.messagesPerSecond).toLocaleString('en')} messages/s; with the classifier on: ${Math.round(engineWithClassifier.messagesPerSecond).toLocaleString('en')} messages/s (×${ratio.toFixed(2)})`)

  const reps = REP_SEEDS.map((seed) => simulateRep(seed))
  const median = (values: (number | null)[]) => {
    const sorted = values.map((value) => value ?? Number.POSITIVE_INFINITY).sort((a, b) => a - b)
    return sorted[Math.floor(sorted.length / 2)]!
  }
  const repOnly = median(reps.map((rep) => rep.repOnlyBeatsStarterAt))
  const adapted = median(reps.map((rep) => rep.starterPlusRepBeatsStarterAt))
  const starterF1 = median(reps.map((rep) => rep.starterF1))
  log(`simulated rep (neighbourhood group-buy, ${REP_SEEDS.length} seeds): the starter model's F1 on their messages ${starterF1.toFixed(2)};`)
  log(`  a model trained on their verdicts alone beats it after ${repOnly} verdicts (median; per seed ${reps.map((rep) => rep.repOnlyBeatsStarterAt).join(', ')}),`)
  log(`  the starter model plus their verdicts (what the app runs) after ${adapted} (per seed ${reps.map((rep) => rep.starterPlusRepBeatsStarterAt).join(', ')})`)

  return {
    trainMs50k: Math.round(featureMs + trainMs),
    starterTrainMs: Math.round(starterMs),
    scoreMicroseconds: 1e6 / scoring.messagesPerSecond,
    scoreWithTopGramsMicroseconds: 1e6 / explaining.messagesPerSecond,
    engineMessagesPerSecond: Math.round(engineAlone.messagesPerSecond),
    engineWithClassifierMessagesPerSecond: Math.round(engineWithClassifier.messagesPerSecond),
    classifierOverEngineAlone: ratio,
    repStarterF1: starterF1,
    repOnlyBeatsStarterAfterVerdicts: repOnly,
    starterPlusRepBeatsStarterAfterVerdicts: adapted,
  }
}
