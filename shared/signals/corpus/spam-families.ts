// Group-marketing spam, one family per way of saying it. A family is a phrasing with slots; the held-out split holds
// out whole families, so the held-out score measures how the classifier does on phrasings it never saw.
import type { Family } from './family.ts'

export const SPAM_FAMILIES: readonly Family[] = [
  // Contact poaching
  { id: 'poach-add-me', category: 'poaching', templates: ['想要资料的宝妈加我微信{wxid}', '需要的私我，微信{wxid}', '有问题加我v：{wxid}，秒回'] },
  { id: 'poach-private-group', category: 'poaching', templates: ['进我的内部群，群里天天发福利，加{wxid}拉你', '宝妈内部福利群，名额有限，私聊我进群', '拉你进更好的群，加我好友备注宝妈'] },
  { id: 'poach-free-guide', category: 'poaching', templates: ['免费送育儿资料大全，加我微信领取', '整理了{count}G早教资源，需要的扫码加我', '0到3岁辅食食谱免费送，私我发你'] },
  { id: 'poach-call-me', category: 'poaching', templates: ['有需要的直接打电话{phone}', '联系电话{phone}，随时咨询', '详情咨询{phone}（同微信）'] },
  { id: 'poach-better-price', category: 'poaching', templates: ['这个群的东西太贵了，我这里便宜一半，私聊', '群里买的{item}我这有更便宜的，加{wxid}', '同款{brand}{item}我这只要{price}，比群里划算'] },
  { id: 'poach-qq', category: 'poaching', templates: ['加我QQ{qq}领取福利', '扣扣{qq}，有惊喜', '需要的加q{qq}详聊'] },
  // 代购
  { id: 'daigou-overseas', category: 'daigou', templates: ['{country}代购，{brand}{item}直邮，支持验货', '长期{country}代购，正品保证，需要加{wxid}', '本人在{country}，帮代购{brand}，价格美丽'] },
  { id: 'daigou-milk', category: 'daigou', templates: ['{country}直邮{brand}奶粉，一箱{price}包邮', '奶粉代购，原装进口，整箱更便宜，私聊', '{brand}奶粉团购价{price}一罐，要的接龙加我'] },
  { id: 'daigou-dutyfree', category: 'daigou', templates: ['免税店代购{brand}，比专柜便宜{percent}折', '三亚免税店{brand}{item}代拍，需要的来', '机场免税{brand}现货，顺丰包邮'] },
  { id: 'daigou-live', category: 'daigou', templates: ['今晚八点直播带货{brand}，秒杀价{price}', '进直播间抢{item}，下单返现{daily}元', '我在{platform}直播，关注送{prize}'] },
  // Jobs
  { id: 'job-typing', category: 'jobs', templates: ['招{job}，在家手机操作，日结{daily}元', '宝妈在家就能做，每天{daily}到{money}，不收押金', '招聘{job}，时间自由，一单一结'] },
  { id: 'job-brushing', category: 'jobs', templates: ['{platform}刷单，一单佣金{daily}元，做完立返', '点赞关注就能赚钱，一个{daily}，多劳多得', '帮商家刷好评，垫付后本金加佣金返还'] },
  { id: 'job-handcraft', category: 'jobs', templates: ['手工活外发，串珠子在家做，一个月轻松{money}', '招宝妈做手工，包教包会，材料包邮', '在家做手工赚钱，先交{price}材料费就能开始'] },
  { id: 'job-agent', category: 'jobs', templates: ['诚招代理，零成本创业，月入{money}不是梦', '想做副业的宝妈看过来，一部手机就能创业', '招募团队长，带团队躺赚，名额只剩{count}个'] },
  { id: 'job-recruit', category: 'jobs', templates: ['高薪招聘，无需经验，月薪过万，加{wxid}', '急招客服，在家办公，底薪{money}加提成', '{job}急招，18到45岁都可以，手机就能做'] },
  // Loans
  { id: 'loan-fast', category: 'loans', templates: ['急用钱的找我，{minutes}分钟到账，额度{money}', '无抵押贷款，身份证就能办，当天放款', '小额贷款，不看征信，黑户也能下款'] },
  { id: 'loan-credit', category: 'loans', templates: ['信用卡代还，提额套现，手续费低', '网贷逾期帮你处理，停催协商，加{wxid}', '花呗白条套现，秒到账，费率{percent}个点'] },
  { id: 'loan-business', category: 'loans', templates: ['企业贷、房抵贷，利息低至{percent}厘，电话{phone}', '宝妈创业贷款，最高{money}，先息后本', '大额贷款，资质不好也能做，包下款'] },
  // Gambling
  { id: 'gamble-site', category: 'gambling', templates: ['{site}注册就送{money}，天天返水', '真人娱乐城，首充送{percent}%，网址{site}', '线上棋牌，提款秒到，打开{site}'] },
  { id: 'gamble-lottery', category: 'gambling', templates: ['跟着老师买彩票，每天稳赚{daily}', '时时彩计划群，带你回本，加{wxid}', '六合彩内部资料，精准一肖，私聊'] },
  { id: 'gamble-slots', category: 'gambling', templates: ['电子游戏爆分了，{minutes}分钟赢了{money}', '百家乐技巧教学，包赢不输', '下注就返现，输了也不亏，来玩{site}'] },
  // Investment
  { id: 'invest-stock', category: 'investment', templates: ['免费荐{stock}，明天必涨停，进群领取', '老师带你炒股，月收益{percent}%以上', '内幕消息，这只{stock}下周翻倍，加{wxid}'] },
  { id: 'invest-coin', category: 'investment', templates: ['{coin}投资，稳赚不赔，日收益{percent}%', '带你玩{coin}合约，一周翻倍', '{coin}挖矿，投{money}每天返{daily}'] },
  { id: 'invest-wealth', category: 'investment', templates: ['理财产品年化{percent}%，保本保息', '闲钱放着不如投资，{money}起投，月月分红', '跟我做理财，宝妈也能实现财务自由'] },
  { id: 'invest-forex', category: 'investment', templates: ['外汇黄金喊单，胜率九成，跟单就赚', '黄金期货带单，一手赚{money}', '原油投资，老师一对一指导，免费开户'] },
  // Prizes
  { id: 'prize-won', category: 'prizes', templates: ['恭喜您被抽中{prize}，点击领取', '幸运群友抽到{prize}，填写地址即可包邮送到', '本群第{count}位幸运用户，获得{prize}一台'] },
  { id: 'prize-redpacket', category: 'prizes', templates: ['点链接领{money}元红包，限前{count}名', '转发到{count}个群领现金红包', '扫码领红包，人人都有，最高{money}'] },
  { id: 'prize-free-trial', category: 'prizes', templates: ['免费领取{brand}试用装，只需付邮费', '0元领{item}，仅限今天，手慢无', '新人免费送{item}，扫码登记'] },
  { id: 'prize-vote', category: 'prizes', templates: ['帮我投一票，投票就送{prize}', '宝宝评选大赛，投票领{money}现金', '萌宝大赛报名，前{count}名奖{prize}'] },
  // Counterfeits
  { id: 'fake-luxury', category: 'counterfeits', templates: ['{fake}{brand}{item}，专柜品质，{price}包邮', '{brand}{item}{fake}，细节做工一模一样', '一手货源，{fake}大牌{item}，支持退换'] },
  { id: 'fake-cosmetic', category: 'counterfeits', templates: ['{brand}面霜{fake}，和专柜一样的效果只要{price}', '大牌化妆品工厂直销，{fake}，效果不输正品', '{brand}口红批发，{fake}，一支{price}'] },
  { id: 'fake-shoes', category: 'counterfeits', templates: ['莆田{fake}运动鞋，{price}一双', '{fake}潮牌衣服鞋子，看图下单', '工厂尾单，{brand}同款，价格{price}'] },
  // Health scams
  { id: 'health-cure', category: 'health', templates: ['{remedy}专治{illness}，三天见效', '{illness}不用吃药，用{remedy}就好了', '祖传偏方根治{illness}，不好全额退款'] },
  { id: 'health-baby', category: 'health', templates: ['宝宝{symptom}用我家{remedy}，一贴就好', '孩子长不高？{remedy}让宝宝长高{count}厘米', '{remedy}调理宝宝体质，从此不生病'] },
  { id: 'health-weight', category: 'health', templates: ['产后瘦身，一个月瘦{count}斤，不节食不运动', '减肥茶一喝就瘦，宝妈都在用', '{remedy}燃脂排油，月瘦{count}斤，私聊'] },
  { id: 'health-elderly', category: 'health', templates: ['给爸妈买{remedy}，{illness}一个疗程就稳住', '免费体检领{prize}，地址私聊', '专家义诊，{illness}免费看，凭邀请领{remedy}'] },
  // Mixed or evasive
  { id: 'evasive-spaced', category: 'poaching', templates: ['加 薇 {wxid} 有 好 东 西', '➕V：{wxid}💰日入过千', 'v❤信：{wxid}，你懂的'] },
  { id: 'evasive-homophone', category: 'poaching', templates: ['家威心{wxid}，有福利', '加薇信领取，号码{wxid}', '嘉V{wxid}，详细聊'] },
  { id: 'card-pitch', category: 'poaching', templates: ['推荐一个好友给大家，做{item}的，人很靠谱', '这个朋友卖{brand}，都是正品，推荐加她', '分享名片：{job}招聘，需要的加'] },
  { id: 'mlm-pitch', category: 'jobs', templates: ['加入我们，每天分享朋友圈就能赚{daily}', '不囤货不压货，轻松月入{money}', '宝妈副业首选，{count}天回本'] },
]
