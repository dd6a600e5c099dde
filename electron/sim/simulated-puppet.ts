// The mock puppet with WeChat's rules behind it. PuppetMock on its own only logs removals and additions and drops the
// mention ids of what the bot says; here those calls go to the simulated world, which applies WeChat's rules.
import type { payloads } from 'wechaty'
import { PuppetMock, mock } from 'wechaty-puppet-mock'

export type PuppetFault = 'timeout' | 'timeout-after' | 'disconnected'
export type FaultyOperation = 'say' | 'remove' | 'add'

/** What the puppet asks of the world; each call throws an Error when WeChat would refuse. */
export interface SimulatedWeChat {
  removeMember(roomId: string, contactId: string): void
  addMember(roomId: string, contactId: string): void
  botSends(conversationId: string, text: string, mentionIds: readonly string[]): void
}

export class SimulatedPuppet extends PuppetMock {
  private readonly faults: { operation: FaultyOperation; fault: PuppetFault }[] = []

  constructor(
    private readonly wechat: SimulatedWeChat,
    mocker: mock.Mocker,
  ) {
    super({ mocker })
  }

  /** The next call of `operation` fails as a real network would: before WeChat acts, or after it did. */
  injectFault(operation: FaultyOperation, fault: PuppetFault): void {
    this.faults.push({ operation, fault })
  }

  override async roomDel(roomId: string, contactId: string): Promise<void> {
    this.withFaults('remove', () => this.wechat.removeMember(roomId, contactId))
  }

  override async roomAdd(roomId: string, contactId: string): Promise<void> {
    this.withFaults('add', () => this.wechat.addMember(roomId, contactId))
  }

  // PuppetMock answers every card with a made-up title; the simulated card is what the scenario wrote.
  override async messageUrl(messageId: string): Promise<payloads.UrlLink> {
    return { title: this.mocker.messagePayload(messageId).text ?? '', url: '' }
  }

  override async messageMiniProgram(messageId: string): Promise<payloads.MiniProgram> {
    return { title: this.mocker.messagePayload(messageId).text ?? '' }
  }

  override async messageSendText(conversationId: string, text: string, mentionIds: string[] = []): Promise<void> {
    if (!this.isLoggedIn) throw new Error('not logged in')
    this.withFaults('say', () => this.wechat.botSends(conversationId, text, mentionIds))
  }

  private withFaults(operation: FaultyOperation, effect: () => void): void {
    const index = this.faults.findIndex((candidate) => candidate.operation === operation)
    const fault = index < 0 ? null : this.faults.splice(index, 1)[0]!.fault
    if (fault === 'disconnected') throw new Error('socket hang up')
    if (fault === 'timeout') throw new Error(`${operation} request timed out`)
    effect()
    if (fault === 'timeout-after') throw new Error(`${operation} request timed out`)
  }
}
