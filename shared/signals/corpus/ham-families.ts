// Ordinary mother-and-baby group chat, one family per way of saying it, including hard ham: WeChat, adding people,
// groups, prices and customer service mentioned innocently. Held out by whole family like the spam.
import type { Family } from './family.ts'

export const HAM_FAMILIES: readonly Family[] = [
  // Feeding
  { id: 'feed-solids', category: 'feeding', templates: ['{kid}{age}了，可以开始吃{food}了吗', '{time}给{kid}做了{food}，吃得可香了', '{age}的宝宝一天吃几顿辅食啊'] },
  { id: 'feed-milk', category: 'feeding', templates: ['{kid}最近奶量变少了，正常吗', '母乳不够，要不要加奶粉啊', '{kid}一顿喝多少毫升比较合适'] },
  { id: 'feed-picky', category: 'feeding', templates: ['{kid}不爱吃{food}，有什么办法吗', '挑食怎么办，除了{food}啥都不吃', '{kid}吃饭要追着喂，好累'] },
  { id: 'feed-recipe', category: 'feeding', templates: ['分享一个{food}的做法，蒸十分钟打成泥就行', '{food}和{food}一起煮，宝宝很爱吃', '有没有好做的辅食推荐，{food}吃腻了'] },
  // Sleep
  { id: 'sleep-night', category: 'sleep', templates: ['{kid}{time}又醒了好几次，我快熬不住了', '{age}的娃一晚上醒几次算正常', '哄睡要{hours}，有什么好办法'] },
  { id: 'sleep-nap', category: 'sleep', templates: ['白天睡多久比较好，{kid}只睡{hours}', '{kid}不肯午睡怎么办', '是不是睡前不能玩太兴奋'] },
  { id: 'sleep-bed', category: 'sleep', templates: ['你们都是跟宝宝一起睡还是分床', '{kid}睡觉老踢被子，用{thing}管用吗', '分房睡大概几岁开始比较好'] },
  // Health
  { id: 'health-symptom', category: 'health', templates: ['{kid}{time}开始{symptom}，要去{place}吗', '{symptom}几天了还没好，好担心', '{age}宝宝{symptom}，大家都怎么处理的'] },
  { id: 'health-fever', category: 'health', templates: ['体温三十八度五，要吃退烧药吗', '物理降温有用吗，{kid}一直烧', '半夜发烧去急诊人好多'] },
  { id: 'health-vaccine', category: 'health', templates: ['{vaccine}疫苗打了吗，{kid}打完有点低烧', '{vaccine}是自费的吗，多少钱', '打{vaccine}要提前预约吗，在{place}'] },
  { id: 'health-doctor', category: 'health', templates: ['{place}哪个医生看儿科比较好', '挂了{place}的号，明天带{kid}去复查', '医生说{symptom}不用太担心，多喝水'] },
  { id: 'health-teeth', category: 'health', templates: ['{kid}{age}了还没出牙，正常吗', '出牙期流口水好厉害', '牙刷什么时候开始用'] },
  // Growth and play
  { id: 'grow-milestone', category: 'growth', templates: ['{kid}今天会叫妈妈了，好开心', '{age}会爬了，家里得装{thing}了', '我家{age}还不会坐，是不是晚了'] },
  { id: 'grow-play', category: 'growth', templates: ['周末带{kid}去{place}玩了一天', '有没有适合{age}宝宝的绘本推荐', '{place}人太多了，下次早点去'] },
  { id: 'grow-school', category: 'growth', templates: ['幼儿园报名要准备什么材料', '{kid}上早教有用吗，一节课{price}', '入园焦虑怎么办，天天哭'] },
  { id: 'grow-photo', category: 'growth', templates: ['发张{kid}的照片给大家看看', '今天拍了百天照，好可爱', '{kid}长得好快，衣服又小了'] },
  // Shopping (hard ham: prices, brands, buying)
  { id: 'shop-ask-price', category: 'shopping', templates: ['{thing}大家多少钱买的，我看{shop}卖{price}', '{shop}的{thing}打折了，{price}挺划算', '这个{thing}值不值{price}啊'] },
  { id: 'shop-recommend', category: 'shopping', templates: ['{thing}哪个牌子好用，求推荐', '我用的{thing}还不错，就是有点重', '买{thing}要注意什么'] },
  { id: 'shop-diapers', category: 'shopping', templates: ['纸尿裤你们用哪个牌子的，{kid}红屁屁了', '拉拉裤和纸尿裤哪个好', '{shop}纸尿裤买一送一，我囤了几包'] },
  { id: 'shop-milk-brand', category: 'shopping', templates: ['你们宝宝喝什么奶粉，{kid}喝了便秘', '换奶粉要慢慢换吗', '{shop}买的奶粉是正品吗，有点担心'] },
  { id: 'shop-secondhand', category: 'shopping', templates: ['{kid}用过的{thing}谁要，九成新，送给需要的', '有闲置的{thing}吗，想收一个', '闲置{thing}，同小区的可以自提'] },
  { id: 'shop-group-buy', category: 'shopping', templates: ['小区团购的水果到了没', '团购的{food}挺新鲜的', '上次团购的{thing}质量一般'] },
  // Hard ham: WeChat, adding, groups, customer service
  { id: 'hard-add-friend', category: 'hard', templates: ['{name}我加你微信了，通过一下', '刚才加你好友了，记得通过哦', '你微信号多少，我把照片发你'] },
  { id: 'hard-group-talk', category: 'hard', templates: ['群里有没有同小区的妈妈', '这个群好热闹，大家好', '我把老公也拉进群了，他也想学学'] },
  { id: 'hard-invite', category: 'hard', templates: ['我闺蜜也怀孕了，可以拉她进群吗', '群主，我朋友想进群，能拉吗', '新来的，是{name}拉我进来的'] },
  { id: 'hard-service', category: 'hard', templates: ['客服在吗，我的订单还没发货', '请问客服，{thing}怎么退换', '找客服改了地址，谢谢'] },
  { id: 'hard-service-reply', category: 'hard', templates: ['客服说{count}天内发货，再等等', '联系了客服，说可以补发', '客服态度挺好的，很快就处理了'] },
  { id: 'hard-phone-mention', category: 'hard', templates: ['手机没电了，晚点回你们', '换了新手机，微信记录都没了', '老公打电话来了，先不聊了'] },
  { id: 'hard-phone-number', category: 'hard', templates: ['我电话{phone}，到楼下了打给我', '快递员电话是{phone}，大家的包裹在他那', '物业电话{phone}，停水的可以问问'] },
  { id: 'hard-redpacket', category: 'hard', templates: ['谢谢群主发的红包', '抢到红包了，沾沾喜气', '过年给娃包多少红包合适'] },
  { id: 'hard-money-talk', category: 'hard', templates: ['生娃花了{money}，比预想的多', '月子中心一个月要{money}，太贵了', '产检一次大概花多少钱'] },
  { id: 'hard-scan', category: 'hard', templates: ['医院要扫码建档，大家弄好了吗', '小程序预约疫苗挺方便的', '扫码登记了，{time}去打{vaccine}'] },
  { id: 'hard-job-talk', category: 'hard', templates: ['产假快休完了，要回去上班了', '在家带娃，想找个兼职又怕顾不上', '老公加班到半夜，我一个人带娃'] },
  // Everyday talk
  { id: 'day-greeting', category: 'daily', templates: ['早上好呀各位宝妈', '晚安，今天终于能早点睡了', '大家周末愉快'] },
  { id: 'day-weather', category: 'daily', templates: ['今天降温了，给{kid}多穿点', '外面太热了，不敢带娃出门', '下雨天在家陪{kid}玩积木'] },
  { id: 'day-family', category: 'daily', templates: ['婆婆来帮忙带娃了，轻松多了', '老公今天主动哄睡，感动', '和婆婆育儿观念不一样，好头疼'] },
  { id: 'day-mood', category: 'daily', templates: ['带娃好累，但看到他笑就值了', '今天又被{kid}气哭了', '产后有点焦虑，大家有过吗'] },
  { id: 'day-thanks', category: 'daily', templates: ['谢谢{name}的建议，果然有用', '按大家说的做了，{kid}好多了', '群里的妈妈们真热心'] },
  { id: 'day-pregnancy', category: 'pregnancy', templates: ['孕{count}周了，肚子好大', '产检做了四维，宝宝很健康', '孕期腿抽筋怎么办'] },
  { id: 'day-postpartum', category: 'pregnancy', templates: ['月子里能洗头吗', '剖腹产恢复要多久', '产后{count}个月了，腰还是疼'] },
  { id: 'day-short', category: 'daily', templates: ['哈哈哈', '好的，谢谢', '同问', '是的是的', '我也是这样'] },
]
