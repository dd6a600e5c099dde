// What every part of the guard works with.
import type { ActionQueue } from '../actions/index.ts'
import type { ImageTextReader, QrReader } from '../images/index.ts'
import type { Store } from '../store/index.ts'
import type { ChatPort } from '../wechat/chat-port.ts'
import type { RuleCache } from './rule-cache.ts'

export interface GuardContext {
  store: Store
  chat: ChatPort
  clock: () => number
  rules: RuleCache
  queue: ActionQueue
  /** Reads QR codes in images; null: images are judged on their text alone. */
  images: QrReader | null
  /** Reads the text in images (Baidu OCR), used when the imageTextRecognition setting is on; null: never. */
  imageText: ImageTextReader | null
}
