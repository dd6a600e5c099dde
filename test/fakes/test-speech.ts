// Real speech for tests: espeak-ng speaks Chinese to WAV, silk-wasm's encoder makes WeChat's SILK of it, and lame
// makes 24 kHz MP3 (as WeChat's own MP3 voice). Files go to a folder the caller removes.
import { execFileSync } from 'node:child_process'
import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { encode as encodeSilk } from 'silk-wasm'

let count = 0

/** The phrase spoken at espeak-ng's own rate (22,050 Hz mono WAV); returns the file's path. */
export function speakWav(folder: string, phrase: string, options: { voice?: string; wordsPerMinute?: number } = {}): string {
  const path = join(folder, `speech-${++count}.wav`)
  execFileSync('espeak-ng', ['-v', options.voice ?? 'cmn', '-s', String(options.wordsPerMinute ?? 160), '-w', path, phrase])
  return path
}

/** Resampled with sox (mono, 16-bit) to the given rate. */
export function resampleWav(folder: string, wavPath: string, rate: number): string {
  const path = join(folder, `resampled-${++count}-${rate}.wav`)
  execFileSync('sox', [wavPath, '-c', '1', '-b', '16', '-r', String(rate), path])
  return path
}

/** Silence of the given length (mono 16-bit WAV at the rate). */
export function silenceWav(folder: string, seconds: number, rate = 16_000): string {
  const path = join(folder, `silence-${++count}.wav`)
  execFileSync('sox', ['-n', '-c', '1', '-b', '16', '-r', String(rate), path, 'trim', '0', String(seconds)])
  return path
}

/** Joins WAV files end to end (same rate). */
export function concatWav(folder: string, parts: readonly string[]): string {
  const path = join(folder, `joined-${++count}.wav`)
  execFileSync('sox', [...parts, path])
  return path
}

/** SILK as WeChat sends it (Tencent's variant, with its leading 0x02 byte), encoded from 24 kHz. */
export async function silkOf(folder: string, wavPath: string): Promise<Uint8Array> {
  const encoded = await encodeSilk(readFileSync(resampleWav(folder, wavPath, 24_000)), 0)
  return encoded.data
}

/** Mono MP3 at 24 kHz, as WeChat's MP3 voice. */
export function mp3Of(folder: string, wavPath: string, rate = 24_000): Uint8Array {
  const source = resampleWav(folder, wavPath, rate)
  const path = join(folder, `speech-${++count}.mp3`)
  execFileSync('lame', ['--quiet', '-m', 'm', '--resample', String(rate / 1000), '-b', '32', source, path])
  return readFileSync(path)
}

/** Duration in seconds as sox measures it. */
export function durationOf(path: string): number {
  return Number(execFileSync('soxi', ['-D', path]).toString().trim())
}

export function writeBytes(folder: string, name: string, bytes: Uint8Array): string {
  const path = join(folder, name)
  writeFileSync(path, bytes)
  return path
}
