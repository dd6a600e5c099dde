// What every part of the guard works with.
import type { ActionQueue } from '../actions/index.ts'
import type { Store } from '../store/index.ts'
import type { ChatPort } from '../wechat/chat-port.ts'
import type { MediaStep } from './media-step.ts'
import type { RuleCache } from './rule-cache.ts'

export interface GuardContext {
  store: Store
  chat: ChatPort
  clock: () => number
  rules: RuleCache
  queue: ActionQueue
  /** Steps that work out the text of media messages (voice) before they are judged. */
  media: readonly MediaStep[]
}
