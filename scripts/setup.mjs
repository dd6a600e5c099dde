// `npm run setup`: everything the tests need on a fresh machine. The Debian packages (scripts/system-packages.mjs)
// are installed when this runs as root or sudo works without a password; otherwise the exact command is printed and
// setup stops. Then `npm ci`. Uses only Node's own modules: it runs before node_modules exists.
import { execFileSync, spawnSync } from 'node:child_process'
import { hasDpkg, installCommand, missingPackages } from './system-packages.mjs'

function run(command, args) {
  const result = spawnSync(command, args, { stdio: 'inherit', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } })
  if (result.status !== 0) process.exit(result.status ?? 1)
}

function canSudo() {
  try {
    execFileSync('sudo', ['-n', 'true'], { stdio: 'ignore' })
    return true
  } catch {
    return false
  }
}

const missing = missingPackages()
if (missing.length) {
  if (!hasDpkg()) {
    console.error(`setup: the tests need ${missing.join(', ')}; this is not Debian or Ubuntu, so install them yourself (chromium at /usr/bin/chromium).`)
    process.exit(1)
  }
  const asRoot = process.getuid?.() === 0
  if (!asRoot && !canSudo()) {
    console.error(`setup: the tests need ${missing.join(', ')}. Install them with:\n\n  ${installCommand(missing)}\n\nthen run \`npm run setup\` again.`)
    process.exit(1)
  }
  const prefix = asRoot ? [] : ['sudo', '-n']
  const apt = (...args) => (prefix.length ? run(prefix[0], [...prefix.slice(1), 'apt-get', ...args]) : run('apt-get', args))
  console.log(`setup: installing ${missing.join(', ')}`)
  apt('update', '-qq')
  apt('install', '-y', '-qq', '--no-install-recommends', ...missing)
}
run('npm', ['ci', '--no-audit', '--no-fund'])
