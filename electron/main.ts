// The Electron door: one hardened window, the service in the main process, the contract over IPC.
// Everything with logic lives in plain Node modules (electron/service, electron/server); this file only binds
// them to Electron, so it stays small enough to review at a glance.
import { app, BrowserWindow, ipcMain, Menu, nativeImage, Notification, safeStorage, Tray, type IpcMainInvokeEvent } from 'electron'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { CALL_CHANNEL, EVENT_CHANNEL } from '../shared/api/ipc.ts'
import { CONTENT_SECURITY_POLICY } from '../shared/api/csp.ts'
import { wireError } from './server/dispatch.ts'
import { startService, type RunningService } from './service/start.ts'
import { createNoticeBatcher } from './service/notice-batcher.ts'
import { desktopNotice } from './service/notices.ts'

const RENDERER_INDEX = join(__dirname, '../renderer/dist/index.html')
const RENDERER_URL = pathToFileURL(RENDERER_INDEX).href

export const WINDOW_OPTIONS: Electron.BrowserWindowConstructorOptions = {
  width: 1280,
  height: 800,
  minWidth: 1024,
  minHeight: 640,
  title: 'QunGuard 群卫',
  show: false,
  webPreferences: {
    preload: join(__dirname, 'preload.cjs'),
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    experimentalFeatures: false,
    webviewTag: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    navigateOnDragDrop: false,
    spellcheck: false,
  },
}

let window: BrowserWindow | null = null
let tray: Tray | null = null
let service: RunningService | null = null
/** Closing the window only hides it: the guard keeps watching the groups until the rep quits from the tray. */
let quitting = false

/** IPC is answered only for our own window showing our own page. */
function fromOurWindow(event: IpcMainInvokeEvent): boolean {
  return window !== null && event.sender === window.webContents && event.senderFrame?.url.split('#')[0] === RENDERER_URL
}

function createWindow(): BrowserWindow {
  const win = new BrowserWindow(WINDOW_OPTIONS)
  const { session } = win.webContents
  session.webRequest.onHeadersReceived((details, callback) => {
    callback({ responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] } })
  })
  // The window needs no camera, microphone, notifications-from-the-page, geolocation or anything else a page can ask.
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false))
  session.setPermissionCheckHandler(() => false)
  win.once('ready-to-show', () => win.show())
  void win.loadFile(RENDERER_INDEX)
  return win
}

/** How many things need the rep, on the tray, the window title and the app badge. */
function showNeedsRep(count: number): void {
  // As the page writes its own title, which Electron puts on the window whenever it changes.
  const label = count > 0 ? `(${count}) QunGuard 群卫` : 'QunGuard 群卫'
  tray?.setToolTip(label)
  window?.setTitle(label)
  app.setBadgeCount(count)
}

async function start(): Promise<void> {
  service = await startService({
    dataDir: app.getPath('userData'),
    secretBox: {
      available: () => safeStorage.isEncryptionAvailable(),
      seal: (plain) => safeStorage.encryptString(plain),
      open: (sealed) => safeStorage.decryptString(sealed),
    },
  })
  ipcMain.handle(CALL_CHANNEL, async (event, method: unknown, input: unknown) => {
    if (!fromOurWindow(event)) return { ok: false, error: { code: 'unauthorized', message: 'not our window' } }
    try {
      return { ok: true, result: await service!.dispatch(String(method), input) }
    } catch (error) {
      return wireError(error)
    }
  })
  // What needs the rep, grouped: a burst of failures is one notification.
  const notices = createNoticeBatcher(
    (notice) => Notification.isSupported() && new Notification(notice).show(),
    () => service!.settings().language,
  )
  service.subscribe((event) => {
    window?.webContents.send(EVENT_CHANNEL, event)
    // A staged restore happens at the next start: start again at once.
    if (event.type === 'restart') {
      app.relaunch()
      app.quit()
    }
  })

  window = createWindow()
  window.on('close', (event) => {
    if (quitting) return
    event.preventDefault()
    window?.hide()
  })
  window.on('closed', () => (window = null))
  tray = new Tray(nativeImage.createFromPath(join(__dirname, '../build/tray.png')))
  tray.setContextMenu(Menu.buildFromTemplate([{ label: 'QunGuard 群卫', click: showWindow }, { role: 'quit' }]))
  tray.on('click', showWindow)
  service.onNeedsRepChange(({ count, arrived }) => {
    showNeedsRep(count)
    const notice = arrived && desktopNotice(arrived, service!.settings())
    if (notice) notices.add(notice)
  })
}

function showWindow(): void {
  if (window?.isMinimized()) window.restore()
  window?.show()
  window?.focus()
}

if (!app.requestSingleInstanceLock()) {
  app.quit()
} else {
  app.on('second-instance', showWindow)
  // Every web contents, ours or any other: the page is the whole app, so no navigation, redirect, new window or webview.
  app.on('web-contents-created', (_event, contents) => {
    contents.on('will-attach-webview', (event) => event.preventDefault())
    contents.on('will-navigate', (event) => event.preventDefault())
    contents.on('will-redirect', (event) => event.preventDefault())
    contents.setWindowOpenHandler(() => ({ action: 'deny' }))
  })
  // Electron does not wait for a listener's promise: hold the quit until the service has stopped (the action in
  // progress finished, the database closed), then quit again.
  let closing = false
  app.on('before-quit', (event) => {
    quitting = true
    if (!service || closing) return
    closing = true
    event.preventDefault()
    void service
      .close()
      .catch((error: unknown) => console.error('QunGuard could not stop cleanly:', error))
      .finally(() => app.quit())
  })
  void app.whenReady().then(start)
}
