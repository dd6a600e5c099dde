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
// Worker threads, each beside main.cjs where electron/workers/start-worker.ts looks for them.
await build({ ...common, entryPoints: ['electron/images/qr-worker.ts'], outfile: 'out/qr-worker.cjs' })
// A sandboxed preload cannot require packages other than electron, so it is bundled whole.
await build({ ...common, packages: undefined, external: ['electron'], entryPoints: ['electron/preload.ts'], outfile: 'out/preload.cjs' })
