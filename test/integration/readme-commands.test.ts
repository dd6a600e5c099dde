// The README's two lines are what a new user types on a fresh machine; CI runs the test line from package.json, so
// these checks keep the three in step, and check that a machine without chromium is told how to fix it at once.
import { spawnSync } from 'node:child_process'
import { chmodSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it, onTestFinished } from 'vitest'
import { ROOT } from './cli-harness.ts'

const readme = readFileSync(join(ROOT, 'README.md'), 'utf8')
const scripts = (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> }).scripts

/** The one shell line of the code block under a README heading. */
function commandUnder(heading: string): string {
  const section = readme.split(/^## /m).find((part) => part.startsWith(`${heading}\n`))
  const block = section && /```sh\n([\s\S]*?)```/.exec(section)?.[1]
  if (!block) throw new Error(`README has no sh block under "## ${heading}"`)
  return block.trim()
}

describe('the README’s commands', () => {
  it('set up and test: one line, the one CI runs', () => {
    expect(commandUnder('Set up and test')).toBe(scripts['setup-and-test'])
    expect(readFileSync(join(ROOT, '.ci/run'), 'utf8')).toMatch(/^npm run -s setup-and-test$/m)
  })

  it('set up and run: one line that installs and starts the demo, building the window when needed', () => {
    expect(commandUnder('Set up and run')).toBe('npm ci && npm run demo')
    expect(scripts.demo).toMatch(/^node scripts\/ensure-window\.mjs && tsx electron\/server\/main\.ts --demo$/)
  })

  it('npm test checks the system packages before it builds anything', () => {
    expect(scripts.pretest).toMatch(/^node scripts\/check-test-tools\.mjs && /)
  })
})

describe('a machine without chromium', () => {
  it('is told the one command that installs it, and the tests stop there', () => {
    // A stand-in dpkg-query that knows every package but chromium.
    const bin = mkdtempSync(join(tmpdir(), 'qunguard-bin-'))
    onTestFinished(() => rmSync(bin, { recursive: true, force: true }))
    writeFileSync(join(bin, 'dpkg-query'), '#!/bin/sh\nfor last; do :; done\n[ "$last" = chromium ] && exit 1\nprintf "install ok installed"\n')
    chmodSync(join(bin, 'dpkg-query'), 0o755)
    const result = spawnSync(process.execPath, [join(ROOT, 'scripts/check-test-tools.mjs')], {
      encoding: 'utf8',
      env: { ...process.env, PATH: `${bin}:${process.env.PATH}` },
    })
    expect(result.status).toBe(1)
    expect(result.stderr).toContain('The tests need chromium, which this machine lacks. Install them with:\n\n  sudo apt-get install -y --no-install-recommends chromium\n')
    expect(result.stderr).toContain('npm run setup')
  })
})
