// The full retrain, off the main thread: the guard's message loop keeps running while the model is rebuilt from the
// starter corpus and every piece of the rep's evidence. Receives the evidence, posts back the model's plain data.
import { parentPort } from 'node:worker_threads'
import { trainFullModel } from '../../shared/signals/training.ts'
import type { EvidenceRow } from '../store/index.ts'

parentPort!.once('message', (evidence: EvidenceRow[]) => {
  try {
    parentPort!.postMessage({ ok: true, data: trainFullModel(evidence).toData() })
  } catch (error) {
    parentPort!.postMessage({ ok: false, message: (error as Error).message })
  }
})
