// The bot the service runs, which the rep can swap for another puppet at any time. The guard keeps one ChatPort
// for its whole life; it goes through this slot to whichever bot is current. A puppet that cannot be loaded (no
// token, package missing) leaves the slot empty with a 'failed' login state saying why, and the service keeps running.
import { capabilitiesOf } from '../../shared/capabilities/index.ts'
import type { LoginState, PuppetName } from '../../shared/api/types.ts'
import { BotHost, type BotHostOptions, type HandledListener } from '../wechat/bot-host.ts'
import type { ChatInbox, ChatPort } from '../wechat/chat-port.ts'
import type { HostError } from '../wechat/host-errors.ts'
import { redactSecrets, type PuppetInstance } from '../wechat/puppet-choice.ts'
import { errorText } from '../../shared/text/error-text.ts'

export interface BotSlotOptions {
  dataDir: string
  inbox: ChatInbox
  now: () => number
  token: () => string | undefined
  /** A ready-made puppet (the demo's simulated WeChat) used whenever the mock puppet is chosen. */
  mockPuppet?: () => PuppetInstance
  onLoginState(state: LoginState): void
  onError(error: HostError): void
  /** Told when the bot has finished with each WeChat event: the simulated world's echoes, to know it caught up. */
  onHandled?: HandledListener
}

export class BotSlot {
  private host: BotHost | null = null
  /** The state shown while no bot runs: stopped, or failed with the reason. */
  private idle: LoginState
  private unsubscribe: (() => void)[] = []

  readonly chat: ChatPort = {
    capabilities: () => this.host?.chat.capabilities() ?? capabilitiesOf(this.idle.puppet),
    selfId: () => this.host?.chat.selfId() ?? null,
    group: (groupId) => this.current().group(groupId),
    member: (groupId, memberId) => this.current().member(groupId, memberId),
    isMember: (groupId, memberId) => this.current().isMember(groupId, memberId),
    avatarHash: (contactId) => this.current().avatarHash(contactId),
    say: (groupId, text, mentionIds) => this.current().say(groupId, text, mentionIds),
    remove: (groupId, memberId) => this.current().remove(groupId, memberId),
    add: (groupId, memberId) => this.current().add(groupId, memberId),
    sayToSelf: (text) => this.current().sayToSelf(text),
  }

  constructor(
    private readonly options: BotSlotOptions,
    puppet: PuppetName,
  ) {
    this.idle = { status: 'stopped', puppet, qrUrl: null, account: null, error: null, since: options.now() }
  }

  private current(): ChatPort {
    if (!this.host) throw new Error('WeChat is not connected')
    return this.host.chat
  }

  state(): LoginState {
    return this.host?.loginState() ?? this.idle
  }

  /**
   * Loads the puppet and starts the bot; the QR code and login arrive as login states. `token` tries a token that is
   * not saved yet. Resolves true when the puppet started, false when it could not (the state says why).
   */
  async use(puppet: PuppetName, token: string | undefined = this.options.token()): Promise<boolean> {
    await this.stop()
    const hostOptions: BotHostOptions = {
      puppet: { name: puppet, token },
      dataDir: this.options.dataDir,
      now: this.options.now,
      ...(puppet === 'wechaty-puppet-mock' && this.options.mockPuppet ? { puppetInstance: this.options.mockPuppet() } : {}),
    }
    try {
      this.host = await BotHost.create(hostOptions)
    } catch (error) {
      this.setIdle({ status: 'failed', puppet, error: redactSecrets(errorText(error), [token]) })
      return false
    }
    this.host.attach(this.options.inbox)
    this.unsubscribe = [this.host.onLoginState(this.options.onLoginState), this.host.onError(this.options.onError)]
    if (this.options.onHandled) this.unsubscribe.push(this.host.onHandled(this.options.onHandled))
    try {
      await this.host.start()
    } catch (error) {
      this.host.puppetFailed(error, [token])
    }
    return this.host?.loginState().status !== 'failed'
  }

  /**
   * An exception escaped from the running puppet's internals. The bot is stopped with a 'failed' state saying why
   * (tokens redacted); the service and the guard keep running, and the rep can log in again from the window.
   */
  async puppetFault(error: unknown): Promise<void> {
    const host = this.host
    if (!host) return
    const { message } = host.puppetFailed(error, [this.options.token()])
    const { puppet } = host.loginState()
    await this.stop()
    this.setIdle({ status: 'failed', puppet, error: message })
  }

  private setIdle(state: Pick<LoginState, 'status' | 'puppet' | 'error'>): void {
    this.idle = { ...state, qrUrl: null, account: null, since: this.options.now() }
    this.options.onLoginState(this.idle)
  }

  async login(puppet: PuppetName): Promise<void> {
    if (this.host) await this.host.login()
    else await this.use(puppet)
  }

  async logout(): Promise<void> {
    if (this.host?.loginState().status === 'logged-in') await this.host.logout()
  }

  async stop(): Promise<void> {
    for (const unsubscribe of this.unsubscribe) unsubscribe()
    this.unsubscribe = []
    const host = this.host
    this.host = null
    if (!host) return
    const { puppet } = host.loginState()
    await host.stop().catch((error: unknown) => this.options.onError({ time: this.options.now(), source: 'wechaty', message: String(error) }))
    this.setIdle({ status: 'stopped', puppet, error: null })
  }
}
