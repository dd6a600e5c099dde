// A small WeChat that follows WeChat's rules, built on the mock puppet's Mocker: the bot is in every group, only the
// owner or an admin can remove members, removal really removes, re-adding works only where WeChat allows a direct add,
// and everything the bot says is recorded with its mentions. People and groups are known by the scenario's names.
import { types, type payloads } from 'wechaty'
import { mock } from 'wechaty-puppet-mock'
import type { MessageKind } from '../../shared/rules/types.ts'
import { FILE_HELPER_ID } from '../wechat/wechaty-chat-port.ts'
import { EventEchoes } from './event-echoes.ts'
import { SimulatedPuppet, type SimulatedWeChat } from './simulated-puppet.ts'

/** The logged-in account's name in scenarios. */
export const BOT_NAME = 'bot'
/** Members can pull a contact straight into a group smaller than this; a bigger group sends an invitation instead. */
export const DIRECT_ADD_LIMIT = 40
export const LOGIN_QR_URL = 'https://login.weixin.qq.com/l/simulated'

/** Something WeChat itself would never let happen, asked of the world by a scenario or test. */
export class SimulationError extends Error {
  override name = 'SimulationError'
}

export interface SentMessage {
  conversationId: string
  /** The group it went to, or null for a private chat (the File Transfer chat included). */
  roomId: string | null
  text: string
  mentionIds: string[]
  time: number
}

export interface RoomSpec {
  name: string
  topic: string
  owner: string
  admins?: readonly string[]
  members: readonly string[]
  /** Further anonymous members, to make a big group without naming everyone. */
  otherMembers?: number
}

/** A message as posted into the world: to a group (with mentions) or to one person. */
type Posting = { talkerId: string; text: string; type: types.Message } & (
  | { roomId: string; mentionIdList: string[] }
  | { listenerId: string }
)

const MESSAGE_TYPES: Record<MessageKind, types.Message> = {
  text: types.Message.Text,
  voice: types.Message.Audio,
  link: types.Message.Url,
  miniprogram: types.Message.MiniProgram,
  card: types.Message.Contact,
  image: types.Message.Image,
  qrcode: types.Message.Image,
  file: types.Message.Attachment,
  video: types.Message.Video,
}

export class SimulatedWorld implements SimulatedWeChat {
  readonly mocker = new mock.Mocker()
  readonly puppet: SimulatedPuppet
  /** Pair with BotHost.onHandled to know when the bot has caught up with everything the world did. */
  readonly echoes = new EventEchoes()
  readonly selfId: string
  private readonly sentMessages: SentMessage[] = []
  private readonly contactIds = new Map<string, string>()
  private readonly roomIds = new Map<string, string>()
  private readonly names = new Map<string, string>()
  private readonly images = new Map<string, Uint8Array>()
  private messageCount = 0

  constructor(private readonly clock: () => number) {
    this.puppet = new SimulatedPuppet(this, this.mocker)
    this.selfId = this.contactId(BOT_NAME)
    this.createContact(FILE_HELPER_ID, '文件传输助手')
  }

  // ---- login ----

  showLoginQr(): void {
    this.mocker.scan(LOGIN_QR_URL, types.ScanStatus.Waiting)
  }

  scanLoginQr(): void {
    this.mocker.scan(LOGIN_QR_URL, types.ScanStatus.Scanned)
  }

  confirmLogin(): void {
    this.mocker.scan(LOGIN_QR_URL, types.ScanStatus.Confirmed)
    this.echoes.expect({ event: 'login' })
    this.mocker.login(this.mocker.ContactMock.load(this.selfId))
  }

  /** The whole scan flow; the bot host must be started first. */
  logIn(): void {
    this.showLoginQr()
    this.scanLoginQr()
    this.confirmLogin()
  }

  async logOut(): Promise<void> {
    this.echoes.expect({ event: 'logout' })
    await this.puppet.logout('logged out on the phone')
  }

  // ---- people and groups ----

  /** The contact's id, creating the contact on first use. */
  contactId(name: string): string {
    const known = this.contactIds.get(name)
    if (known) return known
    const id = name === BOT_NAME ? 'wxid_bot' : `wxid_sim${this.contactIds.size}`
    this.contactIds.set(name, id)
    this.createContact(id, name)
    return id
  }

  roomId(name: string): string {
    const id = this.roomIds.get(name)
    if (!id) throw new SimulationError(`there is no group "${name}"`)
    return id
  }

  /** The scenario name of a contact or group id; the id itself when the world never named it. */
  nameOf(id: string): string {
    return this.names.get(id) ?? id
  }

  befriend(name: string): void {
    this.mocker.contactPayload(this.contactId(name)).friend = true
  }

  createRoom(spec: RoomSpec): string {
    if (this.roomIds.has(spec.name)) throw new SimulationError(`group "${spec.name}" already exists`)
    const others = Array.from({ length: spec.otherMembers ?? 0 }, (_, index) => `${spec.name}-member-${index + 1}`)
    const admins = spec.admins ?? []
    const memberIds = [...new Set([BOT_NAME, spec.owner, ...admins, ...spec.members, ...others].map((name) => this.contactId(name)))]
    const id = `sim${this.roomIds.size}@chatroom` // '@' is how the mock puppet tells a group from a person
    this.roomIds.set(spec.name, id)
    this.names.set(id, spec.name)
    const ownerId = this.contactId(spec.owner)
    this.mocker.createRoom({
      id,
      topic: spec.topic,
      ownerId,
      adminIdList: admins.map((name) => this.contactId(name)),
      memberIdList: memberIds,
    })
    // Once logged in, a new group reaches the bot as the bot being invited into it.
    if (this.puppet.isLoggedIn) this.emitJoin(id, [this.selfId], ownerId)
    return id
  }

  /** The groups the contact is in now, by name. */
  roomsOf(contactName: string): string[] {
    const id = this.contactId(contactName)
    return [...this.roomIds].filter(([, roomId]) => this.roomPayload(roomId).memberIdList.includes(id)).map(([name]) => name)
  }

  memberNames(roomName: string): string[] {
    return this.roomPayload(this.roomId(roomName)).memberIdList.map((id) => this.nameOf(id))
  }

  // ---- what members do ----

  /** A member speaks in a group; returns the message id. */
  say(roomName: string, fromName: string, text: string, kind: MessageKind = 'text', image?: Uint8Array): string {
    const roomId = this.roomId(roomName)
    const talkerId = this.contactId(fromName)
    if (talkerId === this.selfId) throw new SimulationError('the bot speaks through the guard, not the scenario')
    if (!this.roomPayload(roomId).memberIdList.includes(talkerId)) {
      throw new SimulationError(`"${fromName}" is not a member of "${roomName}"`)
    }
    return this.postMessage({ talkerId, roomId, text, type: MESSAGE_TYPES[kind], mentionIdList: [] }, image)
  }

  /** A member posts a photo (PNG or JPEG bytes); returns the message id. */
  postImage(roomName: string, fromName: string, bytes: Uint8Array): string {
    return this.say(roomName, fromName, '', 'image', bytes)
  }

  imageOf(messageId: string): Uint8Array | undefined {
    return this.images.get(messageId)
  }

  /** Members join a group, invited by a member (by default the owner). */
  join(roomName: string, whoNames: readonly string[], inviterName?: string): void {
    const roomId = this.roomId(roomName)
    const room = this.roomPayload(roomId)
    const inviterId = inviterName === undefined ? room.ownerId! : this.contactId(inviterName)
    if (!room.memberIdList.includes(inviterId)) {
      throw new SimulationError(`"${this.nameOf(inviterId)}" is not a member of "${roomName}" and cannot invite`)
    }
    const joinerIds = whoNames.map((name) => this.contactId(name))
    for (const id of joinerIds) {
      if (room.memberIdList.includes(id)) throw new SimulationError(`"${this.nameOf(id)}" is already in "${roomName}"`)
    }
    room.memberIdList.push(...joinerIds)
    this.emitJoin(roomId, joinerIds, inviterId)
  }

  /** A member renames the group. */
  renameRoom(roomName: string, topic: string, byName: string): void {
    const roomId = this.roomId(roomName)
    const room = this.roomPayload(roomId)
    const changerId = this.contactId(byName)
    if (!room.memberIdList.includes(changerId)) throw new SimulationError(`"${byName}" is not a member of "${roomName}"`)
    const oldTopic = room.topic
    room.topic = topic
    this.echoes.expect({ event: 'room-topic', roomId })
    this.puppet.emit('room-topic', { roomId, newTopic: topic, oldTopic, changerId, timestamp: this.clock() })
  }

  // ---- what the bot does (through the puppet) ----

  removeMember(roomId: string, contactId: string): void {
    const room = this.roomOfBot(roomId)
    const botIsOwner = room.ownerId === this.selfId
    if (!botIsOwner && !room.adminIdList.includes(this.selfId)) {
      throw new Error('only the group owner or an admin can remove members')
    }
    if (!botIsOwner && (contactId === room.ownerId || room.adminIdList.includes(contactId))) {
      throw new Error('an admin cannot remove the owner or another admin')
    }
    if (!room.memberIdList.includes(contactId)) throw new Error('not a member of the group')
    room.memberIdList = room.memberIdList.filter((id) => id !== contactId)
    room.adminIdList = room.adminIdList.filter((id) => id !== contactId)
    this.echoes.expect({ event: 'room-leave', roomId })
    this.puppet.emit('room-leave', { roomId, removeeIdList: [contactId], removerId: this.selfId, timestamp: this.clock() })
  }

  addMember(roomId: string, contactId: string): void {
    const room = this.roomOfBot(roomId)
    if (room.memberIdList.includes(contactId)) return
    if (room.memberIdList.length >= DIRECT_ADD_LIMIT && !this.mocker.contactPayload(contactId).friend) {
      throw new Error(`群里已有 ${room.memberIdList.length} 人，非好友只能通过群邀请加入`)
    }
    room.memberIdList.push(contactId)
    this.emitJoin(roomId, [contactId], this.selfId)
  }

  botSends(conversationId: string, text: string, mentionIds: readonly string[]): void {
    const roomId = this.mocker.cacheRoomPayload.has(conversationId) ? conversationId : null
    if (roomId) this.roomOfBot(roomId)
    this.sentMessages.push({ conversationId, roomId, text, mentionIds: [...mentionIds], time: this.clock() })
    // As on real WeChat, the bot's own messages come back to it; the bot host must not moderate them.
    const destination = roomId ? { roomId, mentionIdList: [...mentionIds] } : { listenerId: conversationId }
    this.postMessage({ talkerId: this.selfId, text, type: types.Message.Text, ...destination })
  }

  /** Everything the bot has said, oldest first. */
  sent(): readonly SentMessage[] {
    return this.sentMessages
  }

  // ---- plumbing ----

  private createContact(id: string, name: string): void {
    this.names.set(id, name)
    this.mocker.createContact({ id, name, weixin: `wx_${name}`, friend: false, alias: undefined, type: types.Contact.Individual })
  }

  private roomPayload(roomId: string): payloads.Room {
    const room = this.mocker.cacheRoomPayload.get(roomId)
    if (!room) throw new Error(`no such group: ${roomId}`)
    return room
  }

  private roomOfBot(roomId: string): payloads.Room {
    const room = this.roomPayload(roomId)
    if (!room.memberIdList.includes(this.selfId)) throw new Error('the bot is not a member of the group')
    return room
  }

  private postMessage(message: Posting, image?: Uint8Array): string {
    const id = `sim-msg-${++this.messageCount}`
    if (image) this.images.set(id, image)
    this.mocker.MessageMock.create({ ...message, id, timestamp: this.clock() })
    this.echoes.expect({ event: 'message', messageId: id })
    this.puppet.emit('message', { messageId: id })
    return id
  }

  private emitJoin(roomId: string, inviteeIds: string[], inviterId: string): void {
    this.echoes.expect({ event: 'room-join', roomId })
    this.puppet.emit('room-join', { roomId, inviteeIdList: inviteeIds, inviterId, timestamp: this.clock() })
  }
}
