// What the voice pipeline needs of a speech-recognition provider. Baidu is the first; another provider implements
// the same interface and reports its failures with the same codes (BaiduFailureCode names them generically).
import type { BaiduFailureCode } from '../baidu/index.ts'

import type { SpeechLanguage } from '../../shared/policy/settings.ts'

export type { SpeechLanguage }

/** Failure codes a recognizer reports (on an error with a `code` field). */
export type RecognitionFailureCode = BaiduFailureCode

export interface SpeechRecognizer {
  /** Longest piece of audio one call takes, in seconds. */
  readonly maxPieceSeconds: number
  /** Transcribes 16 kHz mono 16-bit PCM; '' when the service heard no words. */
  recognize(pcm: Int16Array, language: SpeechLanguage): Promise<string>
  /** Proves the configured keys work, or throws the coded reason. */
  checkKeys(): Promise<void>
}
