// Runs the command line in-process, as the tests of each command do, with stdout and stderr caught as strings.
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, relative } from 'node:path'
import { fileURLToPath } from 'node:url'
import { onTestFinished } from 'vitest'
import { runCli } from '../../electron/cli/commands.ts'

export const ROOT = fileURLToPath(new URL('../../', import.meta.url))

/** A fixture's path as a user would type it, relative to where the command runs. */
export const fixture = (name: string): string => relative(process.cwd(), join(ROOT, 'test/fixtures/rules', name))

/** A fresh folder for the running test's files, removed when the test finishes. */
export function scratchDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'qunguard-cli-'))
  onTestFinished(() => rmSync(dir, { recursive: true, force: true }))
  return dir
}

export async function cli(...argv: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = ''
  let stderr = ''
  const code = await runCli(argv, { stdout: { write: (text: string) => (stdout += text) }, stderr: { write: (text: string) => (stderr += text) } })
  return { code, stdout, stderr }
}

export const jsonLines = (text: string): unknown[] => text.trimEnd().split('\n').map((line) => JSON.parse(line))

/** stderr's lines, each with the given file name at its start cut off (so that `:LINE:COLUMN: ...` remains). */
export function linesAbout(file: string, stderr: string): string[] {
  return stderr
    .trimEnd()
    .split('\n')
    .map((line) => (line.startsWith(`${file}:`) ? line.slice(file.length) : `(not about ${file}) ${line}`))
}
