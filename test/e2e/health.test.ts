// The window tells the rep when moderation is paused by the data file, and stops saying so when it resumes:
// another program holds the demo's database's write lock while the demo groups keep talking.
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { DATABASE_FILE } from '../../electron/service/start.ts'
import { launchChromium, startDemoServer, type DemoServer } from './harness.ts'

describe('moderation health in the window (demo server, chromium)', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'qunguard-e2e-health-'))
  let server: DemoServer
  let browser: Browser
  let page: Page

  beforeAll(async () => {
    server = await startDemoServer(200, ['--data', dataDir])
    browser = await launchChromium()
    page = await browser.newPage({ viewport: { width: 1280, height: 800 } })
  }, 60_000)

  afterAll(async () => {
    await browser?.close()
    await server?.stop()
    rmSync(dataDir, { recursive: true, force: true })
  })

  it('shows "moderation paused" while the data file is locked, in Chinese, and clears it when the lock goes', async () => {
    await page.goto(server.url)
    await page.getByTestId('login-status').filter({ hasText: '已登录：bot' }).waitFor({ timeout: 20_000 })
    expect(await page.getByTestId('health-paused').count()).toBe(0)

    const other = new Database(join(dataDir, DATABASE_FILE))
    try {
      other.exec('BEGIN IMMEDIATE')
      const banner = page.getByTestId('health-paused')
      await banner.waitFor({ timeout: 15_000 })
      expect(await banner.textContent()).toContain('审核已暂停：数据文件被其他程序占用')
      expect(await banner.textContent()).toContain('问题解除后会自动恢复')
    } finally {
      other.close()
    }
    await page.getByTestId('health-paused').waitFor({ state: 'detached', timeout: 20_000 })
  }, 60_000)
})
