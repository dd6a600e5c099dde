// Messages whose words are in their media (voice now; images and QR codes can plug in the same way): a media step
// takes the message once the guard has admitted it, works out its text off the message loop, and hands the text
// back to be judged through the same path as typed text.
import type { MessageKind } from '../../shared/rules/types.ts'
import type { IncomingMessage } from '../wechat/chat-port.ts'
import type { KnownMember } from './member-identity.ts'

/** Text a media step produced for a message. */
export interface ProducedText {
  text: string
  /** Merged into the decision's event detail, e.g. { voice: { durationMs } }, so the feed says where the text came from. */
  detail: Record<string, unknown>
  /** The step's own bookkeeping, run inside the transaction that records the message: the text is judged exactly once. */
  commit(): void
}

export interface MediaStep {
  readonly kinds: readonly MessageKind[]
  /**
   * Takes an admitted message (monitored group, sender not immune). It must persist what it needs before resolving
   * and must not wait for slow work: the next message is not delivered until it resolves.
   */
  take(message: IncomingMessage, member: KnownMember): Promise<void>
}

/** Judges produced text as the message's own; the guard provides it to media steps. */
export type JudgeProduced = (message: IncomingMessage, produced: ProducedText) => Promise<void>
