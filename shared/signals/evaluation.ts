// Scoring a model on labelled messages, and the deterministic split `cli eval --data` trains and tests on.
import { confusionOf, evaluate, type Evaluation } from './metrics.ts'
import type { Label, NaiveBayes } from './naive-bayes.ts'
import { featuresOf } from './ngrams.ts'

export interface LabelledMessage {
  text: string
  label: Label
}

export function evaluateModel(model: NaiveBayes, messages: readonly LabelledMessage[], threshold: number): Evaluation {
  return evaluate(
    confusionOf(messages.map(({ text, label }) => ({ label, predicted: model.score(featuresOf(text)).spam >= threshold ? 'spam' : 'ham' }))),
  )
}

/** FNV-1a: the same text always lands on the same side, so a duplicate can never be on both. */
function textHash(text: string): number {
  let hash = 0x811c9dc5
  for (let k = 0; k < text.length; k++) hash = Math.imul(hash ^ text.charCodeAt(k), 0x01000193)
  return hash >>> 0
}

/** Splits by a hash of the text: about `testShare` of the messages go to the test side, the same ones every run. */
export function splitByText<T extends LabelledMessage>(messages: readonly T[], testShare: number): { train: T[]; test: T[] } {
  const train: T[] = []
  const test: T[] = []
  for (const message of messages) (textHash(message.text) % 1000 < testShare * 1000 ? test : train).push(message)
  return { train, test }
}

/** The confusion table and figures as a person reads them. */
export function describeEvaluation(figures: Evaluation): string[] {
  const percent = (value: number) => `${(value * 100).toFixed(1)}%`
  const width = Math.max(5, String(Math.max(figures.truePositive, figures.falsePositive, figures.trueNegative, figures.falseNegative)).length)
  const cell = (value: number | string) => String(value).padStart(width)
  return [
    `precision ${percent(figures.precision)}  recall ${percent(figures.recall)}  F1 ${percent(figures.f1)}  accuracy ${percent(figures.accuracy)}`,
    '',
    `              predicted spam  predicted ham`,
    `actual spam   ${cell(figures.truePositive).padStart(14)}  ${cell(figures.falseNegative).padStart(13)}`,
    `actual ham    ${cell(figures.falsePositive).padStart(14)}  ${cell(figures.trueNegative).padStart(13)}`,
  ]
}
