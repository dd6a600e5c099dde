import { describe, expect, it } from 'vitest'
import { qrCodeKind } from '../../shared/images/qr-codes.ts'

describe('what a decoded QR code is', () => {
  it.each([
    ['https://u.wechat.com/EFgh456', 'wechat-contact'],
    ['HTTP://U.WECHAT.COM/abc', 'wechat-contact'],
    ['https://weixin.qq.com/g/AbC123', 'wechat-group'],
    ['weixin.qq.com/g/AbC123', 'wechat-group'],
    ['http://weixin.qq.com/r/xyz', 'wechat-official-account'],
    ['wxp://f2f0abc', 'wechat-pay'],
    ['https://item.taobao.com/x', 'link'],
    ['www.jd.com', 'link'],
    ['https://weixin.qq.com.evil.cn/g/x', 'link'],
    ['加我领红包', 'text'],
    ['u.wechat.com', 'text'],
  ])('%s is %s', (text, kind) => {
    expect(qrCodeKind(text)).toBe(kind)
  })
})
