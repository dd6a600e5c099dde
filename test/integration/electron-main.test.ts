// The Electron door: electron/main.ts and electron/preload.ts loaded against a stand-in for the `electron` module,
// with the real service behind the IPC channel.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { pathToFileURL } from 'node:url'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { parse } from 'yaml'
import type { ApiEvent } from '../../shared/api/contract.ts'
import { CONTENT_SECURITY_POLICY } from '../../shared/api/csp.ts'
import { CALL_CHANNEL, EVENT_CHANNEL, type QunGuardBridge } from '../../shared/api/ipc.ts'
import { DATABASE_FILE } from '../../electron/service/start.ts'
import { openStore } from '../../electron/store/index.ts'
import { createFakeElectron, type FakeElectron, type FakeWebContents } from './electron-fake.ts'

// The mocked module reads through to the current fake, so each load of main.ts (a new "process") gets a fresh one.
const fake = vi.hoisted(() => ({ current: null as FakeElectron | null }))
vi.mock('electron', () => {
  const names = ['app', 'BrowserWindow', 'ipcMain', 'Tray', 'Menu', 'nativeImage', 'Notification', 'safeStorage', 'contextBridge', 'ipcRenderer']
  const module = {}
  for (const name of names) {
    Object.defineProperty(module, name, { enumerable: true, get: () => (fake.current!.module as Record<string, unknown>)[name] })
  }
  return module
})

const ELECTRON_DIR = resolve(import.meta.dirname, '../../electron')
const RENDERER_INDEX = resolve(ELECTRON_DIR, '../renderer/dist/index.html')
const RENDERER_URL = pathToFileURL(RENDERER_INDEX).href

let userData: string
let failureId: number
const electron = () => fake.current!

/** Loads electron/main.ts afresh, as a new process would. */
async function loadMain(lock: boolean) {
  vi.resetModules()
  fake.current = createFakeElectron({ lock, userData })
  return import('../../electron/main.ts')
}

beforeAll(() => {
  userData = mkdtempSync(join(tmpdir(), 'qunguard-electron-'))
  // The default puppet would reach WeChat over the network: this profile uses the offline mock puppet.
  const store = openStore(join(userData, DATABASE_FILE))
  store.settings.update({ puppet: 'wechaty-puppet-mock' })
  // Left from before: a failure the rep has not dealt with yet, so the tray starts with one thing to do.
  failureId = store.events.add({ kind: 'action_failed', at: Date.now(), detail: { reason: 'send timed out' } })
  store.close()
})

afterAll(() => {
  rmSync(userData, { recursive: true, force: true })
})

describe('a second instance', () => {
  it('quits at once and opens nothing', async () => {
    await loadMain(false)
    const { app, windows, ipcHandlers } = electron()
    expect(app.quit).toHaveBeenCalledTimes(1)
    expect(app.whenReady).not.toHaveBeenCalled()
    expect(windows).toEqual([])
    expect(ipcHandlers.size).toBe(0)
  })
})

describe('the main process', () => {
  let main: Awaited<ReturnType<typeof loadMain>>
  let ours: FakeWebContents

  /** An IPC call as Electron delivers it: from a sender, with the URL of the frame that made it. */
  const ipcCall = (sender: FakeWebContents, frameUrl: string | null, method: string, input: unknown) =>
    electron().ipcHandlers.get(CALL_CHANNEL)!({ sender, senderFrame: frameUrl === null ? null : { url: frameUrl } }, method, input)

  beforeAll(async () => {
    main = await loadMain(true)
    electron().ready.resolve()
    // start() ends by showing how many things need the rep: from then on the window, the IPC handler and the tray exist.
    await vi.waitFor(() => expect(electron().app.setBadgeCount).toHaveBeenCalledWith(1), { timeout: 20_000, interval: 20 })
    ours = electron().windows[0]!.webContents
  })

  afterAll(async () => {
    const { app } = electron()
    if (app.quit.mock.calls.length === 0) {
      app.emit('before-quit', { preventDefault: () => {} })
      await vi.waitFor(() => expect(app.quit).toHaveBeenCalled(), { timeout: 20_000 })
    }
  })

  it('starts the service in the user-data folder once Electron is ready', () => {
    const { app } = electron()
    expect(app.requestSingleInstanceLock).toHaveBeenCalledTimes(1)
    expect(app.getPath).toHaveBeenCalledWith('userData')
    expect(app.quit).not.toHaveBeenCalled()
  })

  it('opens one window, sandboxed and isolated, on the built page', () => {
    const { windows } = electron()
    expect(windows).toHaveLength(1)
    const [win] = windows
    expect(win!.options).toBe(main.WINDOW_OPTIONS)
    expect(win!.options.webPreferences).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      preload: join(ELECTRON_DIR, 'preload.cjs'),
    })
    expect(win!.loadFile).toHaveBeenCalledWith(RENDERER_INDEX)
    expect(win!.show).not.toHaveBeenCalled()
    win!.emit('ready-to-show')
    expect(win!.show).toHaveBeenCalledTimes(1)
  })

  it('puts the Content-Security-Policy on every response the window loads', () => {
    const callback = vi.fn()
    ours.headersListener!({ responseHeaders: { 'Content-Type': ['text/html'] } }, callback)
    expect(callback).toHaveBeenCalledWith({
      responseHeaders: { 'Content-Type': ['text/html'], 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] },
    })
  })

  it('answers IPC only for our own window showing our own page', async () => {
    const unauthorized = { ok: false, error: { code: 'unauthorized', message: 'not our window' } }
    const stranger = electron().makeWebContents()
    expect(await ipcCall(stranger, RENDERER_URL, 'getSettings', {})).toEqual(unauthorized)
    expect(await ipcCall(ours, 'https://evil.example/', 'getSettings', {})).toEqual(unauthorized)
    expect(await ipcCall(ours, pathToFileURL(join(userData, 'index.html')).href, 'getSettings', {})).toEqual(unauthorized)
    expect(await ipcCall(ours, null, 'getSettings', {})).toEqual(unauthorized)

    const answer = await ipcCall(ours, `${RENDERER_URL}#/settings`, 'getSettings', {})
    expect(answer).toMatchObject({ ok: true, result: { puppet: 'wechaty-puppet-mock', language: 'zh-CN' } })
  })

  it('reaches the service from our window, with the same answers and errors as the HTTP door', async () => {
    expect(await ipcCall(ours, RENDERER_URL, 'getLoginState', {})).toMatchObject({ ok: true, result: { puppet: 'wechaty-puppet-mock' } })
    const saved = await ipcCall(ours, RENDERER_URL, 'saveRules', { rules: [{ name: '广告', match: '代购' }] })
    expect(saved).toMatchObject({ ok: true, result: { ok: true, rules: [{ name: '广告', action: 'warn' }] } })
    expect(await ipcCall(ours, RENDERER_URL, 'listRules', {})).toEqual({ ok: true, result: (saved as { result: { rules: unknown } }).result.rules })
    expect(await ipcCall(ours, RENDERER_URL, 'listGroups', { search: 5 })).toEqual({
      ok: false,
      error: { code: 'bad_input', message: 'listGroups: search: Invalid input: expected string, received number', details: [expect.objectContaining({ path: ['search'] })] },
    })
    expect(await ipcCall(ours, RENDERER_URL, 'dropDatabase', {})).toEqual({ ok: false, error: { code: 'not_found', message: 'unknown method "dropDatabase"' } })
  })

  it('seals secrets with the system keychain', async () => {
    const answer = await ipcCall(ours, RENDERER_URL, 'setSecret', { name: 'puppetToken', value: 'puppet-token-SECRET-42ab' })
    expect(answer).toMatchObject({ ok: true, result: { secrets: { puppetToken: { set: true, hint: '…42ab' } } } })
    expect(electron().safeStorage.encryptString).toHaveBeenCalledWith('puppet-token-SECRET-42ab')
    expect(readFileSync(join(userData, 'secrets.json'), 'utf8')).not.toContain('SECRET')
    const settings = await ipcCall(ours, RENDERER_URL, 'getSettings', {})
    expect(settings).toMatchObject({ ok: true, result: { secrets: { puppetToken: { set: true, hint: '…42ab' } } } })
  })

  it('exposes exactly the contract to the page through the preload, calls and events both ways', async () => {
    const { contextBridge, ipcRenderer } = electron()
    // Our window's renderer process: its IPC reaches the main process's handler as our window, and what the main
    // process sends our window reaches its listeners.
    ipcRenderer.invoke.mockImplementation((channel: string, ...args: unknown[]) =>
      electron().ipcHandlers.get(channel)!({ sender: ours, senderFrame: { url: RENDERER_URL } }, ...args),
    )
    ours.send.mockImplementation((channel: string, payload: unknown) => ipcRenderer.deliver(channel, payload))
    await import('../../electron/preload.ts')

    expect(contextBridge.exposeInMainWorld).toHaveBeenCalledTimes(1)
    const [name, bridge] = contextBridge.exposeInMainWorld.mock.calls[0] as [string, QunGuardBridge]
    expect(name).toBe('qunguard')
    expect(Object.keys(bridge).sort()).toEqual(['call', 'onEvent'])

    const heard: ApiEvent[] = []
    const stop = bridge.onEvent((event) => heard.push(event))
    expect(ipcRenderer.on).toHaveBeenCalledWith(EVENT_CHANNEL, expect.any(Function))
    const answer = await bridge.call('updateSettings', { language: 'en' })
    expect(ipcRenderer.invoke).toHaveBeenCalledWith(CALL_CHANNEL, 'updateSettings', { language: 'en' })
    if (!answer.ok) throw new Error(answer.error.message)
    expect(heard).toContainEqual({ type: 'settings', settings: answer.result })

    stop()
    expect(ipcRenderer.removeListener).toHaveBeenCalledWith(EVENT_CHANNEL, ipcRenderer.on.mock.calls[0]![1])
    const heardBefore = heard.length
    await bridge.call('updateSettings', { language: 'zh-CN' })
    expect(heard).toHaveLength(heardBefore)
  })

  it('shows how many things need the rep on the tray, the title and the badge, and lowers it as the rep deals with them', async () => {
    const { app, trays, windows } = electron()
    expect(trays).toHaveLength(1)
    expect(trays[0]!.setToolTip).toHaveBeenLastCalledWith('(1) QunGuard 群卫')
    expect(windows[0]!.setTitle).toHaveBeenLastCalledWith('(1) QunGuard 群卫')
    expect(await ipcCall(ours, RENDERER_URL, 'acknowledgeEvent', { eventId: failureId })).toMatchObject({ ok: true })
    expect(trays[0]!.setToolTip).toHaveBeenLastCalledWith('QunGuard 群卫')
    expect(windows[0]!.setTitle).toHaveBeenLastCalledWith('QunGuard 群卫')
    expect(app.setBadgeCount).toHaveBeenLastCalledWith(0)
  })

  it('brings the window back when the app is started again', () => {
    const [win] = electron().windows
    win!.isMinimized.mockReturnValue(true)
    electron().app.emit('second-instance')
    expect(win!.restore).toHaveBeenCalled()
    expect(win!.focus).toHaveBeenCalled()
  })

  it('hides the window on close, so the guard keeps running, and brings it back from the tray', () => {
    const { windows, trays } = electron()
    const [win] = windows
    const closing = { preventDefault: vi.fn() }
    win!.emit('close', closing)
    expect(closing.preventDefault).toHaveBeenCalled()
    expect(win!.hide).toHaveBeenCalled()
    trays[0]!.emit('click')
    expect(win!.show).toHaveBeenCalled()
  })

  // https://www.electronjs.org/docs/latest/tutorial/security, point by point, on the window main.ts really opens.
  describe('the Electron security checklist', () => {
    const preferences = () => electron().windows[0]!.options.webPreferences!
    const source = readFileSync(join(ELECTRON_DIR, 'main.ts'), 'utf8')

    it('1. loads only its own content: the built page from the app, nothing remote', () => {
      expect(electron().windows[0]!.loadFile.mock.calls).toEqual([[RENDERER_INDEX]])
      expect(source).not.toMatch(/loadURL\(/)
    })

    it('2-4. no Node.js in the page, its workers or frames; context isolation; the sandbox', () => {
      expect(preferences()).toMatchObject({ nodeIntegration: false, nodeIntegrationInWorker: false, nodeIntegrationInSubFrames: false, contextIsolation: true, sandbox: true })
    })

    it('5. refuses every permission a page asks for or checks', () => {
      for (const permission of ['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal', 'fullscreen']) {
        const callback = vi.fn()
        ours.permissionRequestHandler!(ours, permission, callback, { requestingUrl: RENDERER_URL })
        expect(callback).toHaveBeenCalledWith(false)
        expect(ours.permissionCheckHandler!(ours, permission, 'file://', {})).toBe(false)
      }
    })

    it('6-10. web security on, no insecure content, no experimental or Blink features', () => {
      expect(preferences()).toMatchObject({ webSecurity: true, allowRunningInsecureContent: false, experimentalFeatures: false })
      expect(preferences()).not.toHaveProperty('enableBlinkFeatures')
    })

    it('7. a Content-Security-Policy with our own scripts only: no inline scripts, no eval, no remote hosts', () => {
      const policy = Object.fromEntries(CONTENT_SECURITY_POLICY.split('; ').map((directive) => [directive.split(' ')[0], directive.split(' ').slice(1)]))
      expect(policy['default-src']).toEqual(["'self'"])
      expect(policy['script-src']).toEqual(["'self'"])
      expect(policy['object-src']).toEqual(["'none'"])
      expect(CONTENT_SECURITY_POLICY).not.toMatch(/unsafe-eval|https?:|\*\.|script-src[^;]*unsafe-inline/)
    })

    it('11. no <webview>: the tag is off and attaching one is refused in every web contents', () => {
      expect(preferences().webviewTag).toBe(false)
      const contents = electron().makeWebContents()
      electron().app.emit('web-contents-created', {}, contents)
      const webview = { preventDefault: vi.fn() }
      contents.emit('will-attach-webview', webview)
      expect(webview.preventDefault).toHaveBeenCalled()
    })

    it('12-13. no navigation, redirect, dropped-file navigation or new window, in any web contents', () => {
      expect(preferences().navigateOnDragDrop).toBe(false)
      const contents = electron().makeWebContents()
      electron().app.emit('web-contents-created', {}, contents)
      for (const target of [ours, contents]) {
        for (const event of ['will-navigate', 'will-redirect']) {
          const attempt = { preventDefault: vi.fn() }
          target.emit(event, attempt, 'https://evil.example/')
          expect(attempt.preventDefault, event).toHaveBeenCalled()
        }
        expect(target.windowOpenHandler!({ url: 'https://evil.example/' })).toEqual({ action: 'deny' })
      }
    })

    it('14. never opens links in the system browser from page content', () => {
      expect(source).not.toMatch(/openExternal/)
    })

    it('16. checks the sender of every IPC call (see "answers IPC only for our own window")', async () => {
      const stranger = electron().makeWebContents()
      expect(await ipcCall(stranger, RENDERER_URL, 'listRules', {})).toMatchObject({ ok: false, error: { code: 'unauthorized' } })
    })

    it('18. the packaged app’s fuses: not a Node runtime, no inspector or NODE_OPTIONS, only its own checked archive', () => {
      const config = parse(readFileSync(join(ELECTRON_DIR, '../electron-builder.yml'), 'utf8')) as { electronFuses: Record<string, boolean> }
      expect(config.electronFuses).toEqual({
        runAsNode: false,
        enableCookieEncryption: true,
        enableNodeOptionsEnvironmentVariable: false,
        enableNodeCliInspectArguments: false,
        enableEmbeddedAsarIntegrityValidation: true,
        onlyLoadAppFromAsar: true,
      })
    })

    it('19. exposes no Electron API to the page: the preload bridges two functions (see "exposes exactly the contract")', () => {
      const preload = readFileSync(join(ELECTRON_DIR, 'preload.ts'), 'utf8')
      expect(preload.match(/exposeInMainWorld/g)).toHaveLength(1)
      expect(preload).not.toMatch(/exposeInMainWorld\([^)]*ipcRenderer\s*\)/)
    })
  })

  it('relaunches itself when a restore waits for the next start', async () => {
    const { app } = electron()
    const [backup] = ((await ipcCall(ours, RENDERER_URL, 'backupNow', {})) as { result: { name: string }[] }).result
    expect(await ipcCall(ours, RENDERER_URL, 'restoreBackup', { name: backup!.name })).toMatchObject({ ok: true, result: { restartRequired: true } })
    expect(app.relaunch).toHaveBeenCalledTimes(1)
    expect(app.quit).toHaveBeenCalledTimes(1)
    // The fake does not quit: forget this quit so the next test sees only its own.
    app.quit.mockClear()
  })

  it('stops the service before it quits', async () => {
    const { app } = electron()
    const quitting = { preventDefault: vi.fn() }
    app.emit('before-quit', quitting)
    expect(quitting.preventDefault).toHaveBeenCalled()
    await vi.waitFor(() => expect(app.quit).toHaveBeenCalledTimes(1), { timeout: 20_000 })
    // The database is closed: the service answers nothing any more.
    expect(await ipcCall(ours, RENDERER_URL, 'getSettings', {})).toMatchObject({ ok: false, error: { code: 'internal' } })

    const again = { preventDefault: vi.fn() }
    app.emit('before-quit', again)
    expect(again.preventDefault).not.toHaveBeenCalled()
  })
})
