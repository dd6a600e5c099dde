// Who sent a message or joined, as the guard keys them. Strikes and allow-list entries follow the member's
// stable id where the puppet has one; otherwise the best that survives a re-login is their name within the group.
import type { ChatMember, ChatPort } from '../wechat/chat-port.ts'
import type { GroupRecord, Store } from '../store/index.ts'

export interface KnownMember {
  id: string
  key: string
  /** The name people see in the group: the group alias when set. */
  displayName: string
}

export function memberKey(groupId: string, member: Pick<ChatMember, 'stableId' | 'name'>): string {
  return member.stableId !== null ? `stable:${member.stableId}` : `name:${groupId}:${member.name}`
}

/** Looks the member up and records the sighting. A member WeChat no longer knows (they left already) falls back
 * to what the guard saw of them before, then to their bare id, so the offence is still recorded. */
export async function identifyMember(
  store: Store,
  chat: ChatPort,
  groupId: string,
  memberId: string,
  at: number,
): Promise<KnownMember> {
  const member = await chat.member(groupId, memberId)
  if (member) {
    const known = { id: memberId, key: memberKey(groupId, member), displayName: member.roomAlias || member.name }
    store.members.touch({ groupId, memberId, memberKey: known.key, name: member.name, at })
    return known
  }
  const seen = store.members.get(groupId, memberId)
  if (seen) return { id: memberId, key: seen.memberKey, displayName: seen.name }
  return { id: memberId, key: memberKey(groupId, { stableId: null, name: memberId }), displayName: memberId }
}

/** Owners, admins (as the puppet reports them or the rep names them) and allow-listed members are never acted on. */
export function isImmune(store: Store, group: GroupRecord, member: { id: string; key: string }): boolean {
  if (member.id === group.ownerId || group.adminIds.includes(member.id) || group.staffKeys.includes(member.key)) return true
  return store.allowList.covers(member.key, group.id)
}
