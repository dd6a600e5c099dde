// The feed's side of a voice message without a transcript: one 'voice_untranscribed' item per message, opened at
// the first failure, kept up to date while the job retries, and closed if a later attempt succeeds. It is an open
// review, so the rep can listen and warn, remove or dismiss by hand.
import type { VoiceEventDetail } from '../../shared/api/types.ts'
import type { EventStatus, SpeechJob, Store } from '../store/index.ts'
import type { FailureOutcome } from './failure-policy.ts'

/** The rule name a warning or removal decided by hand on a voice message carries. */
export const VOICE_MANUAL_RULE = '语音消息'

/** `detail.voice` of a voice message's events, as the window reads it. */
export type VoiceDetail = VoiceEventDetail

export function voiceDetail(job: SpeechJob, extra: Partial<VoiceDetail> = {}): VoiceDetail {
  return { messageId: job.messageId, durationMs: job.durationMs, hasAudio: job.wavPath !== null, ...extra }
}

function statusOf(outcome: FailureOutcome): EventStatus {
  if (outcome.next === 'retry') return 'pending'
  return outcome.next === 'wait-for-keys' ? 'needs_rep' : 'failed'
}

/** Shows (or updates) the message's "not transcribed" item. Call inside the transaction that records the failure. */
export function showUntranscribed(store: Store, job: SpeechJob, outcome: FailureOutcome, now: number): void {
  const voice = voiceDetail(job, { reason: outcome.code, errNo: outcome.errNo, retrying: outcome.next === 'retry' })
  if (job.eventId !== null) {
    store.events.setStatus(job.eventId, statusOf(outcome), { voice })
    return
  }
  const eventId = store.events.add({
    kind: 'voice_untranscribed',
    at: now,
    groupId: job.groupId,
    memberKey: job.memberKey,
    memberId: job.senderId,
    memberName: job.memberName,
    messageId: job.messageId,
    text: null,
    status: statusOf(outcome),
    review: 'open',
    detail: { voice, manualRule: VOICE_MANUAL_RULE },
  })
  store.speechJobs.setEvent(job.messageId, eventId)
}

/** A later attempt succeeded: the item says so and no longer waits for the rep. */
export function closeUntranscribed(store: Store, job: SpeechJob): void {
  if (job.eventId === null) return
  store.events.setStatus(job.eventId, 'done', { voice: voiceDetail(job, { transcribed: true }) })
  store.events.resolveReview(job.eventId, 'dismissed')
}

/** Whether the rep already decided on the message by hand, so its late transcript must not be judged again. */
export function repDecided(store: Store, job: SpeechJob): boolean {
  if (job.eventId === null) return false
  const event = store.events.get(job.eventId)
  return event !== null && event.review !== 'open'
}
