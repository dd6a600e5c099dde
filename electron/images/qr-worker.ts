// The QR worker thread: decoding a photo takes tens of milliseconds of WebAssembly, and a hostile one could take
// far longer, so it never runs on the thread that handles messages.
import { parentPort } from 'node:worker_threads'
import { decodeQrCodes, type ImageLimits, type QrCodeFound } from './decode-qr.ts'
import { ImageError, type ImageFailureCode } from './image-failures.ts'
import { errorText } from '../../shared/text/error-text.ts'

export type QrRequest = { id: number; bytes: Uint8Array; limits: ImageLimits }
export type QrReply = { id: number; ok: true; codes: QrCodeFound[] } | { id: number; ok: false; code: ImageFailureCode; detail: string }

const port = parentPort
if (!port) throw new Error('qr-worker.ts runs as a worker thread')

port.on('message', (request: QrRequest) => {
  decodeQrCodes(request.bytes, request.limits).then(
    (codes) => port.postMessage({ id: request.id, ok: true, codes } satisfies QrReply),
    (error: unknown) => {
      const reply: QrReply =
        error instanceof ImageError
          ? { id: request.id, ok: false, code: error.code, detail: error.detail }
          : { id: request.id, ok: false, code: 'image-unreadable', detail: errorText(error) }
      port.postMessage(reply)
    },
  )
})
