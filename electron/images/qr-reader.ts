// Reads QR codes off the main thread: one worker, one image at a time, each with a time limit. A worker that runs
// over it or crashes is replaced, so a hostile image costs at most the limit and never takes the reader down.
import type { Worker } from 'node:worker_threads'
import { startWorker } from '../workers/start-worker.ts'
import { DEFAULT_IMAGE_LIMITS, type ImageLimits, type QrCodeFound } from './decode-qr.ts'
import { ImageError } from './image-failures.ts'
import type { QrReply, QrRequest } from './qr-worker.ts'

export interface QrReader {
  /** The image's QR codes (none is an empty list); rejects with ImageError when it is refused or cannot be read. */
  read(bytes: Uint8Array): Promise<QrCodeFound[]>
  close(): Promise<void>
}

export interface QrReaderOptions {
  limits?: ImageLimits
  /** Per image, from when the worker starts on it. */
  timeoutMs?: number
}

const DEFAULT_TIMEOUT_MS = 15_000

interface Job {
  bytes: Uint8Array
  resolve: (codes: QrCodeFound[]) => void
  reject: (error: ImageError) => void
}

export function createQrReader(options: QrReaderOptions = {}): QrReader {
  const limits = options.limits ?? DEFAULT_IMAGE_LIMITS
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS
  const queue: Job[] = []
  let worker: Worker | null = null
  let running = false
  let nextId = 1

  function workerNow(): Worker {
    if (!worker) {
      worker = startWorker({ source: 'images/qr-worker.ts', bundled: 'qr-worker.cjs' })
      worker.unref()
    }
    return worker
  }

  function discard(dead: Worker): void {
    if (worker === dead) worker = null
    void dead.terminate()
  }

  function runNext(): void {
    if (running) return
    const job = queue.shift()
    if (!job) return
    running = true
    const id = nextId++
    const current = workerNow()
    const finish = (settle: () => void): void => {
      clearTimeout(timer)
      current.off('message', onMessage)
      current.off('error', onCrash)
      current.off('exit', onCrash)
      settle()
      running = false
      runNext()
    }
    const onMessage = (reply: QrReply): void => {
      if (reply.id !== id) return
      finish(() => (reply.ok ? job.resolve(reply.codes) : job.reject(new ImageError(reply.code, reply.detail))))
    }
    const onCrash = (error?: unknown): void => {
      discard(current)
      const detail = error instanceof Error ? error.message : 'the worker stopped'
      finish(() => job.reject(new ImageError('image-decoder-crashed', detail)))
    }
    const timer = setTimeout(() => {
      discard(current)
      finish(() => job.reject(new ImageError('image-timeout', `no answer within ${timeoutMs} ms`)))
    }, timeoutMs)
    current.on('message', onMessage)
    current.on('error', onCrash)
    current.on('exit', onCrash)
    // A copy of its own (Buffer.slice would be a view of the caller's memory), transferred: the caller keeps its bytes.
    const bytes = Uint8Array.from(job.bytes)
    current.postMessage({ id, bytes, limits } satisfies QrRequest, [bytes.buffer as ArrayBuffer])
  }

  return {
    read(bytes) {
      // Refused here, before a copy is made or a worker started.
      if (bytes.byteLength > limits.maxBytes) {
        return Promise.reject(new ImageError('image-too-large', `${bytes.byteLength} bytes, more than ${limits.maxBytes}`))
      }
      return new Promise((resolve, reject) => {
        queue.push({ bytes, resolve, reject })
        runNext()
      })
    },
    async close() {
      for (const job of queue.splice(0)) job.reject(new ImageError('image-decoder-crashed', 'the reader was closed'))
      if (worker) await worker.terminate()
      worker = null
    },
  }
}
