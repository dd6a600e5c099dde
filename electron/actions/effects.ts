// Carries out one queued action through the chat port and says plainly what happened. Removals and re-adds are
// verified with isMember: WeChat sometimes reports success for something that did not happen.
import { ChatRefusedError, type ChatPort } from '../wechat/chat-port.ts'
import type { ActionPayloads, PendingAction } from '../store/index.ts'
import type { ReasonCode } from '../../shared/api/reasons.ts'

export type EffectOutcome =
  | { kind: 'done'; verifiedAfterRestart?: true }
  /** WeChat said no, or the effect visibly did not happen: final, retrying will not help. */
  | { kind: 'refused'; reason: string; code?: ReasonCode }
  /** Something went wrong on the way (network, puppet): worth another try. */
  | { kind: 'error'; message: string }
  /** A message that was being sent when the app stopped: it may have gone out, so it is never sent again. */
  | { kind: 'unknown'; reason: string; code?: ReasonCode }

const INTERRUPTED_SEND = '发送时程序中断，无法确定是否已送达'

export async function performAction(action: PendingAction, chat: ChatPort): Promise<EffectOutcome> {
  try {
    switch (action.kind) {
      case 'say':
        if (action.interrupted) return { kind: 'unknown', reason: INTERRUPTED_SEND, code: 'interrupted_send' }
        await chat.say(action.payload.groupId, action.payload.text, action.payload.mentionIds)
        return { kind: 'done' }
      case 'notify_self':
        if (action.interrupted) return { kind: 'unknown', reason: INTERRUPTED_SEND, code: 'interrupted_send' }
        await chat.sayToSelf(action.payload.text)
        return { kind: 'done' }
      case 'remove':
        return await removeVerified(action.payload, action.interrupted, chat)
      case 'add':
        return await addVerified(action.payload, action.interrupted, chat)
    }
  } catch (error) {
    if (error instanceof ChatRefusedError) return { kind: 'refused', reason: error.reason, ...(error.code ? { code: error.code } : {}) }
    return { kind: 'error', message: error instanceof Error ? error.message : String(error) }
  }
}

async function removeVerified(
  { groupId, memberId }: ActionPayloads['remove'],
  interrupted: boolean,
  chat: ChatPort,
): Promise<EffectOutcome> {
  if (interrupted && !(await chat.isMember(groupId, memberId))) return { kind: 'done', verifiedAfterRestart: true }
  await chat.remove(groupId, memberId)
  if (await chat.isMember(groupId, memberId)) return { kind: 'refused', reason: '移出后对方仍在群内', code: 'still_member_after_removal' }
  return { kind: 'done' }
}

async function addVerified(
  { groupId, memberId }: ActionPayloads['add'],
  interrupted: boolean,
  chat: ChatPort,
): Promise<EffectOutcome> {
  if (interrupted && (await chat.isMember(groupId, memberId))) return { kind: 'done', verifiedAfterRestart: true }
  await chat.add(groupId, memberId)
  if (!(await chat.isMember(groupId, memberId))) {
    return { kind: 'refused', reason: '拉回后对方仍不在群内（可能需对方接受邀请）', code: 'not_member_after_readd' }
  }
  return { kind: 'done' }
}
