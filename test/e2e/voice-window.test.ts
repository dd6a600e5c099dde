// Voice in the rep's window, on the demo server (which has no speech keys): the demo's voice message shows as
// "not transcribed: no speech keys" with a link to Settings and a play button; Settings tests the keys and says why.
import { existsSync } from 'node:fs'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { CHROMIUM, go, launchChromium, screenshotAtEachSize, startDemoServer, type DemoServer } from './harness.ts'

describe('voice messages in the window (demo server, chromium)', () => {
  let server: DemoServer
  let browser: Browser
  let page: Page
  const pageErrors: string[] = []

  beforeAll(async () => {
    if (!existsSync(CHROMIUM)) throw new Error(`no browser at ${CHROMIUM}: apt-get install chromium (.ci/run does)`)
    server = await startDemoServer(100)
    browser = await launchChromium()
    page = await browser.newPage({ viewport: { width: 1280, height: 800 } })
    page.on('pageerror', (error) => pageErrors.push(error.message))
    await page.goto(server.url)
    await page.getByTestId('header-login').filter({ hasText: '已登录：bot' }).waitFor({ timeout: 30_000 })
  }, 60_000)

  afterAll(async () => {
    await browser?.close()
    await server?.stop()
  })

  it('shows an untranscribed voice message with its reason, a link to Settings and its recording', async () => {
    await go(page, 'feed')
    const card = page.locator('[data-testid=feed-card][data-kind=voice_untranscribed]', { hasText: '米粒妈' })
    await card.waitFor({ timeout: 60_000 })
    expect(await card.getByTestId('voice-reason').textContent()).toContain('语音未转成文字：未填写语音识别密钥')
    await card.getByTestId('voice-play').click()
    // The recording loads and plays (headless chromium plays to no device), then the button offers to stop.
    await card.getByTestId('voice-play').filter({ hasText: '停止' }).waitFor({ timeout: 10_000 })
    await screenshotAtEachSize(page, 'feed-voice-zh')
    await card.getByTestId('voice-open-settings').click()
    await page.getByTestId('speech-test').waitFor({ timeout: 10_000 })
    expect(page.url()).toMatch(/#\/settings$/u)
    expect(pageErrors).toEqual([])
  }, 90_000)

  it('tests the speech keys from Settings and says exactly why they fail', async () => {
    await go(page, 'settings')
    await page.getByTestId('speech-test').click()
    const result = page.getByTestId('speech-test-result')
    await result.waitFor({ timeout: 10_000 })
    expect(await result.textContent()).toContain('测试失败：未填写语音识别密钥')
    await page.getByTestId('speech-base-url').fill('not a url')
    await page.getByTestId('speech-base-url').locator('xpath=..').locator('button').click()
    await page.locator('.ant-message-error').waitFor({ timeout: 10_000 })
    expect(pageErrors).toEqual([])
  }, 30_000)
})
