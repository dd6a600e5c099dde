// A local fake of the OpenAI-compatible chat-completions protocol on 127.0.0.1 (port 0), for the second opinion's
// tests: it records each request and answers as the test says, or holds the answer until released.
import { createServer, type IncomingMessage, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'

export interface FakeRequest {
  path: string
  authorization: string | undefined
  body: { model: string; messages: { role: string; content: string }[] }
}

export type FakeAnswer =
  | { content: string }
  | { status: number }
  | { raw: string }
  /** Never answers: for the timeout. */
  | { hang: true }

export interface FakeCompletions {
  baseUrl: string
  requests: FakeRequest[]
  answer: FakeAnswer
  /** While set, answers wait until release() is called. */
  hold(): void
  release(): void
  close(): Promise<void>
}

async function readBody(request: IncomingMessage): Promise<string> {
  let text = ''
  for await (const chunk of request) text += chunk
  return text
}

export async function startFakeCompletions(): Promise<FakeCompletions> {
  let held: Promise<void> | null = null
  let releaseHeld = () => {}
  const server: Server = createServer(async (request, response) => {
    const body = JSON.parse(await readBody(request)) as FakeRequest['body']
    fake.requests.push({ path: request.url ?? '', authorization: request.headers.authorization, body })
    if (held) await held
    const answer = fake.answer
    if ('hang' in answer) return
    if ('status' in answer) {
      response.writeHead(answer.status).end('{"error":{"message":"nope"}}')
      return
    }
    const payload = 'raw' in answer ? answer.raw : JSON.stringify({ choices: [{ index: 0, message: { role: 'assistant', content: answer.content } }] })
    response.writeHead(200, { 'content-type': 'application/json' }).end(payload)
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  const fake: FakeCompletions = {
    baseUrl: `http://127.0.0.1:${port}/v1`,
    requests: [],
    answer: { content: '{"verdict":"ham","reason":"正常聊天"}' },
    hold() {
      held = new Promise((resolve) => (releaseHeld = resolve))
    },
    release() {
      releaseHeld()
      held = null
    },
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections()
        server.close(() => resolve())
      }),
  }
  return fake
}
