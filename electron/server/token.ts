// The headless door's access token: random, kept in the data folder readable by this user only, so a restart
// keeps the same URL working and no other local user or app can read it.
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto'
import { chmodSync, existsSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'

const TOKEN_FILE = 'server-token'

export function loadOrCreateToken(dataDir: string): string {
  const path = join(dataDir, TOKEN_FILE)
  if (existsSync(path)) {
    const token = readFileSync(path, 'utf8').trim()
    if (/^[0-9a-f]{64}$/.test(token)) {
      chmodSync(path, 0o600)
      return token
    }
  }
  const token = randomBytes(32).toString('hex')
  writeFileSync(path, token, { mode: 0o600 })
  chmodSync(path, 0o600)
  return token
}

const digest = (text: string) => createHash('sha256').update(text, 'utf8').digest()

/** Constant time whatever is given: both sides are hashed to the same length first, so not even the length leaks. */
export function tokenMatches(expected: string, given: string | null | undefined): boolean {
  const matches = timingSafeEqual(digest(expected), digest(given ?? ''))
  return matches && typeof given === 'string' && given.length > 0
}
