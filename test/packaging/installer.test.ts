// The packaging smoke test. CI cannot download Electron, so electron-builder (the pinned one, with the project's
// electron-builder.yml) builds its `dir` target around a stand-in Electron folder kept outside the project, and the
// result is checked as an installer would ship it: what is in the asar archive, what is unpacked beside it, what is not.
// The stand-in carries Electron's fuse wire, so the fuses electron-builder.yml asks for are flipped and checked too.
// Not checked here (it needs Electron's headers from the network): the rebuild for Electron's ABI.
import { execFileSync } from 'node:child_process'
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { parse } from 'yaml'

const ROOT = resolve(import.meta.dirname, '../..')
const require = createRequire(import.meta.url)
const asar = require('@electron/asar') as {
  listPackage(archive: string, options: { isPack: boolean }): string[]
  extractFile(archive: string, file: string): Buffer
  statFile(archive: string, file: string): { unpacked?: boolean }
}
/** The first few offending paths, so a failure names them. */
const firstOf = (paths: string[]) => paths.slice(0, 10)
const STAND_IN_MARK = 'qunguard-stand-in-electron'
const fuses = require('@electron/fuses') as { getCurrentFuseWire(binary: string): Promise<Record<string, number>>; FuseV1Options: Record<string, number> }
/** Electron's fuse sentinel, wire version 1, 8 fuses in Electron's default states ('1' on, '0' off). */
const FUSE_WIRE = Buffer.concat([Buffer.from('dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX'), Buffer.from([1, 8]), Buffer.from('10110001')])

let work: string
let resources: string
let files: string[]
const inAsar = (path: string) => files.includes(path)

beforeAll(async () => {
  if (!existsSync(join(ROOT, 'renderer/dist/index.html'))) throw new Error('renderer/dist is missing: run `npm run build:renderer` first (npm test does)')
  execFileSync(process.execPath, [join(ROOT, 'scripts/build-electron.mjs')], { cwd: ROOT, stdio: 'pipe' })
  work = mkdtempSync(join(tmpdir(), 'qunguard-package-'))
  // What electronDist must hold for Linux: the executable (renamed to executableName) and Electron's licence.
  const electronDist = join(work, 'electron-dist')
  mkdirSync(join(electronDist, 'resources'), { recursive: true })
  writeFileSync(join(electronDist, 'electron'), Buffer.concat([Buffer.from(`#!/bin/sh\necho ${STAND_IN_MARK}\nexit 0\n# `), FUSE_WIRE, Buffer.from('\n')]))
  chmodSync(join(electronDist, 'electron'), 0o755)
  writeFileSync(join(electronDist, 'LICENSE'), STAND_IN_MARK)
  writeFileSync(join(electronDist, STAND_IN_MARK), STAND_IN_MARK)

  const config = parse(readFileSync(join(ROOT, 'electron-builder.yml'), 'utf8')) as Record<string, unknown>
  const { build } = await import('electron-builder')
  await build({
    projectDir: ROOT,
    linux: ['dir'],
    publish: 'never',
    config: {
      ...config,
      electronDist,
      electronVersion: (require('electron/package.json') as { version: string }).version,
      npmRebuild: false,
      directories: { ...(config.directories as object), output: join(work, 'release') },
    },
  })
  resources = join(work, 'release/linux-unpacked/resources')
  files = asar.listPackage(join(resources, 'app.asar'), { isPack: false })
}, 600_000)

afterAll(() => {
  if (work) rmSync(work, { recursive: true, force: true })
})

describe('the packaged app (electron-builder dir target, stand-in Electron)', () => {
  it('holds the main bundle, the preload and the window, and starts at the main bundle', () => {
    for (const path of ['/out/main.cjs', '/out/preload.cjs', '/renderer/dist/index.html', '/build/tray.png', '/package.json']) expect(inAsar(path), path).toBe(true)
    const page = readFileSync(join(ROOT, 'renderer/dist/index.html'), 'utf8')
    const assets = [...page.matchAll(/(?:src|href)="\.?\/?(assets\/[^"]+)"/g)].map((match) => `/renderer/dist/${match[1]}`)
    expect(assets.length).toBeGreaterThan(0)
    for (const asset of assets) expect(inAsar(asset), asset).toBe(true)
    const manifest = JSON.parse(asar.extractFile(join(resources, 'app.asar'), 'package.json').toString('utf8')) as { main: string }
    expect(manifest.main).toBe('out/main.cjs')
  })

  it('flips the fuses electron-builder.yml asks for in the executable', async () => {
    const wire = await fuses.getCurrentFuseWire(join(work, 'release/linux-unpacked/qunguard'))
    const { FuseV1Options: option } = fuses
    const [on, off] = [49, 48]
    expect({
      runAsNode: wire[option.RunAsNode!],
      cookieEncryption: wire[option.EnableCookieEncryption!],
      nodeOptions: wire[option.EnableNodeOptionsEnvironmentVariable!],
      inspectArguments: wire[option.EnableNodeCliInspectArguments!],
      asarIntegrity: wire[option.EnableEmbeddedAsarIntegrityValidation!],
      onlyFromAsar: wire[option.OnlyLoadAppFromAsar!],
    }).toEqual({ runAsNode: off, cookieEncryption: on, nodeOptions: off, inspectArguments: off, asarIntegrity: on, onlyFromAsar: on })
  })

  it('unpacks the native modules beside the archive', () => {
    const unpacked = join(resources, 'app.asar.unpacked/node_modules')
    expect(existsSync(join(unpacked, 'better-sqlite3/build/Release/better_sqlite3.node'))).toBe(true)
    const sharpBinaries = readdirSync(join(unpacked, '@img')).filter((name) => name.startsWith('sharp-'))
    expect(sharpBinaries.length).toBeGreaterThan(0)
    expect(existsSync(join(unpacked, 'sharp/package.json'))).toBe(true)
    // Every native binary of the app is outside the archive, where the system can load it.
    const packed = files.filter((path) => path.endsWith('.node') && !asar.statFile(join(resources, 'app.asar'), path.slice(1)).unpacked)
    expect(packed).toEqual([])
  })

  it('keeps the entry file of every package it ships (the exclusions took nothing that runs)', () => {
    const manifests = files.filter((path) => /^\/node_modules\/(?:.+\/node_modules\/)?(?:@[^/]+\/)?[^/@]+\/package\.json$/.test(path))
    expect(manifests.length).toBeGreaterThan(100)
    const missing: string[] = []
    for (const manifest of manifests) {
      const { main } = JSON.parse(asar.extractFile(join(resources, 'app.asar'), manifest.slice(1)).toString('utf8')) as { main?: string }
      if (typeof main !== 'string') continue
      const entry = `${manifest.slice(0, -'package.json'.length)}${main.replace(/^\.\//, '')}`.replace(/\/$/, '')
      if (![entry, `${entry}.js`, `${entry}/index.js`, `${entry}.json`, `${entry}.node`].some(inAsar)) missing.push(entry)
    }
    expect(firstOf(missing)).toEqual([])
  })

  it('leaves out tests, sources, source maps, dev dependencies and the stand-in Electron', () => {
    expect(firstOf(files.filter((path) => path.startsWith('/test/') || /\.(test|spec)\.[cm]?[jt]sx?$/.test(path)))).toEqual([])
    expect(files.filter((path) => /^\/(electron|shared|renderer\/src|scripts|bench)\//.test(path))).toEqual([])
    expect(firstOf(files.filter((path) => /\.(js|cjs|mjs|css)\.map$/.test(path)))).toEqual([])
    expect(files.filter((path) => path.includes(STAND_IN_MARK))).toEqual([])
    // package-lock marks the packages only development needs; none of them may ship.
    const lock = JSON.parse(readFileSync(join(ROOT, 'package-lock.json'), 'utf8')) as { packages: Record<string, { dev?: boolean }> }
    const devOnly = Object.entries(lock.packages).filter(([path, entry]) => entry.dev && path.startsWith('node_modules/')).map(([path]) => `/${path}/`)
    expect(devOnly.length).toBeGreaterThan(100)
    const shipped = new Set(files.filter((path) => path.endsWith('/package.json')).map((path) => path.slice(0, -'package.json'.length)))
    expect(devOnly.filter((path) => shipped.has(path))).toEqual([])
    expect(existsSync(join(resources, 'app.asar.unpacked/node_modules/electron'))).toBe(false)
  })
})
