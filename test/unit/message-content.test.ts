// What the bot host hands the guard as a card's text: its own text plus the card's title, description and address,
// each once; the text alone when the puppet cannot open the card.
import type { Message } from 'wechaty'
import { describe, expect, it } from 'vitest'
import { imageBytesOf, messageTextOf } from '../../electron/wechat/message-content.ts'

function message(text: string, card: Partial<Record<'toUrlLink' | 'toContact' | 'toMiniProgram' | 'toFileBox', () => Promise<unknown>>>): Message {
  return { text: () => text, ...card } as unknown as Message
}

describe('a card message as the rules read it', () => {
  it('a shared link adds its title, description and address', async () => {
    const link = message('[链接]', {
      toUrlLink: async () => ({ title: () => '宝妈兼职日结', description: () => '点击了解', url: () => 'https://item.taobao.com/x' }),
    })
    expect(await messageTextOf(link, 'link')).toBe('[链接]\n宝妈兼职日结\n点击了解\nhttps://item.taobao.com/x')
  })

  it('a contact card adds the name on it; a mini-program its title and description', async () => {
    expect(await messageTextOf(message('', { toContact: async () => ({ name: () => '优品代购-Lily' }) }), 'card')).toBe('优品代购-Lily')
    const program = message('小程序', { toMiniProgram: async () => ({ title: () => '0元领纸尿裤', description: () => null }) })
    expect(await messageTextOf(program, 'miniprogram')).toBe('小程序\n0元领纸尿裤')
  })

  it('says each part once, and keeps the text when the puppet cannot open the card', async () => {
    const same = message('https://a.cn', { toUrlLink: async () => ({ title: () => 'https://a.cn', description: () => undefined, url: () => 'https://a.cn' }) })
    expect(await messageTextOf(same, 'link')).toBe('https://a.cn')
    const refused = message('[名片]', { toContact: async () => Promise.reject(new Error('not supported')) })
    expect(await messageTextOf(refused, 'card')).toBe('[名片]')
  })

  it('an image offers its bytes on demand; other kinds do not', async () => {
    const image = message('', { toFileBox: async () => ({ toBuffer: async () => Buffer.from([1, 2, 3]) }) })
    expect([...(await imageBytesOf(image, 'image')!())]).toEqual([1, 2, 3])
    expect(imageBytesOf(image, 'text')).toBeUndefined()
  })
})
