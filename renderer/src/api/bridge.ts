// The Electron door: the preload (electron/preload.ts) exposes shared/api/ipc.ts's QunGuardBridge as `window.qunguard`.
import type { QunGuardBridge } from '../../../shared/api/ipc.ts'

declare global {
  interface Window {
    qunguard?: QunGuardBridge
  }
}
