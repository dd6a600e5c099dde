// What every part of the guard works with.
import type { ActionQueue } from '../actions/index.ts'
import type { Store } from '../store/index.ts'
import type { SignalService } from '../signals/signal-service.ts'
import type { ChatPort } from '../wechat/chat-port.ts'
import type { RuleCache } from './rule-cache.ts'

export interface GuardContext {
  store: Store
  chat: ChatPort
  clock: () => number
  rules: RuleCache
  queue: ActionQueue
  signals: SignalService
}
