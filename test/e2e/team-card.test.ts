// The Settings team card in the browser, against the demo server and a real team server on a real PostgreSQL:
// a refused address said in the rep's language, joining, a pack the lead publishes appearing, subscribing, switching
// a locked rule off, and leaving.
import { existsSync } from 'node:fs'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startTeamStack, type TeamStack } from '../integration/team-harness.ts'
import { CHROMIUM, go, horizontalOverflow, launchChromium, screenshotAtEachSize, startDemoServer, type DemoServer } from './harness.ts'

describe('the team card (demo server, team server, chromium)', () => {
  let server: DemoServer
  let stack: TeamStack
  let browser: Browser
  let page: Page
  const pageErrors: string[] = []

  beforeAll(async () => {
    if (!existsSync(CHROMIUM)) throw new Error(`no browser at ${CHROMIUM}: apt-get install chromium (.ci/run does)`)
    ;[server, stack] = await Promise.all([startDemoServer(60_000), startTeamStack()])
    browser = await launchChromium()
    page = await browser.newPage({ viewport: { width: 1280, height: 800 } })
    page.on('pageerror', (error) => pageErrors.push(error.message))
    await page.goto(server.url)
  }, 60_000)

  afterAll(async () => {
    await browser?.close()
    await server?.stop()
    await stack?.close()
  })

  it('joins, shows a published pack, subscribes, switches a rule off and leaves', async () => {
    const { team, lead } = await stack.newTeam()
    const { token } = await stack.db.issueToken(team, '小周', 'rep')
    await go(page, 'settings')
    const card = page.getByTestId('team-card')

    await page.getByTestId('team-url').fill('http://team.example.com')
    await page.getByTestId('team-token').fill(token)
    await card.getByRole('button', { name: '加入团队' }).click()
    await card.getByText('服务器地址必须以 https:// 开头').waitFor({ timeout: 10_000 })

    await page.getByTestId('team-url').fill(stack.server.url)
    await card.getByRole('button', { name: '加入团队' }).click()
    await card.getByText(team).waitFor({ timeout: 10_000 })
    await card.getByText('已连接').waitFor({ timeout: 10_000 })

    await stack.db.publishPack(lead, '母婴', [{ name: '奶粉代购', match: '奶粉 & 代购' }], '第一版')
    const pack = page.getByTestId('team-pack-母婴')
    await pack.waitFor({ timeout: 10_000 })
    await pack.getByRole('switch').first().click()
    await pack.getByText('已订阅').waitFor()
    await pack.getByText('奶粉代购', { exact: true }).waitFor()
    const ruleSwitch = pack.getByRole('switch').nth(1)
    expect(await ruleSwitch.getAttribute('aria-checked')).toBe('true')
    await ruleSwitch.click()
    await expect.poll(() => ruleSwitch.getAttribute('aria-checked'), { timeout: 10_000 }).toBe('false')

    await stack.db.publishPack(lead, '母婴', [{ name: '奶粉代购', match: '奶粉 & 代购' }, { name: '拉人', match: '拉群' }], null)
    await pack.getByText('本版变化：新增 拉人').waitFor({ timeout: 10_000 })
    expect(await horizontalOverflow(page)).toBe(false)
    await screenshotAtEachSize(page, 'settings-team-zh')

    await card.getByRole('button', { name: '退出团队' }).click()
    await page.locator('.ant-popconfirm').getByRole('button', { name: '退出团队' }).click()
    await page.getByTestId('team-url').waitFor({ timeout: 10_000 })
    expect(pageErrors).toEqual([])
  }, 60_000)
})
