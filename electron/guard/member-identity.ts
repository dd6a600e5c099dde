// Who sent a message or joined, as the guard keys them. Strikes and allow-list entries follow the member's
// stable id where the puppet has one; otherwise the best that survives a re-login is their name within the group.
import type { ChatMember, ChatPort } from '../wechat/chat-port.ts'
import type { GroupRecord, Store } from '../store/index.ts'

export interface KnownMember {
  id: string
  key: string
  /** The name people see in the group: the group alias when set. */
  displayName: string
  /** For members without a stable id: their contact name and avatar hash, a probable match across logins. */
  look?: { name: string; avatarHash: string } | null
}

/** Keys of members the puppet gives nothing stable for: their name within the group. */
const NAME_KEY_PREFIX = 'name:'
const NO_AVATAR = ''

export function memberKey(groupId: string, member: Pick<ChatMember, 'stableId' | 'name'>): string {
  return member.stableId !== null ? `stable:${member.stableId}` : `${NAME_KEY_PREFIX}${groupId}:${member.name}`
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
  const seen = store.members.get(groupId, memberId)
  if (member) {
    const key = memberKey(groupId, member)
    store.members.touch({ groupId, memberId, memberKey: key, name: member.name, at })
    const look = member.stableId === null && seen?.avatarHash ? { name: member.name, avatarHash: seen.avatarHash } : null
    return { id: memberId, key, displayName: member.roomAlias || member.name, look }
  }
  if (seen) return { id: memberId, key: seen.memberKey, displayName: seen.name }
  return { id: memberId, key: memberKey(groupId, { stableId: null, name: memberId }), displayName: memberId }
}

/** For a member without a stable id, their name and avatar hash, fetched once per member and group and kept: a
 * probable match across groups and logins. Only for joiners and offenders, since it downloads the avatar. */
export async function rememberLook(store: Store, chat: ChatPort, groupId: string, member: KnownMember, at: number): Promise<KnownMember> {
  if (member.look || !member.key.startsWith(NAME_KEY_PREFIX)) return member
  const seen = store.members.get(groupId, member.id)
  // '' records "tried, no avatar", so a member without one is not fetched again at every offence.
  if (!seen || seen.avatarHash !== null) return member
  const avatarHash = (await chat.avatarHash(member.id)) ?? NO_AVATAR
  store.members.touch({ groupId, memberId: member.id, memberKey: seen.memberKey, name: seen.name, avatarHash, at })
  return avatarHash === NO_AVATAR ? member : { ...member, look: { name: seen.name, avatarHash } }
}

/** Owners, admins (as the puppet reports them or the rep names them) and allow-listed members are never acted on. */
export function isImmune(store: Store, group: GroupRecord, member: { id: string; key: string }): boolean {
  if (member.id === group.ownerId || group.adminIds.includes(member.id) || group.staffKeys.includes(member.key)) return true
  return store.allowList.covers(member.key, group.id)
}
