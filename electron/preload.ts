// Exposes the contract, and nothing else, to the sandboxed window.
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron'
import { CALL_CHANNEL, EVENT_CHANNEL, type QunGuardBridge } from '../shared/api/ipc.ts'
import type { ApiEvent } from '../shared/api/contract.ts'

const bridge: QunGuardBridge = {
  call: (method, input) => ipcRenderer.invoke(CALL_CHANNEL, method, input),
  onEvent: (listener) => {
    const forward = (_event: IpcRendererEvent, payload: ApiEvent) => listener(payload)
    ipcRenderer.on(EVENT_CHANNEL, forward)
    return () => void ipcRenderer.removeListener(EVENT_CHANNEL, forward)
  },
}

contextBridge.exposeInMainWorld('qunguard', bridge)
