// One POST with a deadline. Everything that is not an answer with a JSON body becomes 'unreachable', so callers
// never see a raw network exception.
import { BaiduError } from './failures.ts'

export interface PostRequest {
  url: string
  contentType: string
  body: string
}

export async function postJson(fetchImpl: typeof fetch, request: PostRequest, timeoutMs: number): Promise<unknown> {
  let response: Response
  let text: string
  try {
    const signal = AbortSignal.timeout(timeoutMs)
    response = await fetchImpl(request.url, {
      method: 'POST',
      headers: { 'content-type': request.contentType, accept: 'application/json' },
      body: request.body,
      signal,
    })
    // The deadline covers the body too: a service that sends headers and then stalls is as dead as a silent one.
    text = await response.text()
  } catch (error) {
    const timedOut = error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError')
    throw new BaiduError('unreachable', null, timedOut ? `no answer within ${timeoutMs} ms` : describe(error))
  }
  try {
    return JSON.parse(text) as unknown
  } catch {
    // Baidu answers errors as JSON with status 200 or 4xx; anything else is a proxy or a dead upstream.
    throw new BaiduError('unreachable', null, `HTTP ${response.status}, not JSON: ${text.slice(0, 80)}`)
  }
}

function describe(error: unknown): string {
  if (!(error instanceof Error)) return String(error)
  const cause = (error as { cause?: unknown }).cause
  return cause instanceof Error ? `${error.message}: ${cause.message}` : error.message
}
