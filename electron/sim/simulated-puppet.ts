// The mock puppet with WeChat's rules behind it. PuppetMock on its own only logs removals and additions and drops the
// mention ids of what the bot says; here those calls go to the simulated world, which applies WeChat's rules.
import { FileBox, type FileBoxInterface } from 'file-box'
import type { payloads } from 'wechaty'
import { PuppetMock, mock } from 'wechaty-puppet-mock'

/** What the puppet asks of the world; each call throws an Error when WeChat would refuse. */
export interface SimulatedWeChat {
  removeMember(roomId: string, contactId: string): void
  addMember(roomId: string, contactId: string): void
  botSends(conversationId: string, text: string, mentionIds: readonly string[]): void
  /** The bytes of an image a member posted. */
  imageOf(messageId: string): Uint8Array | undefined
}

export class SimulatedPuppet extends PuppetMock {
  constructor(
    private readonly wechat: SimulatedWeChat,
    mocker: mock.Mocker,
  ) {
    super({ mocker })
  }

  override async roomDel(roomId: string, contactId: string): Promise<void> {
    this.wechat.removeMember(roomId, contactId)
  }

  override async roomAdd(roomId: string, contactId: string): Promise<void> {
    this.wechat.addMember(roomId, contactId)
  }

  // PuppetMock answers every card with a made-up title; the simulated card is what the scenario wrote.
  override async messageUrl(messageId: string): Promise<payloads.UrlLink> {
    return { title: this.mocker.messagePayload(messageId).text ?? '', url: '' }
  }

  override async messageMiniProgram(messageId: string): Promise<payloads.MiniProgram> {
    return { title: this.mocker.messagePayload(messageId).text ?? '' }
  }

  override async messageFile(messageId: string): Promise<FileBoxInterface> {
    const bytes = this.wechat.imageOf(messageId)
    if (!bytes) return super.messageFile(messageId)
    return FileBox.fromBuffer(Buffer.from(bytes), `${messageId}.img`)
  }

  override async messageSendText(conversationId: string, text: string, mentionIds: string[] = []): Promise<void> {
    if (!this.isLoggedIn) throw new Error('not logged in')
    this.wechat.botSends(conversationId, text, mentionIds)
  }
}
