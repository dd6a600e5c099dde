// Runs the WeChat bot (Wechaty on the chosen puppet) and connects it to the guard:
// WeChat events go to the ChatInbox, the guard acts through `chat`, the window watches login state, groups and errors.
import { mkdir } from 'node:fs/promises'
import path from 'node:path'
import { WechatyBuilder, type Contact, type Message, type Room, type Wechaty } from 'wechaty'
import type { ChatGroup, ChatInbox, ChatPort, MessageMedia } from './chat-port.ts'
import { chatGroupOf } from './chat-group.ts'
import { HostErrorLog, type HostError, type HostErrorListener } from './host-errors.ts'
import { LoginStateStore, type LoginState, type LoginStateListener } from './login-state.ts'
import { messageTextOf } from './message-content.ts'
import { messageKindOf } from './message-kind.ts'
import { loadPuppet, redactSecrets, type PuppetInstance, type PuppetSetting } from './puppet-choice.ts'
import { WechatyChatPort } from './wechaty-chat-port.ts'
import { capabilitiesOf } from '../../shared/capabilities/index.ts'
import { silencePuppetLoggers } from './puppet-faults.ts'
import { errorText } from '../../shared/text/error-text.ts'

/** Wechaty keeps the puppet's session in `<name>.memory-card.json`, so a restart can skip the QR scan. */
export const SESSION_NAME = 'wechat-session'

/** Wechaty's log and every other logger a puppet brings stay off unless WECHATY_LOG asks for them: they print tokens. */
export function silenceWechatyLog(): void {
  silencePuppetLoggers()
}

export interface BotHostOptions {
  puppet: PuppetSetting
  /** The app's data folder; the session file lives there. */
  dataDir: string
  /** A puppet to run instead of loading `puppet.name` (the simulated world of the demo and tests). */
  puppetInstance?: PuppetInstance
  now?: () => number
}

/** Tells watchers that a WeChat event has been fully dealt with: delivered to the inbox and settled, or skipped. */
export type HandledEvent =
  | { event: 'message'; messageId: string }
  | { event: 'room-join' | 'room-leave' | 'room-topic'; roomId: string }
  | { event: 'login' | 'logout' | 'ready' }

export type HandledListener = (handled: HandledEvent) => void

export class BotHost {
  readonly chat: ChatPort
  private readonly loginStore: LoginStateStore
  private readonly errorLog: HostErrorLog
  private readonly handledListeners = new Set<HandledListener>()
  private groupsById = new Map<string, ChatGroup>()
  private inbox: ChatInbox | null = null
  // The guard counts strikes per message; handing it two events at once would let them race.
  private deliveries: Promise<void> = Promise.resolve()

  /** Loads the puppet (throws PuppetUnavailableError when it cannot be used) and prepares, but does not start, the bot. */
  static async create(options: BotHostOptions): Promise<BotHost> {
    await mkdir(options.dataDir, { recursive: true })
    silencePuppetLoggers()
    const puppet = options.puppetInstance ?? (await loadPuppet(options.puppet))
    const bot = WechatyBuilder.build({ name: path.join(options.dataDir, SESSION_NAME), puppet })
    return new BotHost(bot, options)
  }

  private constructor(
    private readonly bot: Wechaty,
    options: BotHostOptions,
  ) {
    const now = options.now ?? Date.now
    this.loginStore = new LoginStateStore(options.puppet.name, now)
    this.errorLog = new HostErrorLog([options.puppet.token], now)
    this.chat = new WechatyChatPort(bot, capabilitiesOf(options.puppet.name))
    this.listen(now)
  }

  /** Where WeChat events go; attach before start. */
  attach(inbox: ChatInbox): void {
    this.inbox = inbox
  }

  loginState(): LoginState {
    return this.loginStore.current()
  }

  onLoginState(listener: LoginStateListener): () => void {
    return this.loginStore.subscribe(listener)
  }

  /**
   * The puppet threw from its own internals (caught at the process level): record it and mark the bot failed.
   * `secrets` are redacted besides the bot's own token (one saved since the bot started).
   */
  puppetFailed(error: unknown, secrets: readonly (string | undefined)[] = []): HostError {
    const entry = this.errorLog.record('wechaty', redactSecrets(errorText(error), secrets))
    this.loginStore.failed(entry.message)
    return entry
  }

  errors(): readonly HostError[] {
    return this.errorLog.list()
  }

  onError(listener: HostErrorListener): () => void {
    return this.errorLog.subscribe(listener)
  }

  onHandled(listener: HandledListener): () => void {
    this.handledListeners.add(listener)
    return () => this.handledListeners.delete(listener)
  }

  /** The groups the bot is in, as last seen. */
  groups(): ChatGroup[] {
    return [...this.groupsById.values()]
  }

  async start(): Promise<void> {
    if (!this.inbox) throw new Error('BotHost: attach an inbox before starting')
    this.loginStore.starting()
    // Wechaty reports a puppet that fails to start (bad token, unreachable service) as an error event, not a rejection.
    await this.bot.start()
    if (!this.bot.puppet.state.active()) {
      this.loginStore.failed(this.errorLog.latest()?.message ?? 'the WeChat connection did not start')
    }
  }

  async stop(): Promise<void> {
    await this.bot.stop()
    this.loginStore.stopped()
  }

  /** Reconnects; the saved session usually logs straight back in without a new scan. */
  async restart(): Promise<void> {
    await this.stop()
    await this.start()
  }

  /** Starts the bot, or reconnects it when it was started but is not logged in. */
  async login(): Promise<void> {
    const { status } = this.loginState()
    if (status === 'logged-in') return
    if (status === 'stopped') await this.start()
    else await this.restart()
  }

  async logout(): Promise<void> {
    await this.bot.logout()
  }

  /** Re-reads the group list from WeChat and hands it to the inbox. */
  async refreshGroups(): Promise<ChatGroup[]> {
    const selfId = this.chat.selfId()
    const groups = selfId ? await Promise.all((await this.bot.Room.findAll()).map((room) => chatGroupOf(room, selfId))) : []
    this.groupsById = new Map(groups.filter((group) => group !== null).map((group) => [group.id, group]))
    await this.deliverGroups()
    return this.groups()
  }

  private listen(now: () => number): void {
    const bot = this.bot
    // Without an error listener Wechaty 1.x crashes the process; it also reports harmless errors on joins and leaves.
    bot.on('error', (error) => {
      this.errorLog.record('wechaty', error)
    })
    bot.on('scan', (qrUrl, status) => this.loginStore.scan(qrUrl, status))
    bot.on('login', (user) =>
      this.handle({ event: 'login' }, async () => {
        this.loginStore.loggedIn({ id: user.id, name: user.name() })
        await this.refreshGroups()
      }),
    )
    // Some puppets only know every group once they report ready, a while after login.
    bot.on('ready', () =>
      this.handle({ event: 'ready' }, async () => {
        await this.refreshGroups()
      }),
    )
    bot.on('logout', () =>
      this.handle({ event: 'logout' }, async () => {
        this.loginStore.loggedOut()
        this.groupsById.clear()
        await this.deliverGroups()
      }),
    )
    bot.on('message', (message) => this.handle({ event: 'message', messageId: message.id }, () => this.onMessage(message)))
    bot.on('room-join', (room, invitees, inviter, date) =>
      this.handle({ event: 'room-join', roomId: room.id }, () => this.onRoomJoin(room, invitees, inviter, date?.getTime() ?? now())),
    )
    bot.on('room-leave', (room) => this.handle({ event: 'room-leave', roomId: room.id }, () => this.updateGroup(room)))
    bot.on('room-topic', (room) => this.handle({ event: 'room-topic', roomId: room.id }, () => this.updateGroup(room)))
  }

  private handle(handled: HandledEvent, work: () => Promise<void>): void {
    void work()
      .catch((error: unknown) => {
        this.errorLog.record('wechaty', error)
      })
      .finally(() => {
        for (const listener of this.handledListeners) listener(handled)
      })
  }

  private async onMessage(message: Message): Promise<void> {
    const room = message.room()
    const kind = messageKindOf(message.type())
    // Only group messages from others are moderated; the bot's own replies come back as messages too.
    if (!room || message.self() || !kind) return
    // A card's text is read in the delivery's turn, so messages still reach the guard in the order they came.
    await this.deliver(async (inbox) =>
      inbox.onMessage({
        id: message.id,
        groupId: room.id,
        senderId: message.talker().id,
        kind,
        text: await messageTextOf(message, kind),
        time: message.date().getTime(),
        // Downloaded only if the guard asks (voice, images); the puppet's file name is passed on but never trusted.
        ...(kind === 'text' ? {} : { media: () => readMedia(message) }),
      }),
    )
  }

  private async onRoomJoin(room: Room, invitees: Contact[], inviter: Contact | undefined, time: number): Promise<void> {
    // First the group (member count, or a group the bot was just invited into), so the guard knows it when the join arrives.
    await this.updateGroup(room)
    const selfId = this.chat.selfId()
    const memberIds = invitees.map((contact) => contact.id).filter((id) => id !== selfId)
    if (memberIds.length === 0) return
    const join = { groupId: room.id, memberIds, inviterId: inviter?.id ?? null, time }
    await this.deliver((inbox) => inbox.onJoin(join))
  }

  private async updateGroup(room: Room): Promise<void> {
    const selfId = this.chat.selfId()
    const group = selfId ? await chatGroupOf(room, selfId) : null
    if (group) this.groupsById.set(room.id, group)
    else this.groupsById.delete(room.id)
    await this.deliverGroups()
  }

  private deliverGroups(): Promise<void> {
    return this.deliver((inbox) => inbox.onGroupsChanged(this.groups()))
  }

  private deliver(handOver: (inbox: ChatInbox) => Promise<void>): Promise<void> {
    const inbox = this.inbox
    if (!inbox) return Promise.resolve()
    const delivery = this.deliveries
      .then(() => handOver(inbox))
      .catch((error: unknown) => {
        this.errorLog.record('inbox', error)
      })
    this.deliveries = delivery
    return delivery
  }
}

async function readMedia(message: Message): Promise<MessageMedia> {
  const box = await message.toFileBox()
  return { bytes: await box.toBuffer(), name: box.name }
}
