// Rebuilds better-sqlite3 for Electron's ABI, for `npm start` and packaging on a machine with internet (Electron's
// headers are downloaded). Never run in CI: tests need Node's ABI, which `npm test` restores (scripts/ensure-native.mjs).
// The root user's .npmrc may set `nodedir`, which silently makes node-gyp compile against Node's headers instead of
// Electron's; it is removed from the environment here, and the result is checked: Node must refuse to load the module.
import { execFileSync, spawnSync } from 'node:child_process'
import { createRequire } from 'node:module'

const require = createRequire(import.meta.url)
const electronVersion = require('electron/package.json').version

const env = { ...process.env }
for (const key of Object.keys(env)) if (key.toLowerCase() === 'npm_config_nodedir') delete env[key]
Object.assign(env, {
  npm_config_runtime: 'electron',
  npm_config_target: electronVersion,
  npm_config_disturl: 'https://electronjs.org/headers',
  npm_config_nodedir: '',
  npm_config_build_from_source: 'true',
})

execFileSync('npm', ['rebuild', 'better-sqlite3', '--nodedir='], { stdio: 'inherit', env })

const probe = spawnSync(process.execPath, ['-e', "new (require('better-sqlite3'))(':memory:')"], { encoding: 'utf8' })
if (probe.status === 0) {
  console.error(`better-sqlite3 still loads in Node ${process.version}: it was built for Node, not Electron ${electronVersion} (check nodedir in .npmrc)`)
  process.exit(1)
}
if (!/NODE_MODULE_VERSION/.test(probe.stderr)) {
  console.error(`better-sqlite3 fails to load for another reason:\n${probe.stderr}`)
  process.exit(1)
}
console.log(`better-sqlite3 rebuilt for Electron ${electronVersion}`)
