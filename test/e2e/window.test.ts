// The rep's window against the demo server, in the order a rep meets it: log in through the QR flow, write a rule
// with the live tester, backtest it, watch the demo marketer get warned twice and removed, undo that, then every
// screen in both languages at both window sizes (screenshots in test-output/screenshots/).
import { readFileSync } from 'node:fs'
import type { Locator, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { parseRulesFile } from '../../shared/rules/files.ts'
import { type DemoServer, go, horizontalOverflow, screenshotAtEachSize, settle, startWindowSession, type WindowSession } from './harness.ts'

const SCREENS = ['login', 'groups', 'rules', 'feed', 'stats', 'settings'] as const

// Never skipped: without the browser these tests fail, so a machine that lacks it cannot pass for green.
describe('the rep’s window (demo server, chromium)', () => {
  let session: WindowSession
  let server: DemoServer
  let page: Page
  let pageErrors: string[]

  beforeAll(async () => {
    session = await startWindowSession(300, { width: 1280, height: 800 })
    ;({ server, page, pageErrors } = session)
  }, 90_000)

  afterAll(() => session?.close())

  const card = (kind: string, member: string): Locator => page.locator(`[data-testid=feed-card][data-kind=${kind}]`, { hasText: member })

  it('logs in through the QR flow, and takes the token out of the address', async () => {
    await page.goto(server.url)
    await page.getByTestId('login-qr').waitFor({ timeout: 15_000 })
    expect(page.url()).not.toContain('token=')
    expect(await page.getByTestId('login-status').textContent()).toBe('请用微信扫描二维码')
    await screenshotAtEachSize(page, 'login-qr-zh')

    await page.getByTestId('login-status').filter({ hasText: '已扫描，请在手机上确认登录' }).waitFor({ timeout: 10_000 })
    // Logged in, the window goes on to the groups, which the rep sets up next.
    await page.getByTestId('header-login').filter({ hasText: '已登录：bot' }).waitFor({ timeout: 10_000 })
    await page.getByTestId('groups-table').waitFor({ timeout: 10_000 })
    expect(page.url()).toContain('#/groups')
  }, 40_000)

  it('counts what needs the rep in the header and the window title, and looking at the feed does not clear it', async () => {
    // The demo's known offender comes back into another group: that needs the rep, wherever they are in the window.
    await go(page, 'groups')
    await expect.poll(() => page.title(), { timeout: 60_000 }).toMatch(/^\(\d+\) /u)
    expect(await page.getByTestId('header-needs-rep').locator('.ant-badge-count').count()).toBe(1)
    await go(page, 'feed')
    await settle(page)
    expect(await page.title()).toMatch(/^\(\d+\) /u)
  }, 75_000)

  it('writes a rule: errors are pointed at as it is typed, and the live tester reacts at once', async () => {
    await go(page, 'rules')
    await page.getByTestId('rules-new').click()
    await page.getByTestId('rule-name').fill('E2E 私聊导流')
    const editor = page.getByTestId('rule-match-editor')

    await editor.fill('(~加微信 | vx')
    await page.getByTestId('rule-match-error').waitFor()
    expect(await page.getByTestId('rule-match-error').textContent()).toMatch(/^第 1 行第 \d+ 列：/u)
    expect(await page.locator('.code-editor .tok-error').count()).toBeGreaterThan(0)
    await screenshotAtEachSize(page, 'rule-error-zh')

    await editor.fill('(~加微信 | vx | 纸尿裤) - 客服')
    await page.getByTestId('rule-match-error').waitFor({ state: 'detached' })
    expect(await page.locator('.code-editor .tok-sounds').first().textContent()).toBe('~加微信')

    const tester = page.getByTestId('tester-input')
    await tester.fill('有问题 加 威 信 abc123 问我')
    await page.getByTestId('tester-verdict').filter({ hasText: '命中' }).waitFor()
    expect(await page.getByTestId('tester-highlight').locator('mark').first().textContent()).toBe('加 威 信')
    expect(await page.getByTestId('tester-compact').textContent()).toBe('有问题加威信abc123问我')
    // A new rule goes last: a saved rule that also matches comes first; alone, the draft fires.
    expect(await page.getByTestId('tester-first').textContent()).toContain('私加联系方式')
    await tester.fill('纸尿裤到货了')
    await page.getByTestId('tester-first').filter({ hasText: 'E2E 私聊导流' }).waitFor()

    await tester.fill('请加客服微信问售后')
    await page.getByTestId('tester-verdict').filter({ hasText: '未命中' }).waitFor()
    // The kinds the engine finds in the text show beside the one picked.
    await tester.fill('vx：mama_2023 电话 138 1234 5678 taobao.com/x')
    await page.getByTestId('tester-kinds').filter({ hasText: '手机号' }).waitFor()
    expect(await page.getByTestId('tester-kinds').locator('.ant-tag').allTextContents()).toEqual(['文字', '链接', '手机号', '微信号'])
  }, 30_000)

  it('backtests the edited rules on past messages, then saves them', async () => {
    // Alert only: the demo's customers must not be warned for talking about nappies.
    await page.getByTestId('rule-action').click()
    await page.locator('.ant-select-item-option', { hasText: '只提醒我' }).click()
    await page.getByTestId('rule-match-editor').fill('纸尿裤 | 尿不湿')
    await page.getByTestId('tester-input').fill('请问展会上那款纸尿裤有L码吗？')
    await settle(page)
    await screenshotAtEachSize(page, 'rule-editor-zh')

    await page.getByTestId('backtest-run').click()
    const newly = page.getByTestId('backtest-newly')
    await newly.waitFor({ timeout: 20_000 })
    expect(Number((await newly.locator('.ant-statistic-content-value').textContent())?.replace(/\D/gu, ''))).toBeGreaterThan(0)
    expect(await page.getByTestId('backtest-panel').textContent()).toContain('纸尿裤')
    await screenshotAtEachSize(page, 'rule-backtest-zh')

    await page.getByTestId('rule-save').click()
    const row = page.getByTestId('rules-table').locator('tr', { hasText: 'E2E 私聊导流' })
    await row.waitFor()

    // The demo's customers keep asking about nappies: take the rule out again before it floods the feed.
    await row.getByRole('button', { name: '删除' }).click()
    await page.locator('.ant-popconfirm .ant-btn-primary').click()
    await row.waitFor({ state: 'detached' })
  }, 40_000)

  it('previews what importing a file of the old tool adds or replaces, read in the browser', async () => {
    await page.getByTestId('rules-import').click()
    await page.locator('.ant-modal input[type=file]').setInputFiles({
      name: 'keywords.txt',
      mimeType: 'text/plain',
      buffer: Buffer.from('<加微信|加v>"请勿私加微信"\n<赌博+网站|博彩-新闻>"请勿发布赌博信息"\n', 'utf8'),
    })
    await page.getByTestId('import-summary').filter({ hasText: '新增 2 条' }).waitFor()
    expect(await page.locator('.ant-modal').textContent()).toContain('"加微信" | "加v"')
    expect(await page.locator('.ant-modal').textContent()).toContain('("赌博" + "网站") | ("博彩" - "新闻")')
    await screenshotAtEachSize(page, 'rules-import-zh')
    await page.locator('.ant-modal-footer .ant-btn').first().click()
    await page.locator('.ant-modal').waitFor({ state: 'hidden' })
  }, 30_000)

  it('reorders rules by dragging, and exports them as a file that reads back', async () => {
    await go(page, 'rules')
    const rows = page.getByTestId('rules-table').locator('tbody tr.ant-table-row')
    await rows.first().waitFor()
    const names = () => rows.locator('td:nth-child(3)').allTextContents()
    const before = await names()
    const handle = (index: number) => rows.nth(index).locator('.drag-handle')
    await handle(1).dragTo(handle(0))
    await expect.poll(names).toEqual([before[1], before[0], ...before.slice(2)])
    await handle(1).dragTo(handle(0))
    await expect.poll(names).toEqual(before)

    const download = page.waitForEvent('download')
    await page.getByRole('button', { name: '导出' }).hover()
    await page.getByText('导出为 YAML').click()
    const exported = readFileSync((await (await download).path())!, 'utf8')
    expect(parseRulesFile(exported, 'rules.yaml').rules.map((rule) => rule.name)).toEqual(before)
  }, 30_000)

  it('shows the demo marketer warned twice, then removed, and undoes the removal', async () => {
    await go(page, 'feed')
    const removal = card('removal', '优品代购-Lily')
    await removal.waitFor({ timeout: 60_000 })
    const warnings = card('warning', '优品代购-Lily')
    expect(await warnings.count()).toBe(2)
    expect(await warnings.nth(0).textContent()).toContain('第 2 次警告，共 2 次')
    expect(await warnings.nth(1).textContent()).toContain('第 1 次警告，共 2 次')
    expect(await removal.locator('mark').count()).toBeGreaterThan(0)
    await removal.getByTestId('feed-status').filter({ hasText: '已完成' }).waitFor({ timeout: 10_000 })

    await removal.getByTestId('feed-undo').click()
    await page.getByTestId('undo-allow-list').waitFor()
    await page.locator('.ant-popconfirm .ant-btn-primary').click()
    await removal.getByTestId('feed-overridden').filter({ hasText: '已撤销' }).waitFor({ timeout: 15_000 })
    await card('undo', '优品代购-Lily').waitFor({ timeout: 15_000 })
    // Either the member is back, or the re-add is queued (the rate limit), or WeChat refused it and the window says
    // what to do by hand.
    const instructions = page.getByTestId('undo-instructions')
    await page.locator('.ant-message-success, .ant-message-info').or(instructions).first().waitFor({ timeout: 15_000 })
    if (await instructions.isVisible()) {
      await screenshotAtEachSize(page, 'undo-needs-rep-zh')
      await page.locator('.ant-modal-confirm .ant-btn-primary').click()
    }
    expect(await removal.getByTestId('feed-undo').count()).toBe(0)
  }, 90_000)

  it('records verdicts; the rules list shows precision only from five verdicts on', async () => {
    const falseAlarm = card('warning', '福利姐-小美').first()
    await falseAlarm.getByTestId('feed-false-positive').click()
    await falseAlarm.filter({ hasText: '已标记误判' }).waitFor()
    const rightCall = card('warning', '招财猫').first()
    await rightCall.getByTestId('feed-confirm').click()
    await rightCall.filter({ hasText: '已确认违规' }).waitFor()

    await go(page, 'rules')
    await page.getByTestId('precision-too-few').first().waitFor()
    expect(await page.getByTestId('precision-poor').count()).toBe(0)
    await go(page, 'stats')
    await page.getByTestId('precision-too-few').first().waitFor()
    expect(await page.getByTestId('stats-worst').count()).toBe(0)
  }, 30_000)

  it('shows a classifier alert with its score and the n-grams that weighed most; the signals card shows the model', async () => {
    await go(page, 'feed')
    // 阿杰's pitch matches no starter rule: the classifier raises a quiet alert instead.
    const alert = card('alert', '阿杰').filter({ hasText: '疑似营销' }).first()
    await alert.waitFor({ timeout: 20_000 })
    expect(await alert.getByTestId('signal-score').textContent()).toMatch(/营销评分 \d+%/)
    expect(await alert.getByTestId('signal-gram').count()).toBeGreaterThan(0)
    await go(page, 'settings')
    await page.getByTestId('signals-model').waitFor()
    expect(await page.getByTestId('signals-model').textContent()).toContain('分类器第 1 版')
  }, 30_000)

  it('leaves a removal the bot cannot do to the rep as a task, and gives the known offender’s join card buttons', async () => {
    await go(page, 'feed')
    // The bot is a plain member of the group-buy group: at the limit the rep gets one task, with the reason.
    const task = card('removal_needed', '招财猫')
    await task.waitFor({ timeout: 60_000 })
    expect(await task.textContent()).toContain('不是群主或管理员')
    await task.getByTestId('task-done').click()
    await page.locator('.ant-popconfirm .ant-btn-primary').click()
    await task.getByTestId('feed-status').filter({ hasText: '已完成' }).waitFor({ timeout: 10_000 })
    expect(await task.getByTestId('task-done').count()).toBe(0)

    const join = card('known_offender_joined', '优品代购-Lily')
    await join.getByTestId('join-dismiss').click()
    await join.getByTestId('join-resolution').waitFor({ timeout: 10_000 })

    await go(page, 'groups')
    expect(await page.getByTestId('groups-table').textContent()).toContain('不能')
    await go(page, 'login')
    await page.getByTestId('puppet-abilities').waitFor()
    expect(await page.locator('[data-ability="removeMembers:yes"]').count()).toBe(1)
  }, 90_000)

  it('lays every screen out cleanly (screenshots at 1366×850 and 1024×700)', async () => {
    for (const screen of SCREENS) {
      await go(page, screen)
      expect(await horizontalOverflow(page), `${screen} overflows sideways`).toBe(false)
      await screenshotAtEachSize(page, `${screen}-zh`)
    }
  }, 90_000)

  it('switches to English, and every screen still fits', async () => {
    await go(page, 'settings')
    await page.getByTestId('language-switch').getByText('English').click()
    await page.getByRole('menuitem', { name: 'Feed' }).waitFor()
    expect(await page.locator('.app-header-title').textContent()).toBe('Settings')
    for (const screen of SCREENS) {
      await go(page, screen)
      expect(await horizontalOverflow(page), `${screen} overflows sideways in English`).toBe(false)
      expect(await page.locator('body').innerText(), `${screen} says "1 groups"`).not.toMatch(/\b1 (?:\w+ )?(?:groups|problems|notes|days)\b/u)
      await screenshotAtEachSize(page, `${screen}-en`)
    }
    expect(pageErrors).toEqual([])
  }, 90_000)
})
