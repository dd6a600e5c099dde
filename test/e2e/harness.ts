// Runs the headless server with its demo account and drives Debian's chromium against it (playwright-core, no
// browser download). The server is the real `npm run serve -- --demo`, started as a child process.
// These files are type-checked for Node, without the DOM's types, and the window's CSP forbids evaluating strings:
// page state is read through locators and the few functions run in the page type their own parameters.
import { spawn } from 'node:child_process'
import { existsSync, mkdirSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { chromium, type Browser, type Page } from 'playwright-core'

export const ROOT = resolve(import.meta.dirname, '../..')
export const CHROMIUM = '/usr/bin/chromium'
export const SCREENSHOTS = join(ROOT, 'test-output/screenshots')
export const SIZES = [
  { width: 1280, height: 800 },
  { width: 1920, height: 1080 },
] as const

export interface DemoServer {
  url: string
  stop(): Promise<void>
}

/** Starts `serve --demo` on a free port and resolves with the address it prints (which carries the token). */
export function startDemoServer(paceMs: number, extraArgs: readonly string[] = []): Promise<DemoServer> {
  if (!existsSync(join(ROOT, 'renderer/dist/index.html'))) {
    throw new Error('renderer/dist is missing: run `npm run build:renderer` first (npm test does)')
  }
  const child = spawn(process.execPath, [join(ROOT, 'node_modules/tsx/dist/cli.mjs'), 'electron/server/main.ts', '--demo', '--port', '0', '--pace', String(paceMs), ...extraArgs], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let output = ''
  const stop = () =>
    new Promise<void>((done) => {
      if (child.exitCode !== null) return done()
      child.once('exit', () => done())
      child.kill('SIGTERM')
    })
  return new Promise((resolveStart, reject) => {
    const timer = setTimeout(() => reject(new Error(`serve --demo printed no address within 30 s:\n${output}`)), 30_000)
    const read = (chunk: Buffer) => {
      output += chunk.toString()
      const url = /open (http:\/\/\S+#token=\S+)/u.exec(output)?.[1]
      if (url) {
        clearTimeout(timer)
        resolveStart({ url, stop })
      }
    }
    child.stdout.on('data', read)
    child.stderr.on('data', read)
    child.once('exit', (code) => {
      clearTimeout(timer)
      reject(new Error(`serve --demo exited with ${code}:\n${output}`))
    })
  })
}

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  })
}

/** Shows a screen through the address, as a reload would, so no step depends on the menu's language. */
export async function go(page: Page, route: string): Promise<void> {
  await page.goto(`${page.url().replace(/#.*$/u, '')}#/${route}`)
  await settle(page)
}

/** Waits until lazy screens and their first loads are done, and antd's animations have finished. */
export async function settle(page: Page): Promise<void> {
  await page.locator('.screen-loading, .ant-spin-spinning, .ant-skeleton').first().waitFor({ state: 'detached', timeout: 15_000 })
  await page.waitForTimeout(400)
}

/** One screenshot of the page at each size, named `<name>-<width>x<height>.png`; the viewport is restored after. */
export async function screenshotAtEachSize(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENSHOTS, { recursive: true })
  const original = page.viewportSize()
  for (const size of SIZES) {
    await page.setViewportSize(size)
    await page.waitForTimeout(300)
    await page.screenshot({ path: join(SCREENSHOTS, `${name}-${size.width}x${size.height}.png`) })
  }
  if (original) await page.setViewportSize(original)
}

/** Whether the page's layout overflows sideways anywhere (text or controls pushed past the window's edge). */
export function horizontalOverflow(page: Page): Promise<boolean> {
  return page.locator('html').evaluate((html: { scrollWidth: number; clientWidth: number }) => html.scrollWidth > html.clientWidth + 1)
}
