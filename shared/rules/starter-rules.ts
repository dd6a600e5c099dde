// The rules a new installation starts with: the offences reps of mother-and-baby groups meet every day, written for
// precision first, since a warning to an ordinary mother costs the shop more than a missed advert. Customers mention
// WeChat, adding, groups, customer service, prices and order numbers all day; the rules look for an offer (a contact,
// a job, a loan, a win) rather than for the words alone, and leave the shop's own staff (客服, 团长, 群主) out.
// Held to precision and recall floors on test/fixtures/starter-pack by test/unit/starter-pack.test.ts.
import type { RuleInput } from './types.ts'

/**
 * Left alone: mothers warning each other about an advert they saw or a fake they bought, or telling what happened
 * ("那个说日结兼职的是骗子", "高仿的千万别买", "听说有人被拉去炒股群骗了").
 */
const TOLD_NOT_OFFERED =
  '- 骗子 - 骗人 - 被骗 - 骗了 - 别信 - 不信 - 举报 - 上当 - 小心 - 移出 - 拉黑 - 没通过 - 屏蔽 - 报警 - 别买 - 不要买 - 千万别 - 别贪 - 新闻 - 听说 - 好烦 - 吓人 - 真的假的 - 买了个 - 不敢 - 被踢 - 别扫 - 别加'
/** The shop's own staff: a customer asking for 客服 or the 团长 is no poacher. */
const THE_SHOPS_OWN = ' - 客服 - 官方 - 团长 - 群主 - 本群 - 这家店 - 咱家 - 店里 - 店铺 - 咱们'

/** The offer's terms, bracketed so the exclusions apply to every one of them. */
const offer = (terms: readonly string[], more = ''): string => `(${terms.join(' | ')}) ${TOLD_NOT_OFFERED}${more}`

/** Words that make a message an offer to everyone: whoever wants it, come to me. */
const COME_TO_ME = '私我 | 私聊我 | 私信我 | 找我 | 加我 | 联系我 | 滴滴我 | 戳我 | 详聊 | 私发 | 咨询我'
/** What a poacher offers for coming to them. */
const LURE = '领取 | 免费 | 资料 | 课程 | 福利 | 惊喜 | 好东西 | 优先通过 | 备注 | 送你 | 有你想要'
/** The reader is being recruited or sold to: limited places, no threshold, today only. */
const RECRUITING =
  '名额 | 招 | 招募 | 招聘 | 诚招 | 跟我 | 跟着我 | 带你 | 零门槛 | 零投资 | 时间自由 | 宝妈优先 | 适合宝妈 | 宝妈学生 | 多劳多得 | 不是梦 | 先到先得 | 手慢无 | 限前 | 仅限今天 | 培训'
/** A WeChat id-like handle: letters, then digits (spaces and _ are gone from the compact text). */
const HANDLE = '/[a-z]{1,12}[0-9]{2,}/'

export const STARTER_RULES: RuleInput[] = [
  {
    name: '私加联系方式',
    match: offer(
      [
        'kind:wechat-id',
        // An id spelt with spaces, or after a look-alike of 微信 (加威, 薇, an emoji for 卫星).
        `(~微信 | ~加微 | vx | wx | "v信" | 薇 | 胃信 | 绿泡泡 | 加v) ${HANDLE}`,
        `${HANDLE} (宝妈专属 | 专属福利 | 通过快 | 备注)`,
        '/(qq|扣扣|企鹅|^q|[^a-z]q)[0-9零〇一二三四五六七八九幺]{6,11}/',
        '(加我 | 加一下我 | 找我 | 联系我) (~微信 | vx | wx | "v信" | 薇信 | 绿泡泡 | ~扣扣 | qq | 好友)',
        '~加微信 | 加v | 加vx | 加wx | 加qq | 加扣扣 | 扣扣群 | qq群',
        '私我 | 滴滴我 | 戳我 | 私发你 | 私发给你 | 点我头像 | 戳我头像 | 看我头像 | 看我主页 | 我主页',
        `(私聊我 | 私信我 | 加我 | 加一下我 | ~加微 | 我头像 | 我朋友圈) (${LURE})`,
        '(感兴趣 | 需要 | 想要 | 喜欢的 | 有意者 | 想了解 | 想学 | 看到的) (私聊 | 私信 | 加我 | 加一下我 | 找我 | 联系)',
      ],
      THE_SHOPS_OWN,
    ),
    reply: '请勿在群内留联系方式或拉人加好友，警告 {count}/{limit}，超过将被移出群聊。',
  },
  {
    name: '手机号',
    // A customer gives their number to the shop for a delivery; an advert gives it to everyone.
    match: offer(['kind:phone'], ' - 快递 - 收货 - 地址 - 物流 - 售后 - 退货 - 订单 - 单号'),
    reply: '请勿在群内发布手机号码引流，警告 {count}/{limit}。',
  },
  {
    name: '代购转卖',
    match: offer(
      [
        `(~代购 | 代g | 全球购 | 直邮) (接单 | 常驻 | 长期 | 可代 | 直邮 | 免税 | 价格美丽 | 正品 | 保真 | 需要的 | 专业 | 可预订 | 往返 | 验货 | 代理 | 全系列 | 都有 | 上新 | ${COME_TO_ME})`,
        '(低价 | 特价 | 清仓 | 批发 | 厂家 | 长期) (出 | 转 | 直销 | 处理 | 价) (奶粉 | 纸尿裤 | 尿不湿)',
        '(回收 | 收购 | 高价收) (奶粉 | 奶粉罐 | 购物卡 | 礼品卡)',
        '一手货源 | 货源稳定 | 源头工厂 | 贴牌 | 招代理 | 诚招代理 | 免费代理 | 赚差价 | 微商 | 拿货 | 转卖 | 甩卖 | 急出 | 整箱出 | 便宜出 | 低价出 | 长期出 | 厂家直供 | 厂家直销 | 工厂直发 | 批发价 | 量大从优 | 量大可谈 | 一件代发 | 一件也发 | 可做分销 | 尾货清仓 | 库存尾货',
        `(转让 | 出售 | 低价 | 清仓) (价格美丽 | 急 | 全新 | 包邮 | ${COME_TO_ME})`,
      ],
      THE_SHOPS_OWN,
    ),
    reply: '本群禁止代购、转卖广告，警告 {count}/{limit}。',
  },
  {
    name: '兼职刷单',
    match: offer([
      '刷单 | 刷手 | 补单 | 兼职日结 | 日结兼职 | 日结 | 躺赚 | 打字员 | 好评员 | 推广员 | 手工活外发 | 外发手工 | 宝妈合伙人 | 月入过万 | 月入上万 | 月薪过万 | 日赚 | 日入 | 提现秒到 | 当天结佣 | 一件一结 | 返佣 | 佣金 | 赚奶粉钱 | 在家赚 | 也能赚钱 | 也能挣钱 | 就业计划',
      `(~兼职 | jz | 赚钱 | 挣钱 | 收入 | 月入 | 月薪 | 创业 | 副业 | 结算 | 手工活 | 做任务 | 工作 | 团长) (当天结 | 一单 | 秒到 | 提现 | 不收押金 | 扣1 | ${RECRUITING})`,
      '(点赞 | 关注 | 做任务) (佣金 | 提现 | 五毛 | 一个) | 复制粘贴 一单',
    ], ' - 吗 - 怎么'),
    reply: '本群禁止兼职刷单广告，警告 {count}/{limit}。',
  },
  {
    name: '贷款套现',
    match: offer([
      '套现 | 代还 | 提额 | 秒下款 | 当天下款 | 下款 | 放款 | 不看征信 | 征信差 | 黑户 | 无前期 | 停催 | 小额贷款 | 隐藏额度 | 内部通道 | 内部额度',
      '/(公积金|社保|经营|抵押|消费|信用|保单|车)贷/',
      `(~贷款 | 借款 | 网贷 | 贷 | 借钱 | 能借 | 急用钱 | 信用卡 | 借呗 | 花呗 | 白条 | 额度 | 逾期) (秒批 | 无抵押 | 包过 | 免审 | 利息低 | 低息 | 低至 | 年化 | 白户 | 征信 | 办理 | 代办 | 都能办 | 提升 | 激活 | 协商 | 延期 | 分期还 | 起 | 最高 | 万 | 身份证 | 不成功不收费 | ${COME_TO_ME})`,
      '(花呗 | 白条) 提现',
    ], ' - 房贷 - 还款日 - 还款了 - 利率又'),
    reply: '本群禁止贷款、套现广告，警告 {count}/{limit}。',
  },
  {
    name: '赌博彩票',
    match: offer([
      '~博彩 | 百家乐 | 六合彩 | 时时彩 | 网赌 | 赌场 | 炸金花 | 娱乐城 | 葡京 | 老虎机 | 彩金 | 返水 | 首充 | 首存 | 上分 | 下分 | 竞彩 | 竞猜 | 足彩 | 篮彩 | 飞艇 | 快三 | pc蛋蛋 | 包中 | 包赢 | 稳赢 | 稳胆 | 赔率 | 推荐单 | 跟单吃肉 | 输赢现结',
      '(下注 | 投注) (平台 | 送 | 返 | 计划 | 跟)',
      '(赌博 | 彩票 | 棋牌 | 捕鱼 | 牛牛 | 麻将 | 斗地主 | 真人 | 澳门 | 赛车) (平台 | 充值 | 返水 | 提现 | 稳赚 | 回报 | 计划 | 导师 | 上岸 | 注册 | 网站 | 真钱 | 在线 | 胜率 | 跟单 | 秒结 | 对战 | 代理 | 送)',
      '计划 (准确率 | 跟 | 十期 | 精准)',
    ]),
    reply: '本群禁止赌博、彩票信息，警告 {count}/{limit}。',
    action: 'warn',
  },
  {
    name: '投资理财',
    match: offer([
      '带单 | 财务自由 | 诊股 | 荐股 | 牛股 | 涨停 | 原始股 | 空投 | 返息 | 日返利 | 起投 | 股票群 | 炒股群 | 基金群 | 新股申购 | 中签率 | 数字藏品 | 分析师带 | 抄底',
      '(~投资 | ~理财 | 炒币 | 币圈 | 比特币 | 以太坊 | 虚拟币 | usdt | 数字货币 | 区块链 | 外汇 | 股票 | 炒股 | 期货 | 黄金 | 项目 | 合约 | 基金经理 | 本金 | 闲钱) (稳赚 | 日赚 | 月赚 | 翻倍 | 翻番 | 十倍 | 百倍 | 导师 | 老师 | 内幕 | 内部 | 保本 | 高收益 | 高回报 | 稳定盈利 | 躺赚 | 日收益 | 月收益 | 零风险 | 入金 | 入场 | 认购 | 回本 | 分红 | 跟单 | 跟我 | 比存银行 | 不是梦)',
      '投 /[0-9一二三四五六七八九十百千万]+/ (回 | 返)',
    ]),
    reply: '本群禁止投资理财广告，警告 {count}/{limit}。',
  },
  {
    name: '中奖红包',
    match: offer(
      [
        '(中奖 | 抽中 | 幸运用户 | 中奖名单 | 中奖通知 | 恭喜您 | 恭喜你获得 | 恭喜群友) (点击 | 链接 | 领取 | 未领 | 兑换 | 手续费 | 联系 | 加我 | 获得 | 奖品)',
        '(免费领 | 免费送 | 免费拿 | 免费试用 | 免费体验 | 0元领 | 零元领 | 0元购 | 0元抢 | 免单 | 不要钱) (扫码 | 点击 | 链接 | 进群 | 加我 | 私我 | 添加 | 好友 | kind:link | 邮费 | 运费 | 付邮 | 限前 | 限额 | 名额 | 仅限今天 | 转发 | 填写 | 价值 | 砍一刀)',
        '红包 (扫码 | 进群 | 拉人 | 邀请 | 提现 | 返现 | 不停 | 开奖 | 点击 | 链接 | 转发 | 最高 | 定时)',
        '(转发 | 分享) (群 | 朋友圈) (领 | 即可 | 送)',
        '(补贴 | 津贴 | 礼包 | 大礼包) (申领 | 速领 | 申请通道 | 领取通道 | 点击 | 链接 | 扫 | 到账 | 截止)',
        '(注册 | 拉新) (送现金 | 送彩金 | 提现)',
        '集赞 | 砸金蛋 | 大转盘 | 必中 | 人人有份 | 百分百中奖 | "100%中奖" | 答题赢 | 答对 | 红包群 | 砍一刀',
      ],
      THE_SHOPS_OWN,
    ),
    reply: '请勿在群内发布中奖、领红包信息，警告 {count}/{limit}。',
  },
  {
    name: '拉人进群',
    match: offer(
      [
        'kind:link(weixin.qq.com) | kind:link(u.wechat.com) | kind:link(s.click.taobao.com)',
        // Short links hide where they go; the shop's own store links (taobao, jd, tb.cn) are not among them.
        'kind:link(t.cn) | kind:link(dwz.cn) | kind:link(suo.im) | kind:link(url.cn) | kind:link(is.gd) | kind:link(bit.ly)',
        '/www点|点com|点cn/',
        '(进群 | 加群 | 入群 | 拉你 | 福利群 | 交流群 | 互助群 | 特卖群 | 优惠群 | 特价群 | 新群 | 另一个群 | 我的群 | 我们的群 | 扫码加入 | 群号 | 福利社 | 群二维码) (免费 | 领 | 福利 | 红包 | 扫码 | 私我 | 加我 | 名额 | 就送 | 扫 | 回复 | 群满 | 欢迎 | 加入 | 进来 | 有效 | 便宜 | 大额券)',
        '扫码进 | 扫下面的码 | 长按识别二维码 | 识别二维码 | 新群二维码 | 比这里便宜 | 比这个群便宜 | 全网最低',
        '(公众号 | gzh) (回复 | 领 | 关注) | (抖音 | 小红书 | 视频号 | 快手 | 淘宝 | 某宝) 搜 | 小程序 (特价 | 下单 | 立减)',
        '复制 (口令 | 这条 | 这段) 打开',
        'kind:link (特卖 | 清仓 | 大促 | 包邮 | 9块9 | "9.9" | 便宜 | 领 | 抢 | 进店 | 戳这里 | 点这里 | 点击进入 | 开业 | 别家)',
      ],
      THE_SHOPS_OWN,
    ),
    reply: '请勿在群内拉人进其他群，警告 {count}/{limit}。',
  },
  {
    name: '假货高仿',
    match: offer([
      '精仿 | 超a | a货 | 莆田鞋 | 剪标 | 外贸尾单 | 仿牌 | 同厂不同标',
      '(~高仿 | 复刻 | 原单 - 单号 | 一比一 | "1比1" | "1:1" | 原厂 | 同厂) (大牌 | 名牌 | 品牌 | 专柜 | 原厂 | 同款 | 同厂 | 货源 | 包包 | 妈咪包 | 手表 | 奢侈品 | 童装 | 套装 | 顶级 | 质量 | 价格 | 超低价 | 三分之一 | 五分之一 | 正品 | 一模一样 | 完全一样 | 包装 | 尾货 | 品质 | 有货 | 保证)',
    ]),
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
