// A stand-in for the `electron` module: just what electron/main.ts and electron/preload.ts use, recording how.
import { vi } from 'vitest'

type Listener = (...args: any[]) => unknown

class Emitter {
  private readonly listeners = new Map<string, Listener[]>()

  on(name: string, listener: Listener): this {
    this.listeners.set(name, [...(this.listeners.get(name) ?? []), listener])
    return this
  }

  once(name: string, listener: Listener): this {
    const wrapped: Listener = (...args) => {
      this.listeners.set(name, (this.listeners.get(name) ?? []).filter((candidate) => candidate !== wrapped))
      return listener(...args)
    }
    return this.on(name, wrapped)
  }

  emit(name: string, ...args: unknown[]): void {
    for (const listener of this.listeners.get(name) ?? []) listener(...args)
  }
}

export class FakeWebContents extends Emitter {
  windowOpenHandler: ((details: { url: string }) => unknown) | null = null
  headersListener: ((details: { responseHeaders?: Record<string, string[]> }, callback: (response: unknown) => void) => void) | null = null
  permissionRequestHandler: ((contents: unknown, permission: string, callback: (granted: boolean) => void, details: unknown) => void) | null = null
  permissionCheckHandler: ((contents: unknown, permission: string, origin: string, details: unknown) => boolean) | null = null
  readonly send = vi.fn()
  readonly session = {
    webRequest: {
      onHeadersReceived: (listener: NonNullable<FakeWebContents['headersListener']>) => {
        this.headersListener = listener
      },
    },
    setPermissionRequestHandler: (handler: NonNullable<FakeWebContents['permissionRequestHandler']>) => {
      this.permissionRequestHandler = handler
    },
    setPermissionCheckHandler: (handler: NonNullable<FakeWebContents['permissionCheckHandler']>) => {
      this.permissionCheckHandler = handler
    },
  }

  setWindowOpenHandler(handler: NonNullable<FakeWebContents['windowOpenHandler']>): void {
    this.windowOpenHandler = handler
  }
}

export type FakeElectron = ReturnType<typeof createFakeElectron>

export function createFakeElectron(options: { lock?: boolean; userData?: string } = {}) {
  let resolveReady!: () => void
  const readyPromise = new Promise<void>((resolve) => (resolveReady = resolve))
  const windows: FakeBrowserWindow[] = []
  const trays: FakeTray[] = []
  const ipcHandlers = new Map<string, (event: unknown, ...args: unknown[]) => Promise<unknown>>()

  const app = Object.assign(new Emitter(), {
    requestSingleInstanceLock: vi.fn(() => options.lock ?? true),
    whenReady: vi.fn(() => readyPromise),
    getPath: vi.fn((name: string) => {
      if (name !== 'userData' || !options.userData) throw new Error(`no path for ${name}`)
      return options.userData
    }),
    quit: vi.fn(),
    relaunch: vi.fn(),
    setBadgeCount: vi.fn(() => true),
  })

  class FakeBrowserWindow extends Emitter {
    readonly webContents = new FakeWebContents()
    readonly loadFile = vi.fn(async (_path: string) => {})
    readonly show = vi.fn()
    readonly hide = vi.fn()
    readonly setTitle = vi.fn()
    readonly isMinimized = vi.fn(() => false)
    readonly restore = vi.fn()
    readonly focus = vi.fn()

    constructor(readonly options: Electron.BrowserWindowConstructorOptions) {
      super()
      windows.push(this)
      // As Electron does for every new web contents.
      app.emit('web-contents-created', {}, this.webContents)
    }
  }

  class FakeTray extends Emitter {
    readonly setToolTip = vi.fn()
    readonly setContextMenu = vi.fn()

    constructor(readonly image: unknown) {
      super()
      trays.push(this)
    }
  }

  class FakeNotification {
    static isSupported = vi.fn(() => false)
    readonly show = vi.fn()
    constructor(readonly options: unknown) {}
  }

  /** The renderer's end of IPC: `deliver` is the main process sending to it. */
  const rendererListeners = new Map<string, Set<Listener>>()
  const ipcRenderer = {
    invoke: vi.fn(),
    on: vi.fn((channel: string, listener: Listener) => {
      rendererListeners.set(channel, (rendererListeners.get(channel) ?? new Set()).add(listener))
    }),
    removeListener: vi.fn((channel: string, listener: Listener) => {
      rendererListeners.get(channel)?.delete(listener)
    }),
    deliver(channel: string, payload: unknown) {
      for (const listener of rendererListeners.get(channel) ?? []) listener({ sender: null }, payload)
    },
  }

  const safeStorage = {
    isEncryptionAvailable: vi.fn(() => true),
    // Not encryption, but never the plain text: enough to see that secrets go through the keychain.
    encryptString: vi.fn((plain: string) => Buffer.from([...plain].reverse().join(''), 'utf8').map((byte) => byte ^ 0x5a)),
    decryptString: vi.fn((sealed: Buffer) => [...Buffer.from(sealed.map((byte) => byte ^ 0x5a)).toString('utf8')].reverse().join('')),
  }

  const module = {
    app,
    BrowserWindow: FakeBrowserWindow,
    ipcMain: { handle: vi.fn((channel: string, handler: (event: unknown, ...args: unknown[]) => Promise<unknown>) => void ipcHandlers.set(channel, handler)) },
    Tray: FakeTray,
    Menu: { buildFromTemplate: vi.fn((template: unknown[]) => ({ template })) },
    nativeImage: { createFromPath: vi.fn((path: string) => ({ path })) },
    Notification: FakeNotification,
    safeStorage,
    contextBridge: { exposeInMainWorld: vi.fn() },
    ipcRenderer,
  }

  return {
    module,
    app,
    windows,
    trays,
    ipcHandlers,
    ipcRenderer,
    safeStorage,
    contextBridge: module.contextBridge,
    ready: { resolve: () => resolveReady() },
    makeWebContents: () => new FakeWebContents(),
  }
}
