// better-sqlite3 is a native module: tests run it on Node's ABI, the app on Electron's.
// A module left built for the other runtime fails to load with NODE_MODULE_VERSION; rebuild it for Node then.
import { createRequire } from 'node:module'
import { execFileSync } from 'node:child_process'

const require = createRequire(import.meta.url)

function loads() {
  try {
    const Database = require('better-sqlite3')
    new Database(':memory:').close()
    return null
  } catch (error) {
    return error
  }
}

const error = loads()
if (error) {
  if (!/NODE_MODULE_VERSION|was compiled against a different Node\.js version|invalid ELF|Could not locate the bindings/.test(String(error))) {
    console.error(`better-sqlite3 does not load: ${error.message}`)
    process.exit(1)
  }
  console.error('better-sqlite3 was built for another runtime; rebuilding it for Node', process.version)
  execFileSync('npm', ['rebuild', 'better-sqlite3'], { stdio: 'inherit' })
  const again = loads()
  if (again) {
    console.error(`better-sqlite3 still does not load after a rebuild: ${again.message}`)
    process.exit(1)
  }
}
