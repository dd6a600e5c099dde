// A multinomial naive Bayes classifier over weighted n-gram counts. Chosen over a library because it is small,
// exact to update one example at a time (a verdict adds its counts; a changed verdict takes them back), trains in one
// pass, and serialises to plain JSON for SQLite. Pure: no I/O, no clock.
import { NGRAM_ORDERS } from './ngrams.ts'

export type Label = 'spam' | 'ham'

export interface WeightedExample {
  features: readonly string[]
  label: Label
  /** How much the example counts: 1 for a rep's verdict-sized example; fractions for weak evidence. Negative unlearns. */
  weight: number
}

/** The plain-data form stored in SQLite and passed to and from the training worker. */
export interface ModelData {
  format: 1
  /** Laplace smoothing per n-gram. */
  alpha: number
  /** Weighted message counts [spam, ham]. */
  docs: [number, number]
  /** Weighted n-gram occurrences [spam, ham]. */
  totals: [number, number]
  /** n-gram -> [spam count, ham count]. */
  grams: [string, number, number][]
}

export interface ScoredGram {
  gram: string
  /** Log-likelihood ratio spam:ham this n-gram contributed (summed over its repeats); positive pushes towards spam. */
  weight: number
}

export interface Score {
  /** Probability-like score in [0, 1]; 0.5 is undecided. */
  spam: number
  /** The n-grams that weighed most towards spam, heaviest first. */
  top: ScoredGram[]
}

const DEFAULT_ALPHA = 0.5
/** Counts below this are rounding noise left by unlearning. */
const EPSILON = 1e-9

export class NaiveBayes {
  private readonly grams = new Map<string, [number, number]>()
  private readonly docs: [number, number] = [0, 0]
  private readonly totals: [number, number] = [0, 0]
  /** Each n-gram's log-likelihood ratio, computed on first use; every learn() changes them all, so it clears them. */
  private readonly ratios = new Map<string, number>()

  constructor(readonly alpha = DEFAULT_ALPHA) {}

  static fromData(data: ModelData): NaiveBayes {
    if (data.format !== 1) throw new Error(`unknown model format ${String(data.format)}`)
    const model = new NaiveBayes(data.alpha)
    model.docs[0] = data.docs[0]
    model.docs[1] = data.docs[1]
    model.totals[0] = data.totals[0]
    model.totals[1] = data.totals[1]
    for (const [gram, spam, ham] of data.grams) model.grams.set(gram, [spam, ham])
    return model
  }

  static train(examples: Iterable<WeightedExample>, alpha = DEFAULT_ALPHA): NaiveBayes {
    const model = new NaiveBayes(alpha)
    for (const example of examples) model.learn(example)
    return model
  }

  toData(): ModelData {
    const grams: [string, number, number][] = []
    for (const [gram, [spam, ham]] of this.grams) grams.push([gram, spam, ham])
    return { format: 1, alpha: this.alpha, docs: [...this.docs], totals: [...this.totals], grams }
  }

  get vocabularySize(): number {
    return this.grams.size
  }

  /** Weighted messages seen: [spam, ham]. */
  get documents(): readonly [number, number] {
    return this.docs
  }

  learn({ features, label, weight }: WeightedExample): void {
    if (!Number.isFinite(weight) || weight === 0) return
    this.ratios.clear()
    const side = label === 'spam' ? 0 : 1
    this.docs[side] = Math.max(0, this.docs[side] + weight)
    for (const gram of features) {
      let counts = this.grams.get(gram)
      if (!counts) {
        if (weight < 0) continue
        counts = [0, 0]
        this.grams.set(gram, counts)
      }
      const before = counts[side]
      counts[side] = Math.max(0, before + weight)
      this.totals[side] = Math.max(0, this.totals[side] + counts[side] - before)
      if (counts[0] < EPSILON && counts[1] < EPSILON) this.grams.delete(gram)
    }
  }

  private ratioOf(gram: string): number {
    let ratio = this.ratios.get(gram)
    if (ratio === undefined) {
      const counts = this.grams.get(gram)
      // An n-gram never seen in training says nothing either way (and is not cached: there is no end to them).
      if (!counts) return 0
      const vocabulary = this.grams.size + 1
      const spam = Math.log(counts[0] + this.alpha) - Math.log(this.totals[0] + this.alpha * vocabulary)
      const ham = Math.log(counts[1] + this.alpha) - Math.log(this.totals[1] + this.alpha * vocabulary)
      ratio = spam - ham
      this.ratios.set(gram, ratio)
    }
    return ratio
  }

  /** The score alone: the guard's path for every message. */
  spamScore(features: readonly string[]): number {
    let evidence = 0
    for (const gram of features) evidence += this.ratioOf(gram)
    // Each character is counted once per n-gram order, so the orders' evidence overlaps: temper by their number,
    // which keeps scores of long messages from saturating at 0 or 1 and leaves the middle band meaningful.
    const prior = Math.log((this.docs[0] + 1) / (this.docs[1] + 1))
    return 1 / (1 + Math.exp(-(prior + evidence / NGRAM_ORDERS.length)))
  }

  /** The score with the `topCount` n-grams that pushed hardest towards spam (summed over their repeats). */
  score(features: readonly string[], topCount = 5): Score {
    const contributions = new Map<string, number>()
    for (const gram of features) {
      const ratio = this.ratioOf(gram)
      if (ratio > 0) contributions.set(gram, (contributions.get(gram) ?? 0) + ratio)
    }
    const top = [...contributions]
      .sort((a, b) => b[1] - a[1])
      .slice(0, topCount)
      .map(([gram, weight]) => ({ gram, weight }))
    return { spam: this.spamScore(features), top }
  }
}
