// JSON in and out of an HTTP request, for both servers (the rep's headless door and the team server).
import type { IncomingMessage, ServerResponse } from 'node:http'
import { ApiError } from '../../shared/api/errors.ts'
import { HTTP_STATUS, type WireResult } from '../../shared/api/http.ts'
import { wireError } from './dispatch.ts'

/** A body over the limit: answered 413, after which the connection closes. */
export class BodyTooLargeError extends ApiError {
  constructor(maxBytes: number) {
    super('bad_input', `the request body is over ${maxBytes} bytes`)
  }
}

/** The body as JSON ({} when empty); refuses a body over `maxBytes` or one that is not JSON, saying which. */
export function readJsonBody(req: IncomingMessage, maxBytes: number): Promise<unknown> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = []
    let size = 0
    req.on('data', (chunk: Buffer) => {
      size += chunk.length
      if (size > maxBytes) {
        // Not destroyed: that resets the connection before the client can read why. The rest is read and dropped,
        // and the answer closes the connection.
        chunks.length = 0
        req.removeAllListeners('data')
        req.resume()
        reject(new BodyTooLargeError(maxBytes))
      } else chunks.push(chunk)
    })
    req.on('end', () => {
      const text = Buffer.concat(chunks).toString('utf8')
      if (text.trim() === '') return resolve({})
      try {
        resolve(JSON.parse(text))
      } catch {
        reject(new ApiError('bad_input', 'the request body is not valid JSON'))
      }
    })
    req.on('error', reject)
  })
}

export function sendJson<T>(res: ServerResponse, status: number, body: WireResult<T>): void {
  res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store' })
  res.end(JSON.stringify(body))
}

/** A failure in the wire shape: 413 (and the connection closed) for an oversized body, else the code's status. */
export function sendFailure(res: ServerResponse, error: unknown): void {
  const body = wireError(error)
  const tooLarge = error instanceof BodyTooLargeError
  if (tooLarge) res.setHeader('Connection', 'close')
  sendJson(res, tooLarge ? 413 : HTTP_STATUS[body.error.code], body)
}
