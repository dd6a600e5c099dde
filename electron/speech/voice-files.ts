// The decoded audio of voice messages, kept as WAV for the rep to listen to during the retention period. The
// folder and files are readable by this user only: voice is as private as the messages' text.
import { createHash } from 'node:crypto'
import { chmodSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { SPEECH_SAMPLE_RATE } from './decode.ts'
import { writeWav } from './wav.ts'

export interface VoiceFiles {
  /** Writes the audio (0600) and returns its path. */
  save(messageId: string, pcm: Int16Array): string
  /** The 16-bit PCM samples of a saved file, or null when it is gone. */
  readPcm(path: string): Int16Array | null
  read(path: string): Buffer | null
  remove(path: string): void
}

const WAV_HEADER_BYTES = 44

export function createVoiceFiles(folder: string): VoiceFiles {
  function ensureFolder(): void {
    mkdirSync(folder, { recursive: true, mode: 0o700 })
    chmodSync(folder, 0o700)
  }
  const read = (path: string) => (existsSync(path) ? readFileSync(path) : null)
  return {
    save(messageId, pcm) {
      ensureFolder()
      // Message ids are the puppet's: hashed, so no id can name a path outside the folder.
      const path = join(folder, `${createHash('sha256').update(messageId).digest('hex').slice(0, 32)}.wav`)
      writeFileSync(path, writeWav(pcm, SPEECH_SAMPLE_RATE), { mode: 0o600 })
      chmodSync(path, 0o600)
      return path
    },
    readPcm(path) {
      const file = read(path)
      if (!file) return null
      const body = file.subarray(WAV_HEADER_BYTES)
      return new Int16Array(body.buffer.slice(body.byteOffset, body.byteOffset + (body.byteLength & ~1)))
    },
    read,
    remove(path) {
      rmSync(path, { force: true })
    },
  }
}
