// The LLM second opinion over an OpenAI-compatible chat-completions endpoint (a self-hosted Qwen, a hosted DeepSeek...).
// One bounded call with a timeout; every way it can fail is a SecondOpinionError with a code the window can say.
import { parseSecondOpinion, secondOpinionMessages, type SecondOpinion } from '../../shared/signals/second-opinion.ts'

export type SecondOpinionFailure = 'not_configured' | 'timeout' | 'unreachable' | 'http_status' | 'bad_answer'

export class SecondOpinionError extends Error {
  constructor(
    readonly code: SecondOpinionFailure,
    readonly params: Record<string, string> = {},
  ) {
    super(`second opinion failed: ${code}${Object.keys(params).length ? ` ${JSON.stringify(params)}` : ''}`)
    this.name = 'SecondOpinionError'
  }
}

export interface SecondOpinionRequest {
  baseUrl: string
  model: string
  apiKey: string | null
  timeoutMs: number
  text: string
}

/** Answers bigger than this are not a one-line verdict. */
const MAX_RESPONSE_BYTES = 64 * 1024

function endpoint(baseUrl: string): string {
  const trimmed = baseUrl.replace(/\/+$/u, '')
  return trimmed.endsWith('/chat/completions') ? trimmed : `${trimmed}/chat/completions`
}

export async function askSecondOpinion(request: SecondOpinionRequest): Promise<SecondOpinion> {
  if (!request.baseUrl || !request.model) throw new SecondOpinionError('not_configured')
  const headers: Record<string, string> = { 'content-type': 'application/json' }
  if (request.apiKey) headers.authorization = `Bearer ${request.apiKey}`
  const body = JSON.stringify({ model: request.model, temperature: 0, max_tokens: 120, messages: secondOpinionMessages(request.text) })
  let response: Response
  let raw: string
  try {
    response = await fetch(endpoint(request.baseUrl), { method: 'POST', headers, body, signal: AbortSignal.timeout(request.timeoutMs) })
    raw = await response.text()
  } catch (error) {
    const name = (error as Error).name
    if (name === 'TimeoutError' || name === 'AbortError') throw new SecondOpinionError('timeout', { seconds: String(request.timeoutMs / 1000) })
    // Never the key: only the host the call went to.
    throw new SecondOpinionError('unreachable', { host: new URL(request.baseUrl).host })
  }
  if (!response.ok) throw new SecondOpinionError('http_status', { status: String(response.status) })
  if (raw.length > MAX_RESPONSE_BYTES) throw new SecondOpinionError('bad_answer')
  let content: unknown
  try {
    content = (JSON.parse(raw) as { choices?: { message?: { content?: unknown } }[] }).choices?.[0]?.message?.content
  } catch {
    throw new SecondOpinionError('bad_answer')
  }
  const opinion = typeof content === 'string' ? parseSecondOpinion(content) : null
  if (!opinion) throw new SecondOpinionError('bad_answer')
  return opinion
}
