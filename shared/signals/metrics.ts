// Precision, recall and F1 of a classifier on labelled messages: what `cli eval` prints and the tests hold floors on.
import type { Label } from './naive-bayes.ts'

export interface Confusion {
  truePositive: number
  falsePositive: number
  trueNegative: number
  falseNegative: number
}

export interface Evaluation extends Confusion {
  precision: number
  recall: number
  f1: number
  accuracy: number
}

export function confusionOf(pairs: Iterable<{ label: Label; predicted: Label }>): Confusion {
  const confusion: Confusion = { truePositive: 0, falsePositive: 0, trueNegative: 0, falseNegative: 0 }
  for (const { label, predicted } of pairs) {
    if (predicted === 'spam') confusion[label === 'spam' ? 'truePositive' : 'falsePositive']++
    else confusion[label === 'ham' ? 'trueNegative' : 'falseNegative']++
  }
  return confusion
}

/** Ratios with an empty denominator are 0: a classifier that flags nothing has no precision to boast of. */
export function evaluate(confusion: Confusion): Evaluation {
  const { truePositive: tp, falsePositive: fp, trueNegative: tn, falseNegative: fn } = confusion
  const ratio = (a: number, b: number): number => (b === 0 ? 0 : a / b)
  const precision = ratio(tp, tp + fp)
  const recall = ratio(tp, tp + fn)
  const f1 = ratio(2 * precision * recall, precision + recall)
  return { ...confusion, precision, recall, f1, accuracy: ratio(tp + tn, tp + fp + tn + fn) }
}
