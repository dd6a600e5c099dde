// A Wechaty room as the guard sees it.
import type { Room } from 'wechaty'
import type { ChatGroup } from './chat-port.ts'

/** The group, or null when the bot is no longer one of its members (removed, or left). */
export async function chatGroupOf(room: Room, selfId: string): Promise<ChatGroup | null> {
  const payload = room.payload
  if (!payload || !payload.memberIdList.includes(selfId)) return null
  const ownerId = payload.ownerId || null
  const adminIds = [...(payload.adminIdList ?? [])]
  return {
    id: room.id,
    topic: await room.topic(),
    ownerId,
    adminIds,
    memberCount: payload.memberIdList.length,
    botCanRemove: ownerId === selfId || adminIds.includes(selfId),
    // Web WeChat and PadLocal never fill adminIdList, and web WeChat gives no owner: without an owner nothing is known.
    rolesKnown: ownerId !== null,
  }
}
