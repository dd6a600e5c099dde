// The seam between the guard (decisions, store, queue) and WeChat (Wechaty and its puppet).
// The guard only ever talks to WeChat through ChatPort, and WeChat only ever reaches the guard through ChatInbox,
// so the guard runs unchanged on a real puppet, the mock puppet in tests, and the scenario simulator.
import type { PuppetCapabilities } from '../../shared/capabilities/index.ts'
import type { ActionReason } from '../../shared/outcomes/action-reasons.ts'
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
  /** Whether the puppet reports the logged-in account as the owner or an admin, i.e. may remove members. */
  botCanRemove: boolean
  /** Whether the puppet reports owners and admins at all: when it does not, botCanRemove false means "not known". */
  rolesKnown: boolean
}

export type ChatOperation = 'say' | 'remove' | 'add'

/** WeChat will not do it: final, trying again cannot help. A bare text is the puppet's own wording of a refusal. */
export class ChatRefusedError extends Error {
  readonly reason: ActionReason
  constructor(
    readonly operation: ChatOperation,
    reason: ActionReason | string,
  ) {
    const full = typeof reason === 'string' ? { code: 'wechat_refused' as const, params: { message: reason } } : reason
    super(`WeChat refused ${operation}: ${typeof reason === 'string' ? reason : reason.code}`)
    this.reason = full
    this.name = 'ChatRefusedError'
  }
}

/** The request never reached WeChat (logged out, puppet not ready): safe to try again, even for a message. */
export class ChatUnavailableError extends Error {
  constructor(
    readonly operation: ChatOperation,
    readonly reason: ActionReason,
  ) {
    super(`WeChat unavailable for ${operation}: ${reason.code}`)
    this.name = 'ChatUnavailableError'
  }
}

export interface ChatPort {
  /** What the puppet behind this port can do. */
  capabilities(): PuppetCapabilities
  /** The logged-in account's contact id, or null when logged out. */
  selfId(): string | null
  group(groupId: string): Promise<ChatGroup | null>
  member(groupId: string, memberId: string): Promise<ChatMember | null>
  isMember(groupId: string, memberId: string): Promise<boolean>
  /** A hash of the contact's avatar image, or null where the puppet gives none: with the name, a probable match
   * across groups and logins for members without a stable id. It downloads the image, so ask sparingly. */
  avatarHash(contactId: string): Promise<string | null>
  /** Sends text to the group, @-mentioning the given members. */
  say(groupId: string, text: string, mentionIds: readonly string[]): Promise<void>
  /** Removes a member; throws ChatRefusedError when WeChat does not allow it, ChatUnavailableError when it was never
   * asked, and anything else when the outcome is unknown (a timeout: the caller checks membership). */
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
  /** Reads the file a non-text message carries (voice, image...), downloaded on demand by the puppet. */
  media?: () => Promise<MessageMedia>
}

/** A message's file as the puppet hands it over; its name is the puppet's and says nothing reliable. */
export interface MessageMedia {
  bytes: Uint8Array
  name: string
}

export interface MemberJoin {
  groupId: string
  memberIds: string[]
  /** Who invited them (or, for a QR-code join, whose code it was), where the puppet says. */
  inviterId: string | null
  time: number
}

/** What the bot host delivers to the guard. Each promise settles when the event is fully handled. */
export interface ChatInbox {
  onMessage(message: IncomingMessage): Promise<void>
  onJoin(join: MemberJoin): Promise<void>
  onGroupsChanged(groups: ChatGroup[]): Promise<void>
}
