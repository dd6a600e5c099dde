// Baidu short speech recognition (the service the original tool used), over the shared Baidu client and Node's
// own fetch: the npm baidu-aip-sdk sends through the deprecated `request` package.
import { type BaiduCall, type BaiduClient, type ServiceAnswer, type ServiceFailureKind } from '../baidu/index.ts'
import { SPEECH_SAMPLE_RATE } from './decode.ts'
import type { SpeechLanguage, SpeechRecognizer } from './recognizer.ts'
import { MAX_PIECE_SECONDS } from './split.ts'

/** Baidu's own host for recognition (tokens come from aip.baidubce.com); a configured base URL replaces both. */
export const BAIDU_SPEECH_URL = 'https://vop.baidu.com'

const DEV_PID: Record<SpeechLanguage, number> = {
  mandarin: 1537,
  english: 1737,
  cantonese: 1637,
  sichuanese: 1837,
}

// Baidu's err_no values, by what they mean for us (https://ai.baidu.com/ai-doc/SPEECH/Vk38lxily).
const ERR_NO_KINDS: ReadonlyMap<number, ServiceFailureKind> = new Map([
  [3302, 'auth'],
  ...[3303, 3304, 3305, 3307, 3313, 3315].map((errNo) => [errNo, 'busy'] as const),
  ...[3301, 3308, 3309, 3314, 3316].map((errNo) => [errNo, 'unusable-input'] as const),
  ...[3300, 3310, 3311, 3312].map((errNo) => [errNo, 'bad-request'] as const),
])

export function interpretRecognition(answer: unknown): ServiceAnswer<string> {
  const { err_no: errNo, err_msg: message, result } = (answer ?? {}) as { err_no?: unknown; err_msg?: unknown; result?: unknown }
  if (errNo === 0) {
    const texts = Array.isArray(result) ? result.filter((item): item is string => typeof item === 'string') : []
    return { ok: true, value: texts[0] ?? '' }
  }
  const text = typeof message === 'string' ? message.slice(0, 200) : 'no message'
  if (typeof errNo !== 'number') return { ok: false, kind: 'bad-request', errNo: null, message: `answer without err_no: ${text}` }
  return { ok: false, kind: ERR_NO_KINDS.get(errNo) ?? 'bad-request', errNo, message: text }
}

export interface BaiduRecognizerOptions {
  client: BaiduClient
  /** The configured base URL, '' for Baidu's own. */
  baseUrl: () => string
  /** Identifies this installation to Baidu (its statistics and rate limits per device). */
  cuid: string
}

export function createBaiduRecognizer(options: BaiduRecognizerOptions): SpeechRecognizer {
  return {
    maxPieceSeconds: MAX_PIECE_SECONDS,
    async recognize(pcm, language) {
      const speech = Buffer.from(pcm.buffer, pcm.byteOffset, pcm.byteLength)
      const call: BaiduCall<string> = {
        request: (token) => ({
          url: `${options.baseUrl().replace(/\/+$/, '') || BAIDU_SPEECH_URL}/server_api`,
          contentType: 'application/json',
          body: JSON.stringify({
            format: 'pcm',
            rate: SPEECH_SAMPLE_RATE,
            channel: 1,
            cuid: options.cuid,
            token,
            dev_pid: DEV_PID[language],
            speech: speech.toString('base64'),
            // The byte count of the decoded audio, not of the base64 text.
            len: speech.length,
          }),
        }),
        interpret: interpretRecognition,
      }
      return options.client.call(call)
    },
    checkKeys: () => options.client.checkKeys(),
  }
}

