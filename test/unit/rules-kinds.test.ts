// Kinds the engine finds in what a message says (shared/rules/kinds): links by domain, phone numbers, WeChat ids.
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { compileRuleSet, parseExpression, RuleSyntaxError } from '../../shared/rules/index.ts'

const set = (match: string) => compileRuleSet([{ name: 'r', match }])
const matches = (match: string, text: string, kinds?: ('link' | 'qrcode' | 'card')[]) => set(match).match(text, kinds ? { kinds } : {}).length > 0

describe('kind:link', () => {
  it.each([
    'https://item.taobao.com/item.htm?id=1',
    '看这里 taobao.com/abc 便宜',
    'www.jd.com',
    '官网 ＷＷＷ．ＪＤ．ＣＯＭ',
    'http://1.2.3.4/x',
    '戳 xx-shop.top 领券',
  ])('finds a link in %j', (text) => {
    expect(matches('kind:link', text)).toBe(true)
  })

  it.each(['宝宝 3.5 公斤了', 'v2.0 的奶瓶', 'node.js', '邮箱 123456@qq.com', '第1.2.3步', '好的.谢谢', '。com'])('finds none in %j', (text) => {
    expect(matches('kind:link', text)).toBe(false)
  })

  it('is also a shared link card or a decoded QR code the context reports', () => {
    expect(matches('kind:link', '一张卡片', ['link'])).toBe(true)
  })

  it('kind:link(domain) matches that domain and its subdomains only', () => {
    const rule = 'kind:link(taobao.com)'
    expect(matches(rule, 'taobao.com/abc')).toBe(true)
    expect(matches(rule, 'https://item.taobao.com/x')).toBe(true)
    expect(matches(rule, 'ITEM.TAOBAO.COM')).toBe(true)
    expect(matches(rule, 'taobao.com.evil.cn/x')).toBe(false)
    expect(matches(rule, 'nottaobao.com')).toBe(false)
    expect(matches(rule, 'jd.com')).toBe(false)
    // A card whose address the engine cannot see is a link, but of no known domain.
    expect(matches(rule, '一张卡片', ['link'])).toBe(false)
  })

  it('kind:link(domain) sees through look-alike letters', () => {
    expect(matches('kind:link(taobao.com)', 'tаobаo.com/x')).toBe(true) // Cyrillic а
  })

  it('explains where the link is', () => {
    const text = '快来 item.taobao.com/a 抢'
    const [rule] = compileRuleSet([{ name: 'shop', match: 'kind:link(taobao.com)' }]).explain(text).matched
    expect(rule!.hits.map((hit) => text.slice(hit.start, hit.end))).toEqual(['item.taobao.com/a'])
  })

  it('refuses a bad domain and an argument on other kinds, pointing at the term', () => {
    for (const [source, code] of [
      ['kind:link(taobao..com)', 'bad_domain'],
      ['kind:link(3.5)', 'bad_domain'],
      ['kind:link()', 'bad_domain'],
      ['kind:phone(138)', 'kind_takes_no_argument'],
      ['kind:link(taobao.com', 'unclosed_open'],
    ] as const) {
      const error = (() => {
        try {
          parseExpression(source)
        } catch (caught) {
          return caught
        }
        return null
      })()
      expect(error, source).toBeInstanceOf(RuleSyntaxError)
      expect((error as RuleSyntaxError).code, source).toBe(code)
    }
  })
})

describe('kind:phone', () => {
  it.each([
    '13812345678',
    '电话 138 1234 5678',
    '138-1234-5678',
    '138.1234.5678',
    '+86 138 1234 5678',
    '008613812345678',
    '８６１３８１２３４５６７８',
    '①③⑧①②③④⑤⑥⑦⑧',
    '❶❸❾❶❷❸❹❺❻❼❽',
    '一三八一二三四五六七八',
    '壹叁捌 壹贰叁肆 伍陆柒捌',
    '幺三八幺两三四五六七八',
    '打 幺五九-零零零零-一二三四 找我',
    '13812345678 三点以后',
  ])('finds a phone number in %j', (text) => {
    expect(matches('kind:phone', text)).toBe(true)
  })

  it.each([
    '订单号 202312011381234567',
    '快递单号 SF1381234567890',
    '1381234567',
    '12812345678',
    '宝宝 6 个月 13 斤',
    '2023-12-01 13:45',
    '一二三四五六七',
    '两三天一次',
    '价格 138 元，12345678 是货号',
  ])('finds none in %j', (text) => {
    expect(matches('kind:phone', text)).toBe(false)
  })
})

describe('kind:wechat-id', () => {
  it.each([
    '加我微信：mama_2023',
    '微信号 baby-love88',
    'vx abc12345',
    'VX:abc12345',
    'wx号：tb8888888',
    'v信 shop_mall01',
    '薇信 abcdef',
    '威信abc123456',
    'ｖｘ：ａｂｃ１２３４５６',
    'vх abc12345', // Cyrillic х
    '徽信 tb8888888',
    'v: hello_kitty1',
  ])('finds an id in %j', (text) => {
    expect(matches('kind:wechat-id', text)).toBe(true)
  })

  it.each([
    '我已经加了团长微信',
    '宝宝加辅食以后便秘了，微信群里有妈妈知道怎么办吗',
    '微信支付可以吗',
    '微信 ok',
    '微信 12345678',
    'vx',
    'wx abc',
    '微信 abcdefghijklmnopqrstuvwxyz',
    'lovexiaoming 是谁',
  ])('finds none in %j', (text) => {
    expect(matches('kind:wechat-id', text)).toBe(false)
  })

  it('explains the id itself', () => {
    const text = '有需要加 vx：mama_2023 哦'
    const [rule] = set('kind:wechat-id').explain(text).matched
    expect(rule!.hits.map((hit) => text.slice(hit.start, hit.end))).toEqual(['mama_2023'])
  })
})

describe('explain reports every kind a message has', () => {
  it('those the context gave and those found in the text', () => {
    const compiled = set('奶粉')
    expect(compiled.explain('vx abc12345 电话 13812345678 jd.com', { kinds: ['text'] }).kinds.sort()).toEqual(['link', 'phone', 'text', 'wechat-id'])
    expect(compiled.explain('宝宝今天喝了 120 毫升', { kinds: ['image', 'qrcode'] }).kinds).toEqual(['image', 'qrcode'])
  })
})

describe('no text hangs or crashes the kind detectors', () => {
  const kinds = compileRuleSet([
    { name: 'link', match: 'kind:link(taobao.com) | kind:link' },
    { name: 'phone', match: 'kind:phone' },
    { name: 'id', match: 'kind:wechat-id' },
  ])
  const PIECES = ['1', '3', '8', '一', '幺', '①', '❶', ' ', '-', '.', '+', '86', 'a', 'x', 'vx', 'wx', '微信', '：', ':', '号', '_', '/', 'com', 'taobao', 'http://', '@', '。', '\u200b', '🎲']
  const chatty = fc.array(fc.constantFrom(...PIECES), { maxLength: 80 }).map((parts) => parts.join(''))

  it('random text: spans lie inside the text', () => {
    fc.assert(
      fc.property(fc.oneof(chatty, fc.string({ maxLength: 200 }), fc.string({ unit: 'binary', maxLength: 100 })), (text) => {
        for (const rule of kinds.explain(text).matched) {
          for (const hit of rule.hits) {
            expect(hit.start).toBeGreaterThanOrEqual(0)
            expect(hit.end).toBeLessThanOrEqual(text.length)
          }
        }
      }),
      { numRuns: 2000 },
    )
  })

  it('long hostile texts finish (each detector reads the text in one pass)', () => {
    for (const text of ['a.'.repeat(50_000), '1 '.repeat(50_000), '微信'.repeat(20_000) + ' ' + 'a'.repeat(30_000), 'vx:'.repeat(30_000), '-'.repeat(100_000)]) {
      expect(Array.isArray(kinds.match(text))).toBe(true)
    }
  })
})
