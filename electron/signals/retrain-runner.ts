// Starts the retrain worker. From source (tests, `npm run serve`) it is the .ts file run through tsx; in the bundled
// app it is out/retrain-worker.cjs beside out/main.cjs (scripts/build-electron.mjs builds both).
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { Worker } from 'node:worker_threads'
import type { ModelData } from '../../shared/signals/naive-bayes.ts'
import type { EvidenceRow } from '../store/index.ts'

export type RetrainRunner = (evidence: EvidenceRow[]) => Promise<ModelData>

function startWorker(): Worker {
  // import.meta.dirname in the ES module sources; __dirname in the CommonJS bundle, where import.meta is empty.
  const here = import.meta.dirname ?? __dirname
  const source = join(here, 'retrain-worker.ts')
  if (!existsSync(source)) return new Worker(join(here, 'retrain-worker.cjs'))
  // A worker does not inherit the parent's TypeScript loader: register tsx in it, then load the source.
  const bootstrap = `import('tsx/esm/api').then((tsx) => { tsx.register(); return import(${JSON.stringify(pathToFileURL(source).href)}) })`
  return new Worker(bootstrap, { eval: true })
}

export const retrainInWorker: RetrainRunner = (evidence) =>
  new Promise((resolve, reject) => {
    const worker = startWorker()
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
