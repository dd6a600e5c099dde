// The rep's classifier: loaded from SQLite (or trained from the starter corpus on first start), scoring every
// message, learning from each verdict at once, and retrained in full in a worker after many verdicts. A verdict that
// arrives while a retrain runs is applied again to the retrained model, so none is lost in the swap.
import { NaiveBayes, type Label, type Score, type WeightedExample } from '../../shared/signals/naive-bayes.ts'
import { featuresOf } from '../../shared/signals/ngrams.ts'
import { trainStarterModel, weighted } from '../../shared/signals/training.ts'
import type { ModelSource, Store } from '../store/index.ts'
import type { RetrainRunner } from './retrain-runner.ts'

/** Ordinary history the full retrain reads as weak ham: the most recent this many messages. */
const HISTORY_LIMIT = 20_000

export interface ClassifierStatus {
  version: number
  trainedAt: number
  source: ModelSource
  verdictsSinceRetrain: number
  vocabulary: number
  retraining: boolean
}

export interface Classifier {
  score(text: string): Score
  /** The score alone, without the n-grams: cheaper, for every message. */
  spamScore(text: string): number
  /** A rep's verdict on a message changed from `previous` to `next` (null: none): learn it, and unlearn the old one. */
  learnVerdict(text: string, previous: Label | null, next: Label | null): void
  /** Rebuilds the model from the starter corpus and all the rep's evidence, in the worker. */
  retrain(): Promise<ClassifierStatus>
  /** Back to the shipped starter model (a new version). */
  reset(): ClassifierStatus
  status(): ClassifierStatus
  /** Settles when no retrain is running (tests and shutdown). */
  idle(): Promise<void>
}

export interface ClassifierOptions {
  store: Store
  clock: () => number
  runRetrain: RetrainRunner
  /** Told when a background retrain fails; the model in use stays as it was. */
  onRetrainFailed(error: Error): void
}

export function createClassifier({ store, clock, runRetrain, onRetrainFailed }: ClassifierOptions): Classifier {
  let stored = store.signals.model()
  /** The starter model could not be written at first start (the store was locked or full): written with the next change. */
  let unsaved = false
  if (!stored) {
    stored = { version: 1, trainedAt: clock(), source: 'starter', verdictsSinceRetrain: 0, data: trainStarterModel().toData() }
    try {
      store.signals.saveModel(stored)
    } catch {
      // The guard still scores with it; a store fault is the health monitor's to report, not the classifier's.
      unsaved = true
    }
  }
  let model = NaiveBayes.fromData(stored.data)
  let meta = { version: stored.version, trainedAt: stored.trainedAt, source: stored.source, verdictsSinceRetrain: stored.verdictsSinceRetrain }
  let running: Promise<ClassifierStatus> | null = null
  /** Bumped by a reset, so a retrain that started before it does not overwrite the starter model. */
  let generation = 0
  /** Examples learned since the running retrain read its evidence. */
  let sinceSnapshot: WeightedExample[] = []

  const status = (): ClassifierStatus => ({ ...meta, vocabulary: model.vocabularySize, retraining: running !== null })

  function install(next: NaiveBayes, source: ModelSource): void {
    model = next
    meta = { version: meta.version + 1, trainedAt: clock(), source, verdictsSinceRetrain: 0 }
    store.signals.saveModel({ ...meta, data: model.toData() })
    unsaved = false
  }

  function retrain(): Promise<ClassifierStatus> {
    if (running) return running
    sinceSnapshot = []
    const started = generation
    const evidence = store.signals.evidence(clock(), HISTORY_LIMIT)
    running = runRetrain(evidence)
      .then((data) => {
        if (started !== generation) return status()
        const next = NaiveBayes.fromData(data)
        for (const example of sinceSnapshot) next.learn(example)
        install(next, 'retrained')
        return status()
      })
      .finally(() => {
        running = null
        sinceSnapshot = []
      })
    return running
  }

  return {
    score: (text) => model.score(featuresOf(text)),
    spamScore: (text) => model.spamScore(featuresOf(text)),
    learnVerdict(text, previous, next) {
      if (previous === next) return
      const examples = [
        ...(previous ? [weighted(text, previous, 'verdict', -1)] : []),
        ...(next ? [weighted(text, next, 'verdict')] : []),
      ]
      for (const example of examples) model.learn(example)
      if (running) sinceSnapshot.push(...examples)
      meta.verdictsSinceRetrain++
      if (unsaved) store.signals.saveModel({ ...meta, data: model.toData() })
      else store.signals.updateModel(model.toData(), meta.verdictsSinceRetrain)
      unsaved = false
      if (meta.verdictsSinceRetrain >= store.settings.get('retrainAfterVerdicts') && !running) {
        retrain().catch((error: Error) => onRetrainFailed(error))
      }
    },
    retrain,
    reset() {
      generation++
      install(trainStarterModel(), 'starter')
      return status()
    },
    status,
    async idle() {
      await running?.catch(() => undefined)
    },
  }
}
