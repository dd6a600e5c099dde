// `npm run package -- --win|--mac|--linux`: builds the installer with the pinned electron-builder, which rebuilds the
// native modules for Electron's ABI and each target architecture. A `nodedir` in the root user's .npmrc would make
// node-gyp build them against Node's headers instead (a module that then fails in the app): it is cleared here.
import { spawnSync } from 'node:child_process'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'

const require = createRequire(import.meta.url)
const cli = join(dirname(require.resolve('electron-builder/package.json')), 'cli.js')

const env = { ...process.env }
for (const key of Object.keys(env)) if (key.toLowerCase() === 'npm_config_nodedir') delete env[key]

const result = spawnSync(process.execPath, [cli, '--config', 'electron-builder.yml', '--publish', 'never', ...process.argv.slice(2)], { stdio: 'inherit', env })
if (result.status === 0) console.log('installers are in release/; `npm test` rebuilds better-sqlite3 for Node again when it runs')
process.exit(result.status ?? 1)
