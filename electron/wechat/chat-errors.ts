// Telling a puppet's errors apart. Puppets reject with plain Errors whose texts differ by protocol; what matters to
// the guard is whether WeChat may have acted (a timeout, a dropped connection) or said no.
import type { ActionReason } from '../../shared/outcomes/action-reasons.ts'
import { errorText } from '../../shared/text/error-text.ts'

const TIMEOUT = /time[ds]? ?out|ETIMEDOUT|ESOCKETTIMEDOUT|deadline exceeded|超时/i
const DISCONNECTED = /ECONNRESET|connection (?:reset|closed|lost)|ECONNREFUSED|EPIPE|socket hang up|disconnect|network|unavailable|连接/i

/** A failure on the way, whose effect in WeChat is unknown; null when the error reads like WeChat saying no. */
export function transientReason(error: unknown): ActionReason | null {
  const message = errorText(error)
  if (TIMEOUT.test(message)) return { code: 'timeout' }
  if (DISCONNECTED.test(message)) return { code: 'disconnected' }
  return null
}

/** Any error as a reason: transient ones by kind, the rest as an unknown error with its text. */
export function reasonOf(error: unknown): ActionReason {
  return transientReason(error) ?? { code: 'unknown_error', params: { message: errorText(error).slice(0, 200) } }
}
