// Rep tasks: what the guard cannot do itself becomes one open item for the rep, with buttons in the feed and a note
// in File Transfer. A task is an event with status 'needs_rep'; the rep closes it ("done" or "pardon").
import { reasonDetail, type ActionReason } from '../../shared/outcomes/action-reasons.ts'
import { queueRepNote } from '../actions/rep-channel.ts'
import { removalNeededNote } from '../actions/rep-notes.ts'
import type { EventDetail, Store } from '../store/index.ts'

export interface TaskSubject {
  groupId: string
  memberKey: string
  memberId: string
  memberName: string
  rule: string | null
  messageId?: string | null
  text?: string | null
  strikeId?: number | null
  /** A rule hit on the message itself (it takes verdicts). */
  hit?: boolean
}

/** Opens a removal_needed task: the member should go, and the rep has to remove them by hand. Returns its id. */
export function openRemovalTask(
  store: Store,
  subject: TaskSubject,
  why: { reason: ActionReason; detail?: EventDetail },
  now: number,
): number {
  const id = store.events.add({
    kind: 'removal_needed',
    at: now,
    groupId: subject.groupId,
    memberKey: subject.memberKey,
    memberId: subject.memberId,
    memberName: subject.memberName,
    rule: subject.rule,
    messageId: subject.messageId ?? null,
    text: subject.text ?? null,
    strikeId: subject.strikeId ?? null,
    hit: subject.hit ?? false,
    status: 'needs_rep',
    detail: { ...why.detail, ...reasonDetail(why.reason) },
  })
  const groupTopic = store.groups.get(subject.groupId)?.topic || subject.groupId
  // Not tied to the task's event: the note being sent must not close the task.
  queueRepNote(store, {
    text: removalNeededNote({ groupTopic, memberName: subject.memberName, rule: subject.rule, reason: reasonDetail(why.reason).reason }),
    eventId: null,
    at: now,
  })
  return id
}
