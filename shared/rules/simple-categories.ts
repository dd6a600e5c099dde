// Starting points for simple rules: what reps of baby-products groups meet most, as words and message kinds they
// then edit. The words are Chinese whatever the window's language, because the groups' messages are.
import type { SimpleRule } from './simple-rule.ts'

export const SIMPLE_CATEGORIES = {
  contact: { words: ['加微信', '加我微信', 'vx', 'wx', 'v信', '加qq', '私聊我', '私我'], kinds: [], butNot: ['客服', '官方'] },
  links: { words: ['点击链接', '戳链接'], kinds: ['link'], butNot: [] },
  qrcode: { words: ['扫码进群', '扫码领'], kinds: ['qrcode'], butNot: [] },
  card: { words: [], kinds: ['card'], butNot: [] },
  miniprogram: { words: [], kinds: ['miniprogram'], butNot: [] },
  gambling: { words: ['赌博', '博彩', '百家乐', '六合彩', '时时彩', '网赌', '彩票群'], kinds: [], butNot: [] },
  loans: { words: ['网贷', '贷款', '无抵押', '秒批', '套现', '借钱'], kinds: [], butNot: [] },
  jobs: { words: ['兼职', '刷单', '日结', '躺赚', '宝妈副业'], kinds: [], butNot: ['官方'] },
  counterfeit: { words: ['高仿', '精仿', '原单', 'a货', '一比一'], kinds: [], butNot: [] },
} as const satisfies Record<string, SimpleRule>

export type SimpleCategory = keyof typeof SIMPLE_CATEGORIES
export const SIMPLE_CATEGORY_NAMES = Object.keys(SIMPLE_CATEGORIES) as SimpleCategory[]

export function categoryRule(category: SimpleCategory): SimpleRule {
  const preset = SIMPLE_CATEGORIES[category]
  return { words: [...preset.words], kinds: [...preset.kinds], butNot: [...preset.butNot] }
}
