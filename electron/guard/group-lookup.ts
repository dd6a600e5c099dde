// The guard's view of a group: the store's record, filled from WeChat the first time a group is heard from.
import type { ChatGroup, ChatPort } from '../wechat/chat-port.ts'
import type { GroupRecord, Store } from '../store/index.ts'

export function syncGroup(store: Store, group: ChatGroup, at: number): GroupRecord {
  return store.groups.sync(group, at, store.settings.get('newGroupsMonitored'))
}

/** Null when WeChat does not know the group either (the account has left it). */
export async function lookUpGroup(store: Store, chat: ChatPort, groupId: string, at: number): Promise<GroupRecord | null> {
  const known = store.groups.get(groupId)
  if (known) return known
  const group = await chat.group(groupId)
  return group ? syncGroup(store, group, at) : null
}
