// Bundles the Electron entry points (main process and preload) into out/. Only our own code is bundled:
// packages stay in node_modules, where electron-builder packs them with their native parts.
import { build } from 'esbuild'

const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  packages: 'external',
  sourcemap: true,
  logLevel: 'info',
}

await build({ ...common, entryPoints: ['electron/main.ts'], outfile: 'out/main.cjs' })
// The classifier's background retrain runs in a worker thread of its own (electron/signals/retrain-runner.ts).
await build({ ...common, entryPoints: ['electron/signals/retrain-worker.ts'], outfile: 'out/retrain-worker.cjs' })
// Worker threads, each beside main.cjs where electron/workers/start-worker.ts looks for them.
await build({ ...common, entryPoints: ['electron/images/qr-worker.ts'], outfile: 'out/qr-worker.cjs' })
// A sandboxed preload cannot require packages other than electron, so it is bundled whole.
await build({ ...common, packages: undefined, external: ['electron'], entryPoints: ['electron/preload.ts'], outfile: 'out/preload.cjs' })
// The voice decoding worker runs from its own file beside main.cjs (electron/speech/decoder-pool.ts looks for it).
// mpg123-decoder is an ES module only, so it is bundled in; silk-wasm loads its .wasm from its own folder.
await build({ ...common, packages: undefined, external: ['silk-wasm'], entryPoints: ['electron/speech/decode-worker.ts'], outfile: 'out/decode-worker.cjs' })
