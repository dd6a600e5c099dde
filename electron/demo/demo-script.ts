// What the demo's groups say: customers of a baby-products fair talking about products, and now and then a
// competitor's marketer posting contact-poaching, gambling or counterfeit offers with the usual evasion tricks.
// Pure data and a deterministic sequence, so the demo shows the same story every time.
import type { MessageKind } from '../../shared/rules/types.ts'
import type { RoomSpec } from '../sim/simulated-world.ts'

export const DEMO_ROOMS: RoomSpec[] = [
  { name: 'fair', topic: '孕妈交流群（3月母婴展）', owner: 'bot', members: ['小雨妈妈', '琳琳', '朵朵妈', '安安妈咪', '优品代购-Lily'], otherMembers: 176 },
  { name: 'share', topic: '宝妈育儿分享群', owner: 'bot', admins: ['群管-阿芳'], members: ['静静', '王姐', '糖糖妈', '福利姐-小美', '阿杰'], otherMembers: 231 },
  { name: 'buy', topic: '母婴好物团购群', owner: '团长-陈', members: ['小雨妈妈', '米粒妈', '豆豆爸', '招财猫'], otherMembers: 88 },
]

export type DemoBeat =
  | { op: 'say'; room: string; from: string; text: string; kind?: MessageKind }
  | { op: 'join'; room: string; who: string; inviter?: string }
  /** A voice message of that many seconds (a hum: the demo has no speech keys, so it shows as not transcribed). */
  | { op: 'voice'; room: string; from: string; seconds: number }

const chatter: DemoBeat[] = [
  { op: 'say', room: 'fair', from: '小雨妈妈', text: '请问展会上那款纸尿裤有L码吗？' },
  { op: 'say', room: 'share', from: '静静', text: '宝宝三个月了，奶粉一次喝多少合适呀' },
  { op: 'say', room: 'fair', from: '琳琳', text: '昨天展会上买的婴儿车到了，质量不错👍' },
  { op: 'say', room: 'buy', from: '米粒妈', text: '团购什么时候开始呀？想多囤两箱湿巾' },
  { op: 'say', room: 'share', from: '王姐', text: '有没有妈妈用过这个吸奶器，好用吗' },
  { op: 'say', room: 'fair', from: '朵朵妈', text: '请问客服微信多少？想问下售后' },
  { op: 'say', room: 'share', from: '糖糖妈', text: '孕32周了，脚肿得厉害怎么办😭' },
  { op: 'say', room: 'fair', from: '安安妈咪', text: '宝宝湿疹用什么面霜比较好' },
  { op: 'say', room: 'buy', from: '豆豆爸', text: '收到了，谢谢团长！' },
  { op: 'say', room: 'share', from: '静静', text: '谢谢群主分享的辅食表，太有用了' },
]

/** A marketer's three offences, each with a different trick: the third one gets them removed. */
const marketers: { room: string; who: string; offences: string[] }[] = [
  {
    room: 'fair',
    who: '优品代购-Lily',
    offences: [
      '姐妹们，进口奶粉正品代购，比专柜便宜一半，有需要的加我薇 信 lily8866 😊',
      '今天最后一天优惠～加我威信：ｌｉｌｙ８８６６ 私聊发你价格表',
      '需要的宝妈私我，薇❤信 lily8866，加我送试用装！',
    ],
  },
  {
    room: 'share',
    who: '福利姐-小美',
    offences: [
      '宝妈在家兼职，日赚300+，不耽误带娃，私我了解～',
      '百 家 樂 线上娱乐，首充送88，稳赚不赔',
      '大牌包包原單 一比一 复刻，联系 138 0013 8000',
    ],
  },
  {
    room: 'buy',
    who: '招财猫',
    offences: ['進群免費領取紙尿褲，名額有限！', '彩票群稳赚计划，跟单就行', '扫码进群领红包🧧'],
  },
]

/** The story, in order: chatter between offences, a removed marketer trying another group, a contact card. */
export function demoBeats(): DemoBeat[] {
  const beats: DemoBeat[] = []
  let said = 0
  const chat = (n: number) => {
    for (let k = 0; k < n; k++) beats.push(chatter[said++ % chatter.length]!)
  }
  chat(2)
  for (let round = 0; round < 3; round++) {
    for (const marketer of marketers) {
      beats.push({ op: 'say', room: marketer.room, from: marketer.who, text: marketer.offences[round]! })
      chat(1)
    }
    chat(1)
  }
  // Removed from the fair group, Lily gets a friend to invite her into the sharing group.
  beats.push({ op: 'join', room: 'share', who: '优品代购-Lily', inviter: '王姐' })
  chat(2)
  beats.push({ op: 'say', room: 'fair', from: '琳琳', text: '[名片] 推荐一个做辅食的朋友', kind: 'card' })
  chat(2)
  beats.push({ op: 'voice', room: 'buy', from: '米粒妈', seconds: 3 })
  chat(2)
  // A pitch no starter rule catches: the classifier raises a quiet alert for the rep instead of a warning.
  beats.push({ op: 'say', room: 'share', from: '阿杰', text: '想赚零花钱的宝妈看过来，一部手机就能做，每天两小时，私聊我' })
  chat(4)
  return beats
}

/** Endless chatter after the story, so the feed and the history keep moving. */
export function idleBeat(index: number): DemoBeat {
  return chatter[index % chatter.length]!
}
