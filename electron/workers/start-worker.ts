// Starts one of our TypeScript modules as a worker thread, wherever the main process runs: the desktop bundle ships
// each worker as `<name>.cjs` beside main.cjs (scripts/build-electron.mjs); from source (tsx, vitest, the bench) the
// .ts module runs through tsx's loader, registered inside the worker.
import { existsSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { Worker } from 'node:worker_threads'

export interface WorkerEntry {
  /** The module from the electron/ folder, e.g. 'images/qr-worker.ts'. */
  source: string
  /** Its bundled name beside main.cjs, e.g. 'qr-worker.cjs'. */
  bundled: string
}

export function startWorker(entry: WorkerEntry): Worker {
  // In the CommonJS bundle import.meta.url is undefined and __dirname is out/.
  const here = typeof import.meta.url === 'string' ? dirname(fileURLToPath(import.meta.url)) : __dirname
  // Worker threads cannot load from inside an asar archive: the packaged app unpacks every worker (electron-builder.yml).
  const bundled = join(here, entry.bundled).replace(/app\.asar(?=[\\/])/u, 'app.asar.unpacked')
  if (existsSync(bundled)) return new Worker(bundled)
  const electronDir = join(here, '..')
  // tsx's ES-module API: its CommonJS twin registers the loader relative to the wrong file when run from eval.
  const tsxFolder = dirname(createRequire(join(electronDir, 'main.ts')).resolve('tsx/package.json'))
  const tsx = pathToFileURL(join(tsxFolder, 'dist/esm/api/index.mjs')).href
  const module = pathToFileURL(join(electronDir, entry.source)).href
  return new Worker(`import(${JSON.stringify(tsx)}).then((api) => { api.register(); return import(${JSON.stringify(module)}) })`, { eval: true })
}
