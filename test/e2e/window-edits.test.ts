// The rep's window, second pass: edits are never lost or made by accident. Unsaved work asks before it goes, the
// action of a rule changes only through a confirmation with the backtest, priority moves by keyboard, the import
// warns about rules that can never act, settings refuse nonsense, and the engine's errors speak the window's language.
import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type DemoServer, go, screenshotAtEachSize, settle, startWindowSession, type WindowSession } from './harness.ts'

describe('the rep’s edits (demo server, chromium)', () => {
  let session: WindowSession
  let server: DemoServer
  let page: Page
  let pageErrors: string[]

  beforeAll(async () => {
    session = await startWindowSession(200, { width: 1366, height: 850 })
    ;({ server, page, pageErrors } = session)
    await page.goto(server.url)
    await page.getByTestId('header-login').filter({ hasText: '已登录：bot' }).waitFor({ timeout: 30_000 })
  }, 90_000)

  afterAll(() => session?.close())

  const ruleNames = () => page.getByTestId('rules-table').locator('tbody tr.ant-table-row td:nth-child(3)').allTextContents()
  const dialog = () => page.getByTestId('unsaved-dialog')

  it('opens a new rule without errors, and asks before its cancel, the back button or the sidebar throw it away', async () => {
    await go(page, 'rules')
    await page.getByTestId('rules-new').click()
    expect(await page.getByTestId('rule-match-error').count()).toBe(0)
    expect(await page.locator('.code-editor.has-error').count()).toBe(0)
    // Nothing typed yet: cancelling asks nothing.
    await page.getByTestId('rule-cancel').click()
    await page.getByTestId('rules-table').waitFor()

    await page.getByTestId('rules-new').click()
    await page.getByTestId('rule-match-editor').fill('纸尿裤团购')
    await page.getByTestId('rule-cancel').click()
    await dialog().waitFor()
    await screenshotAtEachSize(page, 'unsaved-dialog-zh')
    await page.getByTestId('unsaved-stay').click()
    expect(await page.getByTestId('rule-match-editor').inputValue()).toBe('纸尿裤团购')

    await page.getByRole('menuitem', { name: '统计' }).click()
    await dialog().waitFor()
    await page.getByTestId('unsaved-stay').click()
    expect(page.url()).toContain('#/rules')
    await page.getByTestId('rule-back').click()
    await page.getByTestId('unsaved-discard').click()
    await page.getByTestId('rules-table').waitFor()
    expect(await ruleNames()).not.toContain('新规则')
  }, 30_000)

  it('warns before the page is closed or reloaded with edits pending, and only then', async () => {
    // Headless chromium never shows the browser's own question, so the test asks the page what it would do.
    interface View {
      Event: new (type: string, init: { cancelable: boolean }) => { defaultPrevented: boolean }
      dispatchEvent(event: unknown): boolean
    }
    const unloadHeld = () =>
      page.locator('html').evaluate((html: { ownerDocument: { defaultView: View } }) => {
        const view = html.ownerDocument.defaultView
        const event = new view.Event('beforeunload', { cancelable: true })
        view.dispatchEvent(event)
        return event.defaultPrevented
      })
    await go(page, 'settings')
    expect(await unloadHeld()).toBe(false)
    await page.getByTestId('setting-rateLimitPerMinute').fill('15')
    expect(await unloadHeld()).toBe(true)
    await page.getByTestId('settings-form').getByRole('button', { name: '还原' }).click()
    expect(await unloadHeld()).toBe(false)
  }, 30_000)

  it('asks before leaving Settings with changes, and saves them when told to', async () => {
    await go(page, 'settings')
    const rate = page.getByTestId('setting-rateLimitPerMinute')
    await rate.fill('18')
    await page.getByRole('menuitem', { name: '群管理' }).click()
    await page.getByTestId('unsaved-save').click()
    await page.getByTestId('groups-table').waitFor()
    await go(page, 'settings')
    expect(await page.getByTestId('setting-rateLimitPerMinute').inputValue()).toBe('18')
  }, 30_000)

  it('refuses settings that make no sense, saying what is allowed', async () => {
    await go(page, 'settings')
    const warnings = page.getByTestId('setting-warningsBeforeRemoval')
    await warnings.fill('99')
    await page.getByText('请填写 0 到 20 之间的整数').waitFor()
    await page.getByTestId('settings-save').click()
    expect(await warnings.inputValue()).toBe('99')
    await warnings.fill('0')
    await page.getByText('请填写 0 到 20 之间的整数').waitFor({ state: 'detached' })
    expect(await page.getByTestId('preview-defaultWarningTemplate').textContent()).toContain('第一次违规即移出')
    await screenshotAtEachSize(page, 'settings-invalid-zh')
    await page.getByTestId('settings-form').getByRole('button', { name: '还原' }).click()
  }, 30_000)

  it('changes a rule’s action only after asking, with the backtest on offer', async () => {
    await go(page, 'rules')
    const row = page.getByTestId('rules-table').locator('tr', { hasText: '假货高仿' })
    await row.getByRole('combobox').click()
    await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: '移出' }).click()
    await page.getByTestId('action-change').waitFor()
    await page.getByTestId('action-change').getByTestId('backtest-run').click()
    await page.getByTestId('action-change').getByTestId('backtest-newly').waitFor({ timeout: 20_000 })
    await screenshotAtEachSize(page, 'rule-action-change-zh')
    await page.getByTestId('action-change-cancel').click()
    await page.getByTestId('action-change').waitFor({ state: 'detached' })
    expect(await row.locator('.ant-select-content, .ant-select-selection-item').first().textContent()).toContain('警告')
  }, 40_000)

  it('moves a rule up and down from the keyboard', async () => {
    await go(page, 'rules')
    const before = await ruleNames()
    const down = page.getByTestId('rules-table').locator('tbody tr.ant-table-row').first().getByTestId('rule-move-down')
    await down.focus()
    await page.keyboard.press('Enter')
    await expect.poll(ruleNames).toEqual([before[1], before[0], ...before.slice(2)])
    // The focus stays on the moved rule's button, now in the second row: Shift+Tab reaches its "up".
    await page.keyboard.press('Shift+Tab')
    await page.keyboard.press('Enter')
    await expect.poll(ruleNames).toEqual(before)
  }, 30_000)

  it('says whose words the tester marks when this rule does not match, and opens the backtest on a tab with results', async () => {
    await go(page, 'rules')
    await page.getByTestId('rules-table').getByText('假货高仿').click()
    await page.getByTestId('tester-input').fill('加我薇 信，私聊')
    await page.getByTestId('tester-verdict').filter({ hasText: '未命中' }).waitFor()
    expect(await page.getByTestId('tester-hit-owners').textContent()).toContain('私加联系方式')
    // Nothing edited: back asks nothing.
    await page.getByTestId('rule-back').click()

    // Narrowed, a rule catches nothing new but lets some through: the backtest opens on those.
    await page.getByTestId('rules-table').getByText('赌博彩票').click()
    await page.getByTestId('rule-match-editor').fill('六合彩')
    await page.getByTestId('backtest-run').click()
    await page.getByTestId('backtest-newly').waitFor({ timeout: 20_000 })
    expect(await page.locator('[data-testid=backtest-tabs] .ant-tabs-tab-active').textContent()).toMatch(/不再/u)
    await page.getByTestId('rule-back').click()
    await page.getByTestId('unsaved-discard').click()
  }, 40_000)

  it('tries the guide’s examples in the tester in one click', async () => {
    await page.getByTestId('rules-new').click()
    await page.getByTestId('rules-guide').click()
    await page.getByTestId('guide-example').first().waitFor()
    await screenshotAtEachSize(page, 'rules-guide-zh')
    await page.getByTestId('guide-try').nth(1).click()
    expect(await page.getByTestId('rule-match-editor').inputValue()).toBe('代购 | 微商 | 刷单')
    expect(await page.getByTestId('tester-input').inputValue()).toBe('刷单日结，私聊')
    await page.getByTestId('tester-verdict').filter({ hasText: '命中' }).waitFor()
  }, 30_000)

  it('writes a simple rule from a category, words and "but not" words, and both views edit the same rule', async () => {
    await page.getByTestId('rule-back').click()
    await page.getByTestId('unsaved-discard').click()
    await page.getByTestId('rules-new').click()
    await page.getByTestId('match-view').getByText('简单').click()
    await page.getByTestId('simple-category').click()
    await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: '私加联系方式' }).click()
    const expression = page.getByTestId('simple-expression')
    expect(await expression.textContent()).toBe('(加微信 | 加我微信 | vx | wx | v信 | 加qq | 私聊我 | 私我) - 客服 - 官方')
    await page.getByTestId('simple-words').locator('input').fill('加我好友')
    await page.keyboard.press('Enter')
    await expect.poll(() => expression.textContent()).toContain('私我 | 加我好友) - 客服')
    await page.getByTestId('tester-input').fill('宝妈们加我好友领福利')
    await page.getByTestId('tester-verdict').filter({ hasText: '命中' }).waitFor()
    await page.getByTestId('tester-input').fill('加我好友，我是客服')
    await page.getByTestId('tester-verdict').filter({ hasText: '未命中' }).waitFor()
    await screenshotAtEachSize(page, 'rule-simple-zh')

    await page.getByTestId('match-view').getByText('表达式').click()
    expect(await page.getByTestId('rule-match-editor').inputValue()).toContain('加我好友) - 客服 - 官方')
    await page.getByTestId('rule-match-editor').fill('兼职 日结')
    expect(await page.getByTestId('match-view').locator('.ant-segmented-item-disabled').textContent()).toContain('简单')
  }, 30_000)

  it('says the regex engine’s errors in Chinese', async () => {
    await page.getByTestId('rule-match-editor').fill('/1[3-9\\d{9}/')
    const error = page.getByTestId('rule-match-error')
    await error.waitFor()
    expect(await error.textContent()).toContain('缺少配对的 ]')
    expect(await error.textContent()).not.toMatch(/missing/u)
    await page.getByTestId('rule-back').click()
    await page.getByTestId('unsaved-discard').click()
  }, 30_000)

  it('warns on import about rules that can never act, shows disabled and dry-run ones, and forgets the previous file', async () => {
    await go(page, 'rules')
    await page.getByTestId('rules-import').click()
    const input = page.locator('.ant-modal input[type=file]')
    await input.setInputFiles({
      name: 'rules.yaml',
      mimeType: 'application/yaml',
      buffer: Buffer.from(
        [
          'rules:',
          '  - { name: 引流A, match: "加微信 | 加v" }',
          '  - { name: 引流B, match: "加微信 + 红包" }',
          '  - { name: 团购群, match: 团购, scope: [不存在的群] }',
          '  - { name: 旧规则, match: 秒杀, enabled: false }',
          '  - { name: 试运行, match: 拼单, dryRun: true }',
        ].join('\n'),
        'utf8',
      ),
    })
    const warnings = page.getByTestId('import-never-acts')
    await warnings.waitFor()
    expect(await warnings.textContent()).toContain('「引流B」永远不会生效：排在它前面的「引流A」')
    expect(await warnings.textContent()).toContain('不存在的群')
    await page.getByTestId('import-disabled').waitFor()
    await page.getByTestId('import-dry-run').waitFor()
    await screenshotAtEachSize(page, 'rules-import-warnings-zh')

    await input.setInputFiles({ name: 'keywords.txt', mimeType: 'text/plain', buffer: Buffer.from('加微信|加v"请勿私加微信"\n', 'utf8') })
    await page.getByTestId('import-summary').filter({ hasText: '新增 1 条' }).waitFor()
    const modal = page.getByRole('dialog', { name: '导入规则文件' })
    expect(await modal.textContent()).not.toContain('引流B')
    // Named by its first keyword, which is what {rule} says in the group.
    expect(await modal.locator('tbody').textContent()).toContain('加微信')
    expect(await modal.locator('tbody').textContent()).not.toContain('wx-bot:')
    await modal.getByRole('button', { name: '取 消' }).or(modal.getByRole('button', { name: '取消' })).first().click()
    await modal.waitFor({ state: 'hidden' })
  }, 40_000)

  it('says the engine’s errors and the dialogs in English in the English window', async () => {
    await go(page, 'settings')
    await page.getByTestId('language-switch').getByText('English').click()
    await page.getByRole('menuitem', { name: 'Feed' }).waitFor()
    await go(page, 'rules')
    await page.getByTestId('rules-new').click()
    await page.getByTestId('rule-match-editor').fill('/1[3-9\\d{9}/')
    expect(await page.getByTestId('rule-match-error').textContent()).toContain('has no closing ]')
    await page.getByRole('menuitem', { name: 'Groups' }).click()
    await page.getByRole('dialog', { name: 'You have unsaved changes' }).waitFor()
    await screenshotAtEachSize(page, 'unsaved-dialog-en')
    await page.getByTestId('unsaved-discard').click()
    await page.getByTestId('groups-table').waitFor()
    await settle(page)
    expect(pageErrors).toEqual([])
  }, 30_000)
})
