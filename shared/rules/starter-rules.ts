// The rules a new installation starts with: the offences reps of mother-and-baby groups meet every day, written for
// precision first, since a warning to an ordinary mother costs the shop more than a missed advert. Customers mention
// WeChat, adding, groups, customer service, prices and order numbers all day; the rules look for an offer (a contact,
// a job, a loan, a win) rather than for the words alone, and leave the shop's own staff (客服, 团长, 群主) out.
// Held to precision and recall floors on test/fixtures/starter-pack by test/unit/starter-pack.test.ts.
import type { RuleInput } from './types.ts'

/**
 * Left alone: messages about the shop's own staff (a customer asking for 客服 is no poacher), and mothers warning each
 * other about an advert they saw ("那个说日结兼职的是骗子").
 */
const NOT_AN_OFFER = '- 客服 - 官方 - 团长 - 群主 - 骗子 - 骗人 - 别信 - 举报 - 上当 - 小心 - 移出'

/** The offer's terms, bracketed so the exclusions apply to every one of them. */
const offer = (terms: string, more = ''): string => `(${terms}) ${NOT_AN_OFFER}${more}`

export const STARTER_RULES: RuleInput[] = [
  {
    name: '私加联系方式',
    match: offer('(kind:wechat-id | (加我 | 加一下我 | 找我 | 联系我) (~微信 | vx | wx | "v信" | 薇信 | 绿泡泡 | ~扣扣 | qq | 好友) | (~加微信 | 加v | 加vx | 加wx | 加qq | 加扣扣 | 扣扣群 | qq群) | 私我 | 滴滴我 | 戳我 | (感兴趣 | 需要的 | 想要的 | 喜欢的 | 有意者) (私聊 | 私信 | 加我 | 找我 | 联系))'),
    reply: '请勿在群内留联系方式或拉人加好友，警告 {count}/{limit}，超过将被移出群聊。',
  },
  {
    name: '手机号',
    // A customer gives their number to the shop for a delivery; an advert gives it to everyone.
    match: offer('kind:phone', ' - 快递 - 收货 - 地址 - 物流 - 售后 - 退货 - 订单 - 单号'),
    reply: '请勿在群内发布手机号码引流，警告 {count}/{limit}。',
  },
  {
    name: '代购转卖',
    match: offer('代购 (接单 | 常驻 | 长期 | 可代 | 直邮 | 免税 | 私我 | 找我 | 价格美丽 | 便宜 | 正品保证 | 需要的) | (低价 | 特价 | 清仓 | 批发 | 厂家) (出 | 转 | 直销 | 处理 | 价) (奶粉 | 纸尿裤 | 尿不湿) | 回收 (奶粉 | 购物卡 | 礼品卡) | (一手货源 | 招代理 | 拿货)'),
    reply: '本群禁止代购、转卖广告，警告 {count}/{limit}。',
  },
  {
    name: '兼职刷单',
    match: offer('刷单 | 刷手 | 兼职日结 | 日结兼职 | 躺赚 | 打字员 | 兼职 (日结 | 日赚 | 月入 | 时薪 | 佣金 | 一单 | 招聘 | 招人 | 急招) | (点赞 | 关注 | 做任务) 佣金 | 手工活 月入 | (日赚 | 月入) (兼职 | 副业 | 在家)'),
    reply: '本群禁止兼职刷单广告，警告 {count}/{limit}。',
  },
  {
    name: '贷款套现',
    match: offer('套现 | 代还 | 提额 | 秒下款 | 当天下款 | (贷款 | 借款 | 网贷 | 贷 | 借钱 | 急用钱) (秒批 | 下款 | 放款 | 无抵押 | 包过 | 免审 | 利息低 | 低息 | 黑户 | 白户 | 额度 | 征信) | (花呗 | 白条) 提现'),
    reply: '本群禁止贷款、套现广告，警告 {count}/{limit}。',
  },
  {
    name: '赌博彩票',
    match: offer('博彩 | 百家乐 | 六合彩 | 时时彩 | 网赌 | 赌场 | 炸金花 | 下注 平台 | (赌博 | 彩票 | 棋牌 | 捕鱼 | 牛牛) (平台 | 充值 | 返水 | 提现 | 稳赚 | 回报 | 计划 | 导师 | 上岸 | 注册 | 网站)'),
    reply: '本群禁止赌博、彩票信息，警告 {count}/{limit}。',
    action: 'warn',
  },
  {
    name: '投资理财',
    match: offer('带单 | 财富自由 | (投资 | 理财 | 炒币 | 币圈 | 虚拟币 | usdt | 数字货币 | 区块链 | 外汇 | 股票 | 炒股 | 期货 | 黄金 | 项目) (稳赚 | 日赚 | 翻倍 | 导师 | 内幕 | 保本 | 高收益 | 高回报 | 稳定盈利 | 躺赚 | 日收益 | 月收益 | 零风险 | 入金 | 赚三万)'),
    reply: '本群禁止投资理财广告，警告 {count}/{limit}。',
  },
  {
    name: '中奖红包',
    match: offer('(中奖 | 抽中 | 幸运用户) (点击 | 链接 | 领取 | 兑换 | 手续费 | 加客服 | 加我) | (免费领 | 免费送 | 0元领 | 零元领 | 0元购 | 0元抢 | 免单) (扫码 | 点击 | 链接 | 进群 | 加我 | 私我 | 添加 | 好友 | kind:link) | 红包 (扫码 | 进群 | 拉人 | 邀请 | 提现 | 返现 | 不停 | 开奖)', ' - 本群'),
    reply: '请勿在群内发布中奖、领红包信息，警告 {count}/{limit}。',
  },
  {
    name: '拉人进群',
    match: offer('kind:link(weixin.qq.com) | kind:link(u.wechat.com) | (进群 | 加群 | 入群 | 拉你 | 福利群 | 交流群 | 新群 | 另一个群 | 我的群 | 扫码加入) (免费 | 领 | 福利 | 红包 | 扫码 | 私我 | 加我 | 名额 | 就送)', ' - 本群'),
    reply: '请勿在群内拉人进其他群，警告 {count}/{limit}。',
  },
  {
    name: '假货高仿',
    match: offer('高仿 | 精仿 | 超a | a货 | 莆田鞋 | (原单 - 单号) (品质 | 尾货 | 货) | (一比一 | "1比1" | 复刻) (大牌 | 名牌 | 包包 | 手表 | 奢侈品 | 原厂 | 货源 | 顶级)'),
    reply: '本群禁止推销仿冒商品，警告 {count}/{limit}。',
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
