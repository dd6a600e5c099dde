// The decoding worker thread: WebAssembly decoding and resampling take tens of milliseconds per second of audio,
// which would stall the message loop if they ran on the main thread.
import { parentPort } from 'node:worker_threads'
import { AudioError } from './audio-failures.ts'
import { decodeAudio } from './decode.ts'
import { errorText } from '../../shared/text/error-text.ts'

export type DecodeRequest = { id: number; bytes: Uint8Array }
export type DecodeReply =
  | { id: number; ok: true; format: string; pcm: Int16Array; durationMs: number }
  | { id: number; ok: false; code: AudioError['code']; detail: string }

const port = parentPort
if (!port) throw new Error('decode-worker.ts runs as a worker thread')

port.on('message', (request: DecodeRequest) => {
  decodeAudio(request.bytes).then(
    (decoded) => {
      const reply: DecodeReply = { id: request.id, ok: true, format: decoded.format, pcm: decoded.pcm, durationMs: decoded.durationMs }
      port.postMessage(reply, [decoded.pcm.buffer as ArrayBuffer])
    },
    (error: unknown) => {
      const reply: DecodeReply =
        error instanceof AudioError
          ? { id: request.id, ok: false, code: error.code, detail: error.detail }
          : { id: request.id, ok: false, code: 'undecodable-audio', detail: errorText(error) }
      port.postMessage(reply)
    },
  )
})
