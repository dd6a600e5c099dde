// A made-up rep for the "verdicts to beat the starter model" simulation: a neighbourhood group-buy (社区团购) group,
// whose ordinary chat is full of what the starter corpus counts against a message (prices, 私聊, 接龙, 加群, 转账),
// and whose marketers use pitches the starter corpus does not have. Bench data only: never shipped or trained on.
import type { Family } from '../shared/signals/corpus/family.ts'

export const REP_SPAM: readonly Family[] = [
  { id: 'rep-fake-notice', category: 'scam', templates: ['【物业通知】燃气费补缴，点链接登记，逾期停气', '物业提醒：本小区水表更换，需先交{price}元押金，私聊登记', '社区通知：领取防疫补贴，扫码填写银行卡信息'] },
  { id: 'rep-etc', category: 'scam', templates: ['ETC认证过期了，点这里重新认证，否则无法通行', '您的医保卡异常，请加客服{wxid}处理', '快递理赔，添加专员{wxid}退款{price}元'] },
  { id: 'rep-lecture', category: 'health', templates: ['明早社区活动中心有健康讲座，老人到场送鸡蛋', '免费测血压，送{remedy}，名额有限', '专家讲座听完送米送油，家里老人可以来'] },
  { id: 'rep-tickets', category: 'scalping', templates: ['演唱会门票内部渠道，原价出，要的私', '专业代抢医院专家号，{price}一个', '学位房指标转让，包过，私聊详谈'] },
  { id: 'rep-course', category: 'course', templates: ['少儿编程体验课一元抢，报名送{prize}', '幼小衔接特训营，保证上名校，最后{count}个名额', '家长必看，{count}天提分秘籍，进群免费领'] },
  { id: 'rep-rebate', category: 'rebate', templates: ['下单返现{percent}%，截图找我领，别在群里说', '拼团砍价群，每天领{money}元无门槛券，扫码进', '隐藏优惠券，比团购价还低一半，私我发你'] },
  { id: 'rep-cash', category: 'loans', templates: ['装修贷、车贷、消费贷，小区业主专享低息', '房产抵押快速放款，业主可办，私聊', '急用钱的邻居找我，当天到账，利息好说'] },
  { id: 'rep-pyramid', category: 'jobs', templates: ['邻居们，我在做一个项目，一个月赚了{money}，想了解的来', '加入我们的社区团长计划，躺着赚钱', '零投资，带人就有钱，宝妈退休老人都能做'] },
]

export const REP_HAM: readonly Family[] = [
  { id: 'rep-jielong', category: 'groupbuy', templates: ['接龙：1. 302室 草莓两盒', '{name}，苹果一箱，{price}元，已转账', '接龙+1，鸡蛋两板，明天自提'] },
  { id: 'rep-price', category: 'groupbuy', templates: ['今天的车厘子{price}一斤，要的接龙', '这个价格比超市便宜，我订了两份', '上次的橙子{price}一箱，甜不甜'] },
  { id: 'rep-pickup', category: 'groupbuy', templates: ['团长，货到了吗，几点能自提', '东门快递柜放不下了，放在门卫了', '我的那份帮我放门口，谢谢团长'] },
  { id: 'rep-private', category: 'groupbuy', templates: ['团长私聊你了，我的少了一袋', '已私聊团长补差价', '有问题私聊团长，不要在群里刷'] },
  { id: 'rep-transfer', category: 'groupbuy', templates: ['已转账{price}元，麻烦查收', '微信转账了，团长记一下', '转错了，多转了{count}块，下次抵扣'] },
  { id: 'rep-group', category: 'neighbours', templates: ['把我婆婆也拉进群了，她也想买菜', '新邻居进群了，欢迎欢迎', '这个群只发团购，聊天去业主群'] },
  { id: 'rep-quality', category: 'groupbuy', templates: ['昨天的青菜有点蔫了，团长能换吗', '牛奶日期很新鲜，好评', '这次的米质量不错，还会再买'] },
  { id: 'rep-neighbour', category: 'neighbours', templates: ['谁家的猫跑出来了，在三楼楼道', '电梯又坏了，物业说下午修', '周末小区停水，大家提前接水'] },
]
