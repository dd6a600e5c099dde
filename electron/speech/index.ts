// Voice messages: decoding, recognition and the persisted transcription queue. createSpeech wires the Baidu
// recognizer with the keys from the secrets store and the settings' language and base URL.
import { createHash } from 'node:crypto'
import { hostname } from 'node:os'
import { join } from 'node:path'
import { BAIDU_BASE_URL, createBaiduClient, type BaiduClient, type BaiduClientOptions } from '../baidu/index.ts'
import type { JudgeProduced } from '../guard/index.ts'
import type { Store } from '../store/index.ts'
import { createBaiduRecognizer } from './baidu-recognizer.ts'
import { createWorkerDecoder, type AudioDecoder } from './decoder-pool.ts'
import { createVoiceFiles } from './voice-files.ts'
import { createVoiceTranscriber, type VoiceTranscriber } from './voice-transcriber.ts'

export { AUDIO_FAILURE_CODES, AudioError, type AudioFailureCode } from './audio-failures.ts'
export { createInlineDecoder, createWorkerDecoder, type AudioDecoder } from './decoder-pool.ts'
export { decodeAudio, SPEECH_SAMPLE_RATE, type DecodedAudio } from './decode.ts'
export type { SpeechLanguage, SpeechRecognizer } from './recognizer.ts'
export { createBaiduRecognizer } from './baidu-recognizer.ts'
export { createVoiceTranscriber, type VoiceTranscriber } from './voice-transcriber.ts'
export type { VoiceDetail } from './voice-events.ts'

export interface SpeechKeys {
  apiKey: string | null
  secretKey: string | null
}

export interface SpeechOptions {
  store: Store
  dataDir: string
  /** Read on every call, so keys saved in Settings apply at once. */
  keys: () => SpeechKeys
  judge: JudgeProduced
  clock: () => number
  decoder?: AudioDecoder
  /** Deadlines, retries and back-off of the service calls (tests shorten them). */
  calls?: Pick<BaiduClientOptions, 'fetch' | 'sleep' | 'timeoutMs' | 'retries' | 'backoffMs' | 'breakerThreshold' | 'breakerOpenMs'>
  log?: (line: string) => void
}

export interface Speech {
  transcriber: VoiceTranscriber
  /** The Baidu client on the speech keys, for other Baidu services (OCR) to share its token and circuit breaker. */
  client: BaiduClient
  /** The "test the keys" button: resolves, or throws the coded reason (BaiduError). */
  checkKeys(): Promise<void>
}

export function createSpeech(options: SpeechOptions): Speech {
  const { store } = options
  const baseUrl = () => store.settings.get('speechBaseUrl')
  const client = createBaiduClient({
    baseUrl: () => baseUrl() || BAIDU_BASE_URL,
    credentials() {
      const { apiKey, secretKey } = options.keys()
      return apiKey && secretKey ? { apiKey, secretKey } : null
    },
    clock: options.clock,
    ...options.calls,
  })
  // Baidu counts usage per device id; one per installation, not identifying the rep.
  const cuid = `qunguard-${createHash('sha256').update(`${hostname()}\n${options.dataDir}`).digest('hex').slice(0, 24)}`
  const recognizer = createBaiduRecognizer({ client, baseUrl, cuid })
  const transcriber = createVoiceTranscriber({
    store,
    decoder: options.decoder ?? createWorkerDecoder(),
    recognizer,
    files: createVoiceFiles(join(options.dataDir, 'voice')),
    judge: options.judge,
    clock: options.clock,
    ...(options.log ? { log: options.log } : {}),
  })
  return { transcriber, client, checkKeys: () => recognizer.checkKeys() }
}
