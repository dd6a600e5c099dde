// Decoding off the main thread: one worker, started on first use, restarted after a crash or a hang, so hostile
// audio can neither stall the message loop nor take the decoder down for good.
import type { Worker } from 'node:worker_threads'
import { AudioError } from './audio-failures.ts'
import type { AudioFormat } from './audio-format.ts'
import { decodeAudio, type DecodedAudio } from './decode.ts'
import type { DecodeReply, DecodeRequest } from './decode-worker.ts'
import { startWorker } from '../workers/start-worker.ts'

export interface AudioDecoder {
  decode(bytes: Uint8Array): Promise<DecodedAudio>
  close(): Promise<void>
}

/** Decodes on the calling thread: for the bench's comparison, and tools that do nothing else meanwhile. */
export function createInlineDecoder(): AudioDecoder {
  return { decode: decodeAudio, close: async () => {} }
}

const DEFAULT_TIMEOUT_MS = 30_000

export function createWorkerDecoder(options: { timeoutMs?: number } = {}): AudioDecoder {
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS
  let worker: Worker | null = null
  let nextId = 1
  const pending = new Map<
    number,
    { resolve: (decoded: DecodedAudio) => void; reject: (error: Error) => void; timer: NodeJS.Timeout; worker: Worker }
  >()

  /** Fails what was sent to a worker that died; jobs already on its replacement carry on. */
  function failAll(dead: Worker, detail: string): void {
    for (const [id, job] of pending) {
      if (job.worker !== dead) continue
      clearTimeout(job.timer)
      job.reject(new AudioError('undecodable-audio', detail))
      pending.delete(id)
    }
  }

  function start(): Worker {
    const started = startWorker({ source: 'speech/decode-worker.ts', bundled: 'decode-worker.cjs' })
    started.unref()
    started.on('message', (reply: DecodeReply) => {
      const job = pending.get(reply.id)
      if (!job) return
      pending.delete(reply.id)
      clearTimeout(job.timer)
      if (reply.ok) job.resolve({ format: reply.format as AudioFormat, pcm: reply.pcm, durationMs: reply.durationMs })
      else job.reject(new AudioError(reply.code, reply.detail))
    })
    started.on('error', (error) => {
      if (worker === started) worker = null
      failAll(started, `the decoder crashed: ${error.message}`)
    })
    started.on('exit', () => {
      if (worker === started) worker = null
      failAll(started, 'the decoder stopped')
    })
    return started
  }

  return {
    decode(bytes) {
      worker ??= start()
      const current = worker
      const id = nextId++
      return new Promise<DecodedAudio>((resolve, reject) => {
        const timer = setTimeout(() => {
          // A decoder that hangs on a file is killed; the next file gets a fresh one.
          pending.delete(id)
          reject(new AudioError('undecodable-audio', `decoding took longer than ${timeoutMs} ms`))
          if (worker === current) worker = null
          void current.terminate()
        }, timeoutMs)
        pending.set(id, { resolve, reject, timer, worker: current })
        // A copy: the caller keeps its bytes (they may be stored), the worker gets its own to consume.
        const copy = new Uint8Array(bytes)
        const request: DecodeRequest = { id, bytes: copy }
        current.postMessage(request, [copy.buffer as ArrayBuffer])
      })
    },
    async close() {
      const current = worker
      worker = null
      if (current) await current.terminate()
    },
  }
}
