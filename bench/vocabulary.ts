// Words the generated chat is made of: a baby-products shop's customers on one side, the marketers who raid its
// groups on the other. Hand-written so that the corpus reads like the chat the engine meets, not like noise.

export const PRODUCTS = [
  '奶粉', '纸尿裤', '尿不湿', '拉拉裤', '奶瓶', '奶嘴', '湿巾', '米粉', '辅食', '磨牙棒', '婴儿车', '安全座椅', '围兜',
  '睡袋', '爬行垫', '护臀膏', '润肤露', '沐浴露', '退热贴', '吸奶器', '储奶袋', '学饮杯', '口水巾', '连体衣', '隔尿垫',
  '婴儿床', '温奶器', '消毒柜', '防胀气奶瓶', '益生菌', '维生素D', '鱼肝油', '牙胶', '摇铃', '绘本',
]

export const BRANDS = [
  '飞鹤', '君乐宝', '爱他美', '美赞臣', '惠氏', '雅培', '花王', '帮宝适', '好奇', '大王', '贝亲', '可优比', '全棉时代',
  '英氏', '小皮', '嘉宝', '亨氏', '好孩子', '十月结晶', 'babycare', 'Pigeon', 'NUK', 'Aptamil',
]

export const SYMPTOMS = ['湿疹', '红屁股', '便秘', '拉肚子', '吐奶', '长牙', '发烧', '咳嗽', '睡不好', '不爱吃饭', '起疹子', '胀气', '夜醒']

export const FEELINGS = ['很好用', '宝宝很喜欢', '质量不错', '有点小', '味道有点怪', '包装破了', '物流好快', '比超市便宜', '回购好几次了']

/** Customer sentences; {p} product, {b} brand, {b2} another brand, {s} symptom, {f} feeling, {n} a small number. */
export const CUSTOMER_TEMPLATES = [
  '宝宝{n}个月了，{p}用{b}的可以吗？',
  '请问{p}什么时候发货呀',
  '请问{b}的{p}还有货吗',
  '昨天买的{p}收到了，{f}',
  '亲，{p}可以退换吗？尺码买大了',
  '我家宝宝{s}，有推荐的{p}吗',
  '{b}和{b2}的{p}哪个好一点',
  '{b}{p}三段的多少钱一罐',
  '好的，谢谢亲',
  '收到啦，谢谢',
  '已经下单了，麻烦尽快发货',
  '快递到哪了，三天了还没到',
  '宝宝{s}好几天了，好着急😭',
  '有没有宝妈用过{b}的{p}，{f}吗？',
  '{p}是正品吗？',
  '今天活动{p}满减吗',
  '晚上几点直播呀',
  '我想换成{b2}的，可以吗',
  '哈哈哈，我家的也是',
  '👍👍👍',
  '{p}要怎么冲调，{n}勺兑多少水',
  '宝宝{n}个月，夜里还要喝{n}次奶',
  '上次买的{p}{f}，这次再来{n}包',
  '群主在吗？想问下{p}的保质期',
  '谢谢分享，学到了',
  '同问同问',
  '请问下单备注写什么',
  '{b}{p}是国行还是海外版',
]

/** Marketer sentences; {k} and {k2} are where a rule's keywords go, {phone} {wx} {qq} contact details. */
export const SPAM_TEMPLATES = [
  '{k}，有意者私聊',
  '宝妈们看过来，{k}，名额有限！',
  '{k} 详情加我 {wx}',
  '招{k}，{k2}，电话{phone}',
  '今天{k}活动，点击链接马上抢',
  '【{k}】{k2}，速度来',
  '家人们，{k}了解一下～',
  '{k}{k2}，不满意包退',
  '在家带娃也能{k}，{k2}，联系{qq}',
  '{k}，{k2}，有需要的找我',
]

/** Marketers' words that read as Chinese: what real rule lists are made of. */
export const SPAM_WORDS = [
  '加微信', '加好友', '代购', '刷单', '兼职', '日结', '返利', '返现', '贷款', '网贷', '套现', '博彩', '赌博', '彩票', '六合彩',
  '百家乐', '扫码领取', '免费领取', '招代理', '私聊我', '低价出', '高仿', '原单', '外围', '网赚', '宝妈兼职', '在家赚钱',
  '点击链接', '抖音点赞', '拉人头', '砍一刀', '助力', '二维码', '进群', '拉群', '日赚', '月入过万', '躺赚', '零投资',
  '高回报', '稳赚不赔', '内部渠道', '一手货源', '微商', '招商加盟', '刷好评', '代写', '代考', '办证', '发票', '信用卡',
  '提额', '黑户', '秒批', '无抵押', '私人借款', '理财', '投资', '数字货币', '虚拟币', '挖矿', '炒股', '荐股', '带单',
  '跟单', '彩金', '注册送', '首充', '优惠码', '薅羊毛', '福利群', '红包群', '抢红包', '口令', '淘口令', '拼多多助力',
  '点赞员', '打字员', '手工活', '配音兼职', '游戏代练', '账号出售', '实名认证', '解封', '冻结', '刷流水', '跑分', '收款码',
]

/** Two halves of synthetic spam words (金牌 + 货源): thousands of distinct keywords that read like the real thing. */
export const SPAM_PREFIXES = [
  '金牌', '爆款', '特价', '秒杀', '内部', '独家', '暴利', '副业', '高额', '秒到', '私人', '海外', '一手', '批发', '工厂',
  '源头', '正品', '低价', '限时', '免费', '官方', '专属', '高端', '精品', '超值', '会员', '新人', '老客', '全网', '同城',
  '线上', '无门槛', '零成本', '快速', '大额', '小额', '长期', '短期', '兼职', '全职', '日入', '周结', '包邮', '现货',
  '预售', '清仓', '尾单', '外贸', '跨境', '直营', '授权', '总代', '一级', '二级', '三级', '返佣', '分销', '团购', '拼单',
  '秒批',
]

export const SPAM_SUFFIXES = [
  '货源', '代理', '渠道', '平台', '项目', '团队', '返现', '佣金', '资源', '福利', '群聊', '链接', '名额', '赚钱', '回收',
  '套现', '口令', '红包', '奖励', '提现', '贷款', '额度', '借款', '理财', '基金', '收益', '分红', '彩票', '彩金', '注册',
  '充值', '礼包', '卡券', '积分', '兑换', '优惠', '折扣', '秒杀', '拼团', '砍价', '助力', '投票', '点赞', '关注', '转发',
  '推广', '引流', '加粉', '涨粉', '刷量', '代运营', '直播', '带货', '招募', '合伙', '加盟', '入股', '众筹', '孵化',
  '内推',
]

/** Syllables of made-up Latin-letter keywords (kazomi, lupori...), as marketers' handles and brand names read. */
export const LATIN_SYLLABLES = ['ka', 'zo', 'mi', 'lu', 'xe', 'po', 'ri', 'ta', 'ne', 'fu', 'go', 'by', 'qi', 'sa', 'vu', 'da', 'ke', 'wo']

export const LATIN_WORDS = ['casino', 'vx', 'wx', 'vip', 'bet', 'usdt', 'btc', 'okx', 'binance', 'telegram', 'tg', 'qq', 'app', 'h5']

/** Multi-word phrases, written quoted in rules. */
export const ENGLISH_PHRASES = [
  'free gift', 'make money', 'work from home', 'click the link', 'limited offer', 'earn cash', 'online casino',
  'add my wechat', 'daily payout', 'crypto signal', 'no deposit bonus', 'part time job', 'quick loan', 'cash back',
]

/** Words that often appear next to a keyword without making it spam: what rules exclude. */
export const EXCLUSION_WORDS = ['客服', '官方', '售后', '退款', '物流', '群主', '店长', '正品', '发票', '会员', '宝宝', '奶粉']

/** Separators marketers put between characters to slip past filters. */
export const SEPARATORS = [' ', '  ', '.', '*', '_', '~', '|', '/', '、', '·', '🎲', '💰', '❤️', '★', '🔥', '👉', '\u200b']

/**
 * About 600 frequent characters, the pool homophones are drawn from (微 -> 薇 威 维): a marketer picks a character that
 * sounds the same, and a common one, so that the reader still hears the word.
 */
export const COMMON_CHARACTERS =
  '的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动同工也能下过子说产种面而方后多定行' +
  '学法所民得经十三之进着等部度家电力里如水化高自二理起小物现实加量都两体制机当使点从业本去把性好应开它合还因由其些然前' +
  '外天政四日那社义事平形相全表间样与关各重新线内数正心反你明看原又么利比或但质气第向道命此变条只没结解问意建月公无系军' +
  '很情者最立代想已通并提直题党程展五果料象员革位入常文总次品式活设及管特件长求老头基资边流路级少图山统接知较将组见计别' +
  '她手角期根论运农指几九区强放决西被干做必战先回则任取据处队南给色光门即保治北造百规热领七海口东导器压志世金增争济阶油' +
  '思术极交受联什认六共权收证改清己美再采转更单风切打白教速花带安场身车例真务具万每目至达走积示议声报斗完类八离华名确才' +
  '科张信马节话米整空元况今集温传土许步群广石记需段研界拉林律叫且究观越织装影算低持音众书布复容儿须际商非验连断深难近矿' +
  '千周委素技备半办青省列习响约支般史感劳便团往酸历市克何除消构府称太准精值号率族维划选标写存候毛亲快效斯院查江型眼王按' +
  '格养易置派层片始却专状育厂京识适属圆包火住调满县局照参红细引听该铁价严龙飞微薇威卫未味位魏为围唯惟伟尾委谓慰喂危' +
  '薪心新欣芯辛馨星兴刑形型醒杏姓幸性购够构沟狗勾钩垢赌堵睹杜渡肚镀博搏薄伯驳泊柏勃帛舶兼监尖坚间肩艰奸煎职直值植殖' +
  '执侄返反饭范犯泛贩梵贷待代带袋戴怠款宽筐框刷唰耍衰单丹担耽胆淡蛋但旦诞彩菜采财材才裁猜私思丝斯司撕嘶聊辽疗僚寥潦' +
  '免勉缅面棉眠绵扫嫂骚臊码马妈玛麻蚂洪宏鸿虹弘烘哄红投头透偷凸突资姿兹滋咨孜仔子紫姊籽梓滓理里礼李厘狸离璃漓'
