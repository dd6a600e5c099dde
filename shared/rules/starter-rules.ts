// The rules a new installation starts with: the offences reps of baby-products groups meet every day, written to see
// through the usual evasions. Reps edit them like any other rule.
import type { RuleInput } from './types.ts'

export const STARTER_RULES: RuleInput[] = [
  {
    name: '私加联系方式',
    // Customers asking for the shop's own service account are fine; competitors' "add me" is not.
    match: '(~微信 | ~威信 | vx | wx | "v信" | ~扣扣 | qq) (加 | 私聊 | 私我 | 找我 | 联系) - 客服 - 官方',
    reply: '请勿在群内发布私人联系方式或拉人加好友，警告 {count}/{limit}，超过将被移出群聊。',
  },
  {
    name: '手机号',
    match: '/1[3-9]\\d{9}/ - 客服',
    reply: '请勿在群内发布手机号码引流，警告 {count}/{limit}。',
  },
  {
    name: '赌博彩票',
    match: '赌博 | 博彩 | 百家乐 | 六合彩 | 时时彩 | 网赌 | 彩票 (群 | 回报 | 稳赚) | (棋牌 | 捕鱼) (充值 | 返水 | 提现)',
    reply: '本群禁止赌博、彩票信息，警告 {count}/{limit}。',
    action: 'warn',
  },
  {
    name: '假货高仿',
    match: '高仿 | 精仿 | 原单 | a货 | 一比一 | "1:1" 复刻 | 复刻 (奶粉 | 包包 | 名牌)',
    reply: '本群禁止推销仿冒商品，警告 {count}/{limit}。',
  },
  {
    name: '兼职刷单',
    match: '刷单 | 兼职日结 | 日结 兼职 | 躺赚 | 宝妈 (兼职 | 副业) (日赚 | 月入)',
    reply: '本群禁止兼职刷单广告，警告 {count}/{limit}。',
  },
  {
    name: '拉群福利',
    match: '(进群 | 加群 | 拉你 | 福利群 | 扫码) (免费 | 领取 | 福利 | 红包) - 本群',
    reply: '请勿在群内拉人进其他群，警告 {count}/{limit}。',
  },
  {
    name: '名片推送',
    match: 'kind:card',
    action: 'alert',
  },
  {
    name: '二维码图片',
    match: 'kind:qrcode',
    action: 'alert',
  },
]
