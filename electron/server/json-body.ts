// JSON in and out of an HTTP request, for both servers (the rep's headless door and the team server).
import type { IncomingMessage, ServerResponse } from 'node:http'
import { ApiError } from '../../shared/api/errors.ts'
import type { WireResult } from '../../shared/api/http.ts'

/** The body as JSON ({} when empty); refuses a body over `maxBytes` or one that is not JSON, saying which. */
export function readJsonBody(req: IncomingMessage, maxBytes: number): Promise<unknown> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = []
    let size = 0
    req.on('data', (chunk: Buffer) => {
      size += chunk.length
      if (size > maxBytes) {
        reject(new ApiError('bad_input', `request body over ${maxBytes} bytes`))
        req.destroy()
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
