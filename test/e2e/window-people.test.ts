// The rep's window, second pass: after the login the groups come first; the page opened without its token says how
// to get in; groups are found by pinyin; the feed shows what the bot said, exports as CSV, and opens a member's whole
// story; pardons work from the keyboard and the groups' counts follow them; the statistics are charts with tooltips;
// and at 1024×700 no screen scrolls sideways or hides a button, in either language.
import { readFileSync } from 'node:fs'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { buttonsOffScreen, type DemoServer, go, horizontalOverflow, screenshotAtEachSize, settle, startWindowSession, type WindowSession } from './harness.ts'

const SCREENS = ['login', 'groups', 'rules', 'feed', 'stats', 'settings'] as const

describe('the rep’s groups, feed and members (demo server, chromium)', () => {
  let session: WindowSession
  let server: DemoServer
  let browser: Browser
  let page: Page
  let pageErrors: string[]

  beforeAll(async () => {
    session = await startWindowSession(150, { width: 1366, height: 850 })
    ;({ server, browser, page, pageErrors } = session)
  }, 90_000)

  afterAll(() => session?.close())

  const card = (kind: string, member: string) => page.locator(`[data-testid=feed-card][data-kind=${kind}]`, { hasText: member })
  const groupRow = (topic: string) => page.getByTestId('groups-table').locator('tr.ant-table-row', { hasText: topic })
  /** The 7-day warnings of a group, as the groups screen shows them. */
  const warnings7d = async (topic: string) => Number(await groupRow(topic).locator('td').nth(-2).textContent())

  it('shows the groups screen once logged in, whether the rep watched the QR code or opened the window after', async () => {
    await page.goto(server.url)
    await page.getByTestId('groups-table').waitFor({ timeout: 30_000 })
    expect(page.url()).toContain('#/groups')
  }, 40_000)

  it('tells a rep who opened the page without its token how to get in, and lets them paste the link', async () => {
    const stranger = await browser.newPage({ viewport: { width: 1366, height: 850 } })
    await stranger.goto(server.url.replace(/#.*$/u, ''))
    await stranger.getByTestId('no-access').waitFor()
    expect(await stranger.getByTestId('no-access').textContent()).toContain('桌面版')
    await stranger.getByTestId('no-access-link').fill('http://example.com/#token=abc')
    expect(await stranger.getByTestId('no-access-open').isDisabled()).toBe(true)
    await screenshotAtEachSize(stranger, 'no-access-zh')
    await stranger.getByTestId('no-access-link').fill(server.url)
    await stranger.getByTestId('no-access-open').click()
    await stranger.getByTestId('header-login').waitFor({ timeout: 15_000 })
    await stranger.close()
  }, 40_000)

  it('finds groups by pinyin initials and with spaces, filters from the keyboard, and keeps focus after a bulk action', async () => {
    await go(page, 'groups')
    const search = page.getByTestId('groups-search')
    const rows = page.getByTestId('groups-table').locator('tr.ant-table-row')
    await search.fill('ymj')
    await expect.poll(() => rows.count()).toBe(1)
    expect(await rows.first().textContent()).toContain('孕妈交流群')
    await search.fill('宝妈 育儿')
    await expect.poll(() => rows.count()).toBe(1)
    await search.fill('')

    await page.getByRole('combobox', { name: '能否移出成员' }).focus()
    await page.keyboard.press('Enter')
    await page.keyboard.press('ArrowDown')
    await page.keyboard.press('ArrowDown')
    await page.keyboard.press('Enter')
    await expect.poll(() => rows.count()).toBe(1)
    expect(await rows.first().textContent()).toContain('母婴好物团购群')

    await rows.first().locator('.ant-checkbox-input').check()
    const quiet = page.getByTestId('groups-bulk-quiet')
    await quiet.click()
    await expect.poll(() => quiet.evaluate((button: { ownerDocument: { activeElement: unknown } }) => button.ownerDocument.activeElement === button)).toBe(true)
    await page.getByTestId('groups-bulk-unquiet').click()
  }, 40_000)

  it('shows on a warning card the exact words the group read, and opens the member’s whole story', async () => {
    await go(page, 'feed')
    const removal = card('removal', '优品代购-Lily')
    await removal.waitFor({ timeout: 60_000 })
    const warning = card('warning', '优品代购-Lily').first()
    expect(await warning.getByTestId('feed-said').textContent()).toContain('@优品代购-Lily')
    await warning.getByTestId('member-link').click()
    const drawer = page.getByTestId('member-drawer')
    await drawer.waitFor()
    await drawer.getByTestId('member-known-offender').waitFor()
    // Lily was removed from the fair's group and then joined the sharing group: both are in her story.
    expect(await drawer.getByTestId('member-groups').textContent()).toContain('孕妈交流群')
    expect(await drawer.getByTestId('member-groups').textContent()).toContain('宝妈育儿分享群')
    expect(await drawer.getByTestId('member-events').locator('[data-testid=feed-card]').count()).toBeGreaterThanOrEqual(3)
    await screenshotAtEachSize(page, 'member-story-zh')
    await page.keyboard.press('Escape')
    await drawer.waitFor({ state: 'detached' })
  }, 90_000)

  it('marks a member as a known offender from their story, with a reason, and takes the mark back', async () => {
    await go(page, 'feed')
    // 阿杰's pitch only raised the classifier's alert: he is still in the sharing group.
    const alert = card('alert', '阿杰').first()
    await alert.waitFor({ timeout: 60_000 })
    await alert.getByTestId('member-link').click()
    const drawer = page.getByTestId('member-drawer')
    await drawer.waitFor()
    await drawer.getByTestId('member-mark').click()
    await page.getByTestId('member-mark-reason-input').fill('在别的群私下拉人做兼职')
    await page.getByTestId('member-mark-ok').click()
    await drawer.getByTestId('member-marked').waitFor({ timeout: 10_000 })
    expect(await drawer.getByTestId('member-marked').textContent()).toBe('已标记为违规成员')
    expect(await drawer.getByTestId('member-mark-reason').textContent()).toBe('你的标记：在别的群私下拉人做兼职')
    // Still in a group: the story says so, beside the "remove by hand" of that group.
    expect(await drawer.getByTestId('member-marked-still-in').textContent()).toContain('阿杰 仍在 1 个群中')
    expect(await drawer.getByTestId('member-remove').count()).toBe(1)
    const markCard = drawer.locator('[data-testid=feed-card][data-kind=offender_marked]')
    expect(await markCard.getByTestId('feed-mark-reason').textContent()).toBe('原因：在别的群私下拉人做兼职')
    // Said once, as the rep's reason: not as a failure's.
    expect(await markCard.getByText('在别的群私下拉人做兼职').count()).toBe(1)
    await screenshotAtEachSize(page, 'member-marked-zh')

    await drawer.getByTestId('member-unmark').click()
    await page.getByTestId('member-unmark-ok').click()
    await drawer.getByTestId('member-mark').waitFor({ timeout: 10_000 })
    expect(await drawer.getByTestId('member-marked').count()).toBe(0)
    expect(await drawer.getByTestId('member-marked-still-in').count()).toBe(0)
    expect(await markCard.getByTestId('feed-overridden').textContent()).toBe('已撤销')
    await page.keyboard.press('Escape')
    await drawer.waitFor({ state: 'detached' })
    // The feed has the mark's card too, shown undone, with no unmark button left.
    const inFeed = card('offender_marked', '阿杰')
    await inFeed.getByTestId('feed-overridden').waitFor({ timeout: 10_000 })
    expect(await inFeed.getByTestId('feed-unmark').count()).toBe(0)
  }, 90_000)

  it('counts what needs the rep alike in the menu, the header and the title, one less once the rep deals with it', async () => {
    await go(page, 'feed')
    const join = card('known_offender_joined', '优品代购-Lily')
    await join.getByTestId('join-dismiss').waitFor({ timeout: 30_000 })
    /** A badge's number; a badge at 0 shows nothing. */
    const badge = async (testId: string) => {
      const count = page.getByTestId(testId).locator('.ant-badge-count')
      return (await count.count()) === 0 ? 0 : Number(await count.getAttribute('title'))
    }
    const header = () => badge('header-needs-rep')
    const menu = () => badge('menu-needs-rep')
    const title = async () => Number(/^\((\d+)\) /u.exec(await page.title())?.[1] ?? 0)
    const before = await header()
    expect(before).toBeGreaterThan(0)
    expect(await menu()).toBe(before)
    expect(await title()).toBe(before)
    await join.getByTestId('join-dismiss').click()
    await join.getByTestId('join-resolution').waitFor()
    await expect.poll(header, { timeout: 10_000 }).toBe(before - 1)
    expect(await title()).toBe(before - 1)
  }, 60_000)

  it('opens from the bell on what needs the rep alone, and shows everything again at one click', async () => {
    await go(page, 'groups')
    const needing = Number(await page.getByTestId('header-needs-rep').locator('.ant-badge-count').getAttribute('title'))
    expect(needing).toBeGreaterThan(0)
    const cards = page.getByTestId('feed-list').getByTestId('feed-card')
    const shown = page.getByTestId('feed-filter-needs-rep').locator('.ant-segmented-item-selected')
    const bell = page.getByTestId('header-needs-rep').getByRole('button')
    await bell.click()
    await expect.poll(() => page.url()).toContain('#/feed/needs-rep')
    await expect.poll(() => cards.count(), { timeout: 10_000 }).toBe(needing)
    expect(await shown.textContent()).toBe('需要我处理')
    expect(await card('warning', '招财猫').count()).toBe(0)

    await page.getByTestId('feed-filter-needs-rep').getByText('全部').click()
    await card('warning', '招财猫').first().waitFor({ timeout: 10_000 })
    expect(await cards.count()).toBeGreaterThan(needing)
    expect(page.url()).not.toContain('needs-rep')
    // The bell again, with the feed open: what needs the rep, once more.
    await bell.click()
    await expect.poll(() => cards.count(), { timeout: 10_000 }).toBe(needing)
    expect(await shown.textContent()).toBe('需要我处理')
    await page.getByTestId('feed-filter-needs-rep').getByText('全部').click()
    await card('warning', '招财猫').first().waitFor({ timeout: 10_000 })
  }, 60_000)

  it('keeps an event that came while the feed was loading, instead of the page read before it', async () => {
    await go(page, 'feed')
    const views = page.getByTestId('feed-filter-needs-rep')
    await views.getByText('需要我处理').click()
    await settle(page)
    const api = async (method: string, input: unknown) => {
      const { origin, hash } = new URL(server.url)
      const token = new URLSearchParams(hash.slice(1)).get('token')!
      const response = await fetch(`${origin}/api/${method}`, { method: 'POST', headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` }, body: JSON.stringify(input) })
      return ((await response.json()) as { result: { items: { memberName: string | null; memberKey: string | null }[] } }).result
    }
    const memberKey = (await api('listFeed', { limit: 500 })).items.find((event) => event.memberName === '招财猫')!.memberKey!

    // The next first page is read by the service at once but reaches the window only when let go.
    let letGo!: () => void
    const held = new Promise<void>((resolve) => (letGo = resolve))
    let read!: () => void
    const pageRead = new Promise<void>((resolve) => (read = resolve))
    await page.route('**/api/listFeed', async (route) => {
      const response = await route.fetch()
      read()
      await held
      await route.fulfill({ response })
    })
    await views.getByText('全部').click()
    await pageRead
    // Meanwhile the rep marks 招财猫 (from another window): the feed hears of it before its page arrives.
    await api('setKnownOffender', { memberKey, marked: true, reason: '测试' })
    const marked = card('offender_marked', '招财猫')
    await marked.first().waitFor({ timeout: 10_000 })
    // Then the page read before it arrives: the mark stays.
    letGo()
    await settle(page)
    expect(await marked.count()).toBe(1)
    await page.unroute('**/api/listFeed')
    await api('setKnownOffender', { memberKey, marked: false })
  }, 60_000)

  it('pardons from the keyboard: the confirmation takes the focus, and the groups’ 7-day count follows', async () => {
    await go(page, 'groups')
    const before = await warnings7d('母婴好物团购群')
    expect(before).toBeGreaterThan(0)
    await go(page, 'feed')
    const warning = card('warning', '招财猫').first()
    const pardon = warning.getByTestId('feed-pardon')
    await pardon.focus()
    await page.keyboard.press('Enter')
    const ok = page.getByTestId('feed-pardon-ok')
    await ok.waitFor()
    await expect.poll(() => ok.evaluate((button: { ownerDocument: { activeElement: unknown } }) => button.ownerDocument.activeElement === button)).toBe(true)
    await page.keyboard.press('Enter')
    await warning.getByTestId('feed-overridden').waitFor({ timeout: 10_000 })
    // The focus is on the card, not dropped to the page.
    await expect.poll(() => warning.evaluate((element: { ownerDocument: { activeElement: unknown } }) => element.ownerDocument.activeElement === element)).toBe(true)
    await go(page, 'groups')
    await expect.poll(() => warnings7d('母婴好物团购群'), { timeout: 10_000 }).toBe(before - 1)
  }, 40_000)

  it('undoes a removal from the keyboard, and the groups’ 7-day removals follow', async () => {
    await go(page, 'groups')
    const before = Number(await groupRow('孕妈交流群').locator('td').nth(-1).textContent())
    expect(before).toBeGreaterThan(0)
    await go(page, 'feed')
    const removal = card('removal', '优品代购-Lily')
    await removal.getByTestId('feed-undo').focus()
    await page.keyboard.press('Enter')
    const ok = page.getByTestId('feed-undo-ok')
    await ok.waitFor()
    await expect.poll(() => ok.evaluate((button: { ownerDocument: { activeElement: unknown } }) => button.ownerDocument.activeElement === button)).toBe(true)
    await page.keyboard.press('Enter')
    await removal.getByTestId('feed-overridden').waitFor({ timeout: 15_000 })
    // Where WeChat will not let the bot add them back, the rep is told how (a dialog the keyboard closes).
    const instructions = page.getByTestId('undo-instructions')
    const told = await instructions.waitFor({ timeout: 5_000 }).then(() => true, () => false)
    if (told) {
      await page.keyboard.press('Enter')
      await instructions.waitFor({ state: 'hidden', timeout: 5_000 })
    }
    await go(page, 'groups')
    await expect.poll(async () => Number(await groupRow('孕妈交流群').locator('td').nth(-1).textContent()), { timeout: 10_000 }).toBe(before - 1)
  }, 40_000)

  it('exports the feed as CSV with its filters applied', async () => {
    await go(page, 'feed')
    await page.getByTestId('feed-filter-kinds').click()
    await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: /^移出$/u }).click()
    await page.keyboard.press('Escape')
    await settle(page)
    const shown = await page.locator('[data-testid=feed-list] [data-testid=feed-card]').count()
    const download = page.waitForEvent('download')
    await page.getByTestId('feed-export').click()
    const csv = readFileSync((await (await download).path())!, 'utf8').replace(/^\uFEFF/u, '')
    const lines = csv.trimEnd().split('\r\n')
    expect(lines[0]).toBe('id,time,kind,group,member,rule,status,dry_run,overridden,verdict,text')
    expect(lines.length - 1).toBe(shown)
    expect(lines.slice(1).every((line) => line.split(',')[2] === 'removal')).toBe(true)
  }, 30_000)

  it('draws the statistics as charts with tooltips, a date range and breakdowns by group, rule and signal', async () => {
    await go(page, 'stats')
    const chart = page.getByTestId('stats-chart')
    await chart.locator('svg').waitFor()
    for (const part of ['stats-chart-groups', 'stats-chart-rules', 'stats-chart-signals']) await page.getByTestId(part).locator('svg').waitFor()
    const box = (await chart.boundingBox())!
    // The last day (today) has the demo's offences: its bar is at the right end.
    await page.mouse.move(box.x + box.width - 40, box.y + box.height - 60)
    await page.locator('.echart div', { hasText: '警告' }).filter({ visible: true }).first().waitFor({ timeout: 5000 })
    await page.getByTestId('stats-range').first().waitFor()
    await page.getByTestId('stats-period').getByText('近 30 天').click()
    await settle(page)
    await chart.locator('svg').waitFor()
  }, 30_000)

  async function everyScreenFits(language: string) {
    for (const screen of SCREENS) {
      await go(page, screen)
      await page.setViewportSize({ width: 1024, height: 700 })
      await page.waitForTimeout(300)
      expect(await horizontalOverflow(page), `${screen} overflows sideways at 1024×700 (${language})`).toBe(false)
      expect(await buttonsOffScreen(page), `${screen}'s buttons off screen at 1024×700 (${language})`).toEqual([])
      expect(await page.locator('.ant-layout-sider-collapsed').count(), 'the sidebar collapses').toBe(1)
      await page.setViewportSize({ width: 1366, height: 850 })
      await screenshotAtEachSize(page, `${screen}-${language}`)
    }
  }

  it('fits every screen in 1024×700 with every button reachable, the sidebar collapsed, in Chinese', async () => {
    await everyScreenFits('zh')
    await go(page, 'rules')
    await page.getByTestId('rules-new').click()
    await page.setViewportSize({ width: 1024, height: 700 })
    // The tester sits beside the form, not below it.
    const form = (await page.locator('.rule-fields').boundingBox())!
    const tester = (await page.locator('.rule-tester').boundingBox())!
    expect(tester.x).toBeGreaterThan(form.x + form.width - 1)
    expect(await buttonsOffScreen(page)).toEqual([])
    await page.setViewportSize({ width: 1366, height: 850 })
    await page.getByTestId('rule-back').click()
  }, 90_000)

  it('and in English', async () => {
    await go(page, 'settings')
    await page.getByTestId('language-switch').getByText('English').click()
    await page.getByRole('menuitem', { name: 'Feed' }).waitFor()
    await everyScreenFits('en')
    // Why the bot could not remove is said in English too, not in the main process's Chinese.
    await go(page, 'feed')
    const task = card('removal_needed', '招财猫')
    expect(await task.textContent()).toContain('is neither owner nor admin of the group')
    expect(await task.textContent()).not.toContain('不是群主')
    expect(pageErrors).toEqual([])
  }, 90_000)
})
