// The seam between the guard (decisions, store, queue) and WeChat (Wechaty and its puppet).
// The guard only ever talks to WeChat through ChatPort, and WeChat only ever reaches the guard through ChatInbox,
// so the guard runs unchanged on a real puppet, the mock puppet in tests, and the scenario simulator.
import type { MessageKind } from '../../shared/rules/types.ts'

export interface ChatMember {
  /** The puppet's id for this contact (may change between logins on some puppets). */
  id: string
  name: string
  /** The member's alias in this group, if any. */
  roomAlias?: string
  /** An identity that survives re-login where the puppet offers one (e.g. weixin id); null where it does not. */
  stableId: string | null
}

export interface ChatGroup {
  id: string
  topic: string
  ownerId: string | null
  adminIds: string[]
  memberCount: number
  /** Whether the logged-in account is the owner or an admin, i.e. may remove members. */
  botCanRemove: boolean
}

export class ChatRefusedError extends Error {
  constructor(
    readonly operation: 'say' | 'remove' | 'add',
    readonly reason: string,
  ) {
    super(`WeChat refused ${operation}: ${reason}`)
    this.name = 'ChatRefusedError'
  }
}

export interface ChatPort {
  /** The logged-in account's contact id, or null when logged out. */
  selfId(): string | null
  group(groupId: string): Promise<ChatGroup | null>
  member(groupId: string, memberId: string): Promise<ChatMember | null>
  isMember(groupId: string, memberId: string): Promise<boolean>
  /** Sends text to the group, @-mentioning the given members. */
  say(groupId: string, text: string, mentionIds: readonly string[]): Promise<void>
  /** Removes a member; throws ChatRefusedError when WeChat does not allow it. */
  remove(groupId: string, memberId: string): Promise<void>
  /** Adds a member back; throws ChatRefusedError when WeChat does not allow it (large group, not a friend...). */
  add(groupId: string, memberId: string): Promise<void>
  /** Sends a private note to the rep (the account's own File Transfer chat). */
  sayToSelf(text: string): Promise<void>
}

export interface IncomingMessage {
  id: string
  groupId: string
  senderId: string
  kind: MessageKind
  /** The text, or a transcript/description for non-text kinds (later issues fill those in). */
  text: string
  time: number
  /** An image's bytes, fetched only when the guard asks (it reads the QR codes in it). */
  image?: () => Promise<Uint8Array>
}

export interface MemberJoin {
  groupId: string
  memberIds: string[]
  inviterId: string | null
  time: number
}

/** What the bot host delivers to the guard. Each promise settles when the event is fully handled. */
export interface ChatInbox {
  onMessage(message: IncomingMessage): Promise<void>
  onJoin(join: MemberJoin): Promise<void>
  onGroupsChanged(groups: ChatGroup[]): Promise<void>
}
