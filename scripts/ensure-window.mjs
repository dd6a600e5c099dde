// Builds the window (renderer/dist) when it is missing or older than anything it is built from, so `npm run demo`
// works on a fresh clone and after an edit, and costs nothing otherwise.
import { execFileSync } from 'node:child_process'
import { existsSync, readdirSync, statSync } from 'node:fs'
import { join } from 'node:path'

const ROOT = join(import.meta.dirname, '..')
const BUILT = join(ROOT, 'renderer/dist/index.html')
const SOURCES = ['renderer/src', 'renderer/index.html', 'renderer/vite.config.ts', 'shared', 'docs', 'package-lock.json']

function newest(path) {
  const stat = statSync(path)
  if (!stat.isDirectory()) return stat.mtimeMs
  return Math.max(stat.mtimeMs, ...readdirSync(path).map((name) => newest(join(path, name))))
}

const built = existsSync(BUILT) ? statSync(BUILT).mtimeMs : -1
const changed = Math.max(...SOURCES.map((source) => join(ROOT, source)).filter(existsSync).map(newest))
if (built < changed) {
  console.log(built < 0 ? 'building the window (first run)…' : 'the window’s sources changed: building it again…')
  execFileSync('npm', ['run', '-s', 'build:renderer'], { cwd: ROOT, stdio: 'inherit' })
}
