// What the classifier learns from, and how much each piece counts. The rep's own clicks weigh most; what the rep
// merely let stand (a rule hit not overridden for a week) or never flagged (ordinary chat) counts a little.
import { corpusSplit } from './corpus/generate.ts'
import { NaiveBayes, type Label, type WeightedExample } from './naive-bayes.ts'
import { featuresOf } from './ngrams.ts'

export type Evidence =
  /** The rep confirmed a hit or alert, or warned/removed from a review (spam); or overrode it (ham). */
  | 'verdict'
  /** A rule hit never overridden within 7 days. */
  | 'weak_spam'
  /** Ordinary history no rule or signal flagged. */
  | 'weak_ham'
  /** The shipped starter corpus. */
  | 'starter'

export const EVIDENCE_WEIGHT: Record<Evidence, number> = {
  verdict: 4,
  weak_spam: 0.5,
  weak_ham: 0.1,
  starter: 1,
}

export interface LabelledText {
  text: string
  label: Label
}

export function weighted(text: string, label: Label, evidence: Evidence, sign: 1 | -1 = 1): WeightedExample {
  return { features: featuresOf(text), label, weight: sign * EVIDENCE_WEIGHT[evidence] }
}

/** The starter corpus's training split (its held-out split is never trained on, so its figures stay honest). */
export function starterExamples(): WeightedExample[] {
  return corpusSplit('train').map((message) => weighted(message.text, message.label, 'starter'))
}

export function trainStarterModel(): NaiveBayes {
  return NaiveBayes.train(starterExamples())
}

/** The full retrain: the starter corpus plus everything the rep's data says, each by its weight. */
export function trainFullModel(repExamples: readonly (LabelledText & { evidence: Exclude<Evidence, 'starter'> })[]): NaiveBayes {
  const model = trainStarterModel()
  for (const example of repExamples) model.learn(weighted(example.text, example.label, example.evidence))
  return model
}
