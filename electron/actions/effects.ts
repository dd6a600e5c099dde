// Carries out one queued action through the chat port and says plainly what happened. Removals and re-adds are
// verified with isMember: WeChat sometimes reports success for something that did not happen, and after a timeout
// only the group's member list says whether it did. Messages are sent at most once: one whose outcome is unknown
// (a timeout after the request left, the app stopping mid-send) is never sent again, since it may have arrived.
import type { ActionReason } from '../../shared/outcomes/action-reasons.ts'
import { reasonOf } from '../wechat/chat-errors.ts'
import { ChatRefusedError, ChatUnavailableError, type ChatPort } from '../wechat/chat-port.ts'
import type { ActionPayloads, PendingAction } from '../store/index.ts'

export type EffectOutcome =
  /** `alreadyGone`: the member had left (or was removed by someone else) before the bot removed them. */
  | { kind: 'done'; verifiedAfterRestart?: true; alreadyGone?: true }
  /** WeChat said no, or the effect visibly did not happen: final, retrying will not help. */
  | { kind: 'refused'; reason: ActionReason }
  /** Something went wrong on the way and trying again is safe (a removal, re-add, or a request never sent). */
  | { kind: 'retry'; reason: ActionReason }
  /** A message that may have gone out: it is never sent again. */
  | { kind: 'unknown'; reason: ActionReason }

export async function performAction(action: PendingAction, chat: ChatPort): Promise<EffectOutcome> {
  // A first attempt that failed on the way is like an interrupted one: the member list says what happened.
  const recheck = action.interrupted || action.attempts > 1
  try {
    switch (action.kind) {
      case 'say':
        if (action.interrupted) return { kind: 'unknown', reason: { code: 'interrupted_send' } }
        return await sendOnce(() => chat.say(action.payload.groupId, action.payload.text, action.payload.mentionIds))
      case 'notify_self':
        if (action.interrupted) return { kind: 'unknown', reason: { code: 'interrupted_send' } }
        return await sendOnce(() => chat.sayToSelf(action.payload.text))
      case 'remove':
        return await removeVerified(action.payload, recheck, chat)
      case 'add':
        return await addVerified(action.payload, recheck, chat)
    }
  } catch (error) {
    if (error instanceof ChatRefusedError) return { kind: 'refused', reason: error.reason }
    if (error instanceof ChatUnavailableError) return { kind: 'retry', reason: error.reason }
    return { kind: 'retry', reason: reasonOf(error) }
  }
}

async function sendOnce(send: () => Promise<void>): Promise<EffectOutcome> {
  try {
    await send()
    return { kind: 'done' }
  } catch (error) {
    if (error instanceof ChatRefusedError) return { kind: 'refused', reason: error.reason }
    if (error instanceof ChatUnavailableError) return { kind: 'retry', reason: error.reason }
    const cause = reasonOf(error)
    return { kind: 'unknown', reason: { code: 'delivery_unknown', params: { message: cause.params?.message ?? cause.code } } }
  }
}

async function removeVerified(
  { groupId, memberId }: ActionPayloads['remove'],
  recheck: boolean,
  chat: ChatPort,
): Promise<EffectOutcome> {
  if (!(await chat.isMember(groupId, memberId))) {
    return recheck ? { kind: 'done', verifiedAfterRestart: true } : { kind: 'done', alreadyGone: true }
  }
  await chat.remove(groupId, memberId)
  if (await chat.isMember(groupId, memberId)) return { kind: 'refused', reason: { code: 'still_in_group' } }
  return { kind: 'done' }
}

async function addVerified(
  { groupId, memberId }: ActionPayloads['add'],
  recheck: boolean,
  chat: ChatPort,
): Promise<EffectOutcome> {
  if (recheck && (await chat.isMember(groupId, memberId))) return { kind: 'done', verifiedAfterRestart: true }
  await chat.add(groupId, memberId)
  if (!(await chat.isMember(groupId, memberId))) return { kind: 'refused', reason: { code: 'not_back_in_group' } }
  return { kind: 'done' }
}
