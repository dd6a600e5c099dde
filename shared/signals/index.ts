// Signals beyond keywords: a learned classifier over character n-grams, repetition, newcomers and floods, and the
// pure halves of the LLM second opinion. No I/O here; electron/signals/ persists, trains in a worker and calls out.
export { featuresOf, ngramsOfCompact } from './ngrams.ts'
export { NaiveBayes, type Label, type ModelData, type Score, type ScoredGram, type WeightedExample } from './naive-bayes.ts'
export { confusionOf, evaluate, type Confusion, type Evaluation } from './metrics.ts'
export { signatureOf, signatureOfCompact, similarity, type Signature } from './near-duplicate.ts'
export { RepetitionTracker, type RepeatFinding, type RepetitionSettings } from './behaviour/repetition.ts'
export { FloodTracker, type FloodFinding } from './behaviour/flood.ts'
export { JoinBurstTracker, isRecentJoiner, newcomerFinding, type NewcomerFinding, type NewcomerSettings } from './behaviour/newcomer.ts'
export * from './decide.ts'
export * from './precision-flags.ts'
export * from './second-opinion.ts'
export * from './training.ts'
export { starterCorpus, corpusSplit, type CorpusMessage, type CorpusSplit } from './corpus/generate.ts'
