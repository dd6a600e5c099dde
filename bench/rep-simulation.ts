// How many verdicts a model trained on a rep's own data needs to beat the starter model on that rep's messages.
// The rep's messages come from bench/rep-families.ts; each verdict is the rep judging one message of their stream
// (its true label), as a click on an alert or a dismissal would. Two learners: a model trained only on the rep's
// verdicts, and what the app runs (the starter model plus the rep's verdicts at their verdict weight).
import { fillTemplate } from '../shared/signals/corpus/generate.ts'
import type { Family } from '../shared/signals/corpus/family.ts'
import { evaluateModel, type LabelledMessage } from '../shared/signals/evaluation.ts'
import { NaiveBayes, type Label } from '../shared/signals/naive-bayes.ts'
import { featuresOf } from '../shared/signals/ngrams.ts'
import { trainStarterModel, weighted } from '../shared/signals/training.ts'
import { Random } from './random.ts'
import { REP_HAM, REP_SPAM } from './rep-families.ts'

const STREAM = 600
const TEST = 400
/** The rep's groups: mostly chat, some marketing. */
const SPAM_SHARE = 0.3
const THRESHOLD = 0.8
const CHECKPOINTS = [0, 5, 10, 20, 30, 40, 50, 75, 100, 150, 200, 300, 400, 600]

function repMessages(count: number, random: Random): LabelledMessage[] {
  const pick = (families: readonly Family[], label: Label) => {
    const family = random.pick(families)
    return { text: fillTemplate(random.pick(family.templates), () => random.next()), label }
  }
  return Array.from({ length: count }, () => (random.chance(SPAM_SHARE) ? pick(REP_SPAM, 'spam') : pick(REP_HAM, 'ham')))
}

export interface RepSimulation {
  starterF1: number
  starterPrecision: number
  starterRecall: number
  curve: { verdicts: number; repOnlyF1: number; starterPlusRepF1: number }[]
  /** The first checkpoint at which each learner's F1 beats the starter model's; null if none did. */
  repOnlyBeatsStarterAt: number | null
  starterPlusRepBeatsStarterAt: number | null
}

export function simulateRep(seed: number): RepSimulation {
  const random = new Random(seed)
  const stream = repMessages(STREAM, random)
  const test = repMessages(TEST, random)
  const starter = trainStarterModel()
  const starterFigures = evaluateModel(starter, test, THRESHOLD)
  const repOnly = new NaiveBayes()
  const adapted = trainStarterModel()
  const curve: RepSimulation['curve'] = []
  let given = 0
  for (const checkpoint of CHECKPOINTS) {
    for (; given < checkpoint; given++) {
      const { text, label } = stream[given]!
      repOnly.learn({ features: featuresOf(text), label, weight: 1 })
      adapted.learn(weighted(text, label, 'verdict'))
    }
    curve.push({
      verdicts: checkpoint,
      repOnlyF1: evaluateModel(repOnly, test, THRESHOLD).f1,
      starterPlusRepF1: evaluateModel(adapted, test, THRESHOLD).f1,
    })
  }
  const beats = (key: 'repOnlyF1' | 'starterPlusRepF1') => curve.find((point) => point[key] > starterFigures.f1)?.verdicts ?? null
  return {
    starterF1: starterFigures.f1,
    starterPrecision: starterFigures.precision,
    starterRecall: starterFigures.recall,
    curve,
    repOnlyBeatsStarterAt: beats('repOnlyF1'),
    starterPlusRepBeatsStarterAt: beats('starterPlusRepF1'),
  }
}
