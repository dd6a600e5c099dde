// First step of `npm test`: the system packages the tests need, checked before anything is built, so a machine without
// them fails at once with the one command that fixes it.
import { hasDpkg, installCommand, missingPackages } from './system-packages.mjs'

const missing = missingPackages()
if (missing.length) {
  console.error(`The tests need ${missing.join(', ')}, which this machine lacks. Install them with:\n\n  ${installCommand(missing)}\n`)
  if (!hasDpkg()) console.error('(That is the Debian/Ubuntu command; elsewhere install the same programs, chromium at /usr/bin/chromium.)')
  else console.error('or run `npm run setup`, which does it when run as root or with sudo.')
  process.exit(1)
}
