// Secrets (puppet token, speech-recognition keys) live in one file readable only by this user, sealed by the OS
// keychain where Electron offers it (safeStorage). They never go into the settings table, events, logs or exports;
// the window only ever sees whether a secret is set and its last characters.
import { chmodSync, existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import type { SecretState } from '../../shared/api/types.ts'

export const SECRET_NAMES = ['puppetToken', 'speechApiKey', 'speechSecretKey', 'llmApiKey'] as const
export type SecretName = (typeof SECRET_NAMES)[number]
/** The team token is kept the same way but never shown, not even as a hint: the team card only says "joined". */
export type StoredSecretName = SecretName | 'teamToken'

/** Encryption the platform offers; the headless mode has none and relies on the file's permissions. */
export interface SecretBox {
  available(): boolean
  seal(plain: string): Buffer
  open(sealed: Buffer): string
}

type SealedFile = Partial<Record<StoredSecretName, { sealed: boolean; value: string }>>

const FILE_NAME = 'secrets.json'
const HINT_LENGTH = 4

export class SecretStore {
  private readonly path: string

  constructor(
    dataDir: string,
    private readonly box: SecretBox | null = null,
  ) {
    this.path = join(dataDir, FILE_NAME)
    if (existsSync(this.path)) chmodSync(this.path, 0o600)
  }

  private read(): SealedFile {
    return existsSync(this.path) ? (JSON.parse(readFileSync(this.path, 'utf8')) as SealedFile) : {}
  }

  get(name: StoredSecretName): string | null {
    const entry = this.read()[name]
    if (!entry) return null
    return entry.sealed ? this.box!.open(Buffer.from(entry.value, 'base64')) : entry.value
  }

  /** An empty value deletes the secret. */
  set(name: StoredSecretName, value: string): void {
    const file = this.read()
    if (value === '') delete file[name]
    else if (this.box?.available()) file[name] = { sealed: true, value: this.box.seal(value).toString('base64') }
    else file[name] = { sealed: false, value }
    // Written aside and renamed, so a crash never leaves half a file; created with owner-only permissions.
    const temporary = `${this.path}.tmp`
    writeFileSync(temporary, JSON.stringify(file), { mode: 0o600 })
    renameSync(temporary, this.path)
  }

  state(name: SecretName): SecretState {
    const value = this.get(name)
    if (!value) return { set: false, hint: null }
    return { set: true, hint: value.length > HINT_LENGTH * 2 ? `…${value.slice(-HINT_LENGTH)}` : null }
  }
}
