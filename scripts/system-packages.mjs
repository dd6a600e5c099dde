// The Debian packages the tests need, in one place: `npm run setup` installs them, `npm test` checks them first.
//   chromium                 the browser tests (playwright-core drives Debian's chromium, no browser download)
//   fonts-noto-cjk, -emoji   Chinese text and emoji render (and are checked in screenshots)
//   espeak-ng, sox, lame     test speech (WAV, MP3)
//   postgresql               initdb and pg_ctl for throwaway team clusters
import { execFileSync } from 'node:child_process'
import { existsSync } from 'node:fs'

export const SYSTEM_PACKAGES = ['chromium', 'fonts-noto-cjk', 'fonts-noto-color-emoji', 'espeak-ng', 'sox', 'lame', 'postgresql']

/** Where there is no dpkg (not Debian or Ubuntu), the programs the packages bring are looked for instead. */
const PROGRAMS = { chromium: '/usr/bin/chromium', 'espeak-ng': 'espeak-ng', sox: 'sox', lame: 'lame' }

function onPath(program) {
  if (program.startsWith('/')) return existsSync(program)
  try {
    execFileSync('sh', ['-c', `command -v ${program}`], { stdio: 'ignore' })
    return true
  } catch {
    return false
  }
}

export const hasDpkg = () => onPath('dpkg-query')

function installed(name) {
  try {
    return execFileSync('dpkg-query', ['-W', '-f=${Status}', name], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).includes('install ok installed')
  } catch {
    return false
  }
}

/** The packages (or, off Debian, the programs) the tests need and this machine lacks. */
export function missingPackages() {
  if (hasDpkg()) return SYSTEM_PACKAGES.filter((name) => !installed(name))
  return Object.entries(PROGRAMS).filter(([, program]) => !onPath(program)).map(([name]) => name)
}

export const installCommand = (names) => `sudo apt-get install -y --no-install-recommends ${names.join(' ')}`
