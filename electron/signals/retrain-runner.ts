// Retrains the classifier in a worker thread (electron/workers/start-worker.ts finds it from source or in the bundle).
import type { ModelData } from '../../shared/signals/naive-bayes.ts'
import type { EvidenceRow } from '../store/index.ts'
import { startWorker } from '../workers/start-worker.ts'

export type RetrainRunner = (evidence: EvidenceRow[]) => Promise<ModelData>

export const retrainInWorker: RetrainRunner = (evidence) =>
  new Promise((resolve, reject) => {
    const worker = startWorker({ source: 'signals/retrain-worker.ts', bundled: 'retrain-worker.cjs' })
    let settled = false
    worker.once('message', (reply: { ok: true; data: ModelData } | { ok: false; message: string }) => {
      settled = true
      void worker.terminate()
      if (reply.ok) resolve(reply.data)
      else reject(new Error(reply.message))
    })
    worker.once('error', (error) => {
      settled = true
      reject(error)
    })
    worker.once('exit', (code) => {
      if (!settled) reject(new Error(`the retrain worker exited with code ${code} before answering`))
    })
    worker.postMessage(evidence)
  })
