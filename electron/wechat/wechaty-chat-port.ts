// ChatPort over a running Wechaty: how the guard speaks, removes and re-adds in WeChat.
import { createHash } from 'node:crypto'
import type { Contact, Room, Wechaty } from 'wechaty'
import { rolesFullyKnown, type PuppetCapabilities } from '../../shared/capabilities/index.ts'
import { ChatRefusedError, ChatUnavailableError, type ChatGroup, type ChatMember, type ChatOperation, type ChatPort } from './chat-port.ts'
import { chatGroupOf } from './chat-group.ts'
import { transientReason } from './chat-errors.ts'
import { errorText } from '../../shared/text/error-text.ts'

/** WeChat's "File Transfer" chat: the account's own notes, which every protocol knows by this id. */
export const FILE_HELPER_ID = 'filehelper'

type Operation = ChatOperation

/** An avatar that takes longer than this to fetch is skipped: it must not hold up the join it is checked for. */
const AVATAR_TIMEOUT_MS = 5_000

function withTimeout<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error('avatar timed out')), ms)
  })
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer))
}

/** The contact's WeChat id where the puppet offers one: it survives re-login, unlike puppet ids on some protocols.
 * Failing that, the rep's own remark name for the contact (kept by WeChat across logins), marked as such. */
export function stableIdOf(contact: Contact): string | null {
  // Not contact.weixin(): on Wechaty 1.x it prints a deprecation stack trace on every call.
  const weixin = contact.handle() || contact.payload?.weixin
  if (weixin) return weixin
  const remark = contact.payload?.alias?.trim()
  return remark ? `remark:${remark}` : null
}

export class WechatyChatPort implements ChatPort {
  constructor(
    private readonly bot: Wechaty,
    private readonly abilities: PuppetCapabilities,
  ) {}

  capabilities(): PuppetCapabilities {
    return this.abilities
  }

  selfId(): string | null {
    try {
      // Through the puppet: Wechaty's own isLoggedIn emits an error event when asked before start.
      const puppet = this.bot.puppet
      return puppet.isLoggedIn ? puppet.currentUserId : null
    } catch {
      return null // no puppet yet: the bot was never started
    }
  }

  async group(groupId: string): Promise<ChatGroup | null> {
    const selfId = this.selfId()
    const room = await this.findRoom(groupId)
    return room && selfId ? chatGroupOf(room, selfId) : null
  }

  async member(groupId: string, memberId: string): Promise<ChatMember | null> {
    const room = await this.findRoom(groupId)
    if (!room || !(await this.memberIdsOf(room)).includes(memberId)) return null
    const contact = await this.findContact(memberId)
    if (!contact) return null
    const roomAlias = await room.alias(contact)
    return {
      id: contact.id,
      name: contact.name(),
      ...(roomAlias ? { roomAlias } : {}),
      stableId: stableIdOf(contact),
    }
  }

  async isMember(groupId: string, memberId: string): Promise<boolean> {
    const room = await this.findRoom(groupId)
    return room ? (await this.memberIdsOf(room)).includes(memberId) : false
  }

  async avatarHash(contactId: string): Promise<string | null> {
    const contact = await this.findContact(contactId)
    if (!contact) return null
    try {
      const image = await withTimeout(contact.avatar().then((box) => box.toBuffer()), AVATAR_TIMEOUT_MS)
      return image.length > 0 ? createHash('sha256').update(image).digest('hex').slice(0, 32) : null
    } catch {
      return null // no avatar, or it could not be fetched: no probable match, nothing worse
    }
  }

  async say(groupId: string, text: string, mentionIds: readonly string[]): Promise<void> {
    const room = await this.joinedRoom(groupId, 'say')
    const mentions = await Promise.all(mentionIds.map((id) => this.findContact(id)))
    // Wechaty writes the "@name" prefix itself and passes the ids on, which makes it a real mention.
    await room.say(text, ...mentions.filter((contact): contact is Contact => contact !== undefined))
  }

  async remove(groupId: string, memberId: string): Promise<void> {
    // Asking WeChat for something it always refuses looks like a misbehaving client; do not ask.
    if (this.abilities.removeMembers === 'no') throw new ChatRefusedError('remove', { code: 'puppet_cannot' })
    const room = await this.joinedRoom(groupId, 'remove')
    const group = await chatGroupOf(room, this.requireSelfId('remove'))
    if (group && rolesFullyKnown(group.rolesKnown, this.abilities) && !group.botCanRemove) {
      throw new ChatRefusedError('remove', { code: 'bot_not_admin' })
    }
    if (group && (memberId === group.ownerId || group.adminIds.includes(memberId)) && group.ownerId !== this.selfId()) {
      throw new ChatRefusedError('remove', { code: 'target_is_admin' })
    }
    if (!(await this.memberIdsOf(room)).includes(memberId)) throw new ChatRefusedError('remove', { code: 'member_not_in_group' })
    const contact = await this.requireContact(memberId, 'remove')
    await this.asRefusal('remove', () => room.remove(contact))
  }

  async add(groupId: string, memberId: string): Promise<void> {
    if (this.abilities.readdMembers === 'no') throw new ChatRefusedError('add', { code: 'puppet_cannot' })
    const room = await this.joinedRoom(groupId, 'add')
    if ((await this.memberIdsOf(room)).includes(memberId)) return
    const contact = await this.requireContact(memberId, 'add')
    await this.asRefusal('add', () => room.add(contact))
  }

  async sayToSelf(text: string): Promise<void> {
    const fileHelper = await this.findContact(FILE_HELPER_ID)
    if (fileHelper) await fileHelper.say(text)
    else await this.bot.currentUser.say(text)
  }

  private async findRoom(groupId: string): Promise<Room | undefined> {
    return this.bot.Room.find({ id: groupId })
  }

  private async findContact(contactId: string): Promise<Contact | undefined> {
    return this.bot.Contact.find({ id: contactId })
  }

  private async memberIdsOf(room: Room): Promise<string[]> {
    return this.bot.puppet.roomMemberList(room.id)
  }

  private requireSelfId(operation: Operation): string {
    const selfId = this.selfId()
    if (!selfId) throw new ChatUnavailableError(operation, { code: 'logged_out' })
    return selfId
  }

  private async joinedRoom(groupId: string, operation: Operation): Promise<Room> {
    const selfId = this.requireSelfId(operation)
    const room = await this.findRoom(groupId)
    if (!room || !(await this.memberIdsOf(room)).includes(selfId)) {
      throw new ChatRefusedError(operation, { code: 'bot_not_in_group' })
    }
    return room
  }

  private async requireContact(contactId: string, operation: Operation): Promise<Contact> {
    const contact = await this.findContact(contactId)
    if (!contact) throw new ChatRefusedError(operation, { code: 'unknown_contact' })
    return contact
  }

  // Puppets report a refusal (no permission, group too large, not a friend) by rejecting; their texts differ by
  // protocol. A timeout or a dropped connection is not a refusal: it passes through, and the caller checks membership.
  private async asRefusal(operation: Operation, request: () => Promise<void>): Promise<void> {
    try {
      await request()
    } catch (error) {
      if (transientReason(error)) throw error
      throw new ChatRefusedError(operation, errorText(error))
    }
  }
}
