// The bench's corpus: a rule list of the size a busy shop ends up with, and a day's worth of group chat where most
// messages are customers and some are marketers hiding the words the rules look for (spaces, symbols and emoji
// between characters, traditional characters, full-width letters, homophones). Seeded: the same seed, the same corpus.
import { Converter } from 'opencc-js/cn2t'
import { pinyin } from 'pinyin-pro'
import type { RuleInput } from '../shared/rules/index.ts'
import { Random } from './random.ts'
import * as words from './vocabulary.ts'

export type RuleFamily = 'keyword' | 'sounds' | 'regex'

export interface GeneratedRule {
  input: RuleInput
  family: RuleFamily
  /** AND of OR-groups of terms as written, without quotes or ~ (for a regex rule, its source). */
  include: string[][]
  exclude: string[]
}

export interface Corpus {
  rules: GeneratedRule[]
  messages: string[]
}

export interface CorpusSize {
  seed: number
  rules: number
  messages: number
}

const MIN_LENGTH = 5
const MAX_LENGTH = 200

const toTraditional = Converter({ from: 'cn', to: 'tw' })
const soundOf = (ch: string): string => pinyin(ch, { toneType: 'none', type: 'array' })[0] ?? ch
const isHan = (text: string): boolean => /^\p{Script=Han}+$/u.test(text)

/** A regex rule's source and a way to write text it catches, the way marketers write contact details. */
interface RegexShape {
  source: string
  sample(random: Random): string
}

export function generateCorpus(size: CorpusSize): Corpus {
  const generator = new CorpusGenerator(new Random(size.seed))
  const rules = Array.from({ length: size.rules }, (_, index) => generator.rule(index))
  const messages = Array.from({ length: size.messages }, () => generator.message(rules))
  return { rules, messages }
}

class CorpusGenerator {
  private readonly chineseKeywords: string[]
  private readonly latinKeywords: string[]
  private readonly soundsKeywords: string[]
  /** Characters that sound like each character (same toneless syllable), for homophone evasions. */
  private readonly homophones = new Map<string, string[]>()
  private regexCount = 0
  /** Each regex rule's shape, to write text it catches. */
  private readonly regexShapes = new Map<string, RegexShape>()

  constructor(private readonly random: Random) {
    const synthetic = words.SPAM_PREFIXES.flatMap((prefix) => words.SPAM_SUFFIXES.map((suffix) => prefix + suffix))
    this.chineseKeywords = [...new Set([...words.SPAM_WORDS, ...synthetic])]
    const madeUp = Array.from({ length: 400 }, () => {
      const syllables = random.int(2, 3)
      return Array.from({ length: syllables }, () => random.pick(words.LATIN_SYLLABLES)).join('')
    })
    this.latinKeywords = [...new Set([...words.LATIN_WORDS, ...madeUp])]

    const bySound = new Map<string, Set<string>>()
    for (const ch of new Set([...words.COMMON_CHARACTERS, ...this.chineseKeywords.join('')])) {
      if (!isHan(ch)) continue
      const sound = soundOf(ch)
      if (!bySound.has(sound)) bySound.set(sound, new Set())
      bySound.get(sound)!.add(ch)
    }
    for (const group of bySound.values()) for (const ch of group) if (group.size > 1) this.homophones.set(ch, [...group].filter((other) => other !== ch))
    this.soundsKeywords = this.chineseKeywords.filter((word) => isHan(word) && [...word].some((ch) => this.homophones.has(ch)))
  }

  // ---- rules ----

  rule(index: number): GeneratedRule {
    const name = `r${String(index + 1).padStart(5, '0')}`
    const shape = this.random.weighted({ single: 35, or: 25, and: 15, except: 12, sounds: 7, regex: 1 })
    const random = this.random
    switch (shape) {
      case 'single':
        return this.keywordRule(name, [[this.keyword()]], [])
      case 'or':
        return this.keywordRule(name, [this.alternatives(random.int(2, 4))], [])
      case 'and':
        return this.keywordRule(name, [this.alternatives(random.int(1, 2)), this.alternatives(random.int(1, 2))], [])
      case 'except':
        return this.keywordRule(name, [this.alternatives(random.int(1, 3))], this.exclusions())
      case 'sounds':
        return this.soundsRule(name)
      case 'regex':
        return this.regexRule(name)
    }
  }

  private keyword(): string {
    const family = this.random.weighted({ chinese: 80, latin: 12, phrase: 8 })
    if (family === 'chinese') return this.random.pick(this.chineseKeywords)
    if (family === 'latin') return this.random.pick(this.latinKeywords)
    return this.random.pick(words.ENGLISH_PHRASES)
  }

  private alternatives(count: number): string[] {
    return [...new Set(Array.from({ length: count }, () => this.keyword()))]
  }

  private exclusions(): string[] {
    return Array.from({ length: this.random.int(1, 2) }, () => (this.random.chance(0.7) ? this.random.pick(words.EXCLUSION_WORDS) : this.keyword()))
  }

  private keywordRule(name: string, include: string[][], exclude: string[]): GeneratedRule {
    const match = this.renderAnd(include.map((group) => group.map((term) => this.renderTerm(term))), exclude.map((term) => this.renderTerm(term)))
    return { input: { name, match }, family: 'keyword', include, exclude }
  }

  private soundsRule(name: string): GeneratedRule {
    const include = [[this.random.pick(this.soundsKeywords)]]
    if (this.random.chance(0.3)) include.push([this.keyword()])
    const exclude = this.random.chance(0.2) ? this.exclusions() : []
    const written = include.map((group, g) => group.map((term) => (g === 0 ? `~${term}` : this.renderTerm(term))))
    return { input: { name, match: this.renderAnd(written, exclude.map((term) => this.renderTerm(term))) }, family: 'sounds', include, exclude }
  }

  private regexRule(name: string): GeneratedRule {
    const shape = this.regexShape(this.regexCount++)
    this.regexShapes.set(name, shape)
    return { input: { name, match: `/${shape.source}/` }, family: 'regex', include: [[shape.source]], exclude: [] }
  }

  /** Phone numbers, WeChat and QQ ids, handles with digits, two spam words close together, income claims. */
  private regexShape(index: number): RegexShape {
    const random = this.random
    switch (index % 6) {
      case 0:
        return { source: `1[3-9]\\d{${random.int(8, 9)}}`, sample: (r) => `1${r.int(3, 9)}${r.int(0, 9)} ${r.int(1000, 9999)} ${r.int(1000, 9999)}` }
      case 1: {
        const prefix = random.pick(['vx', 'wx', 'weixin', 'v信', '薇信'])
        return { source: `${prefix}[a-z0-9]{${random.int(5, 8)},}`, sample: (r) => `${prefix}：${r.pick(words.LATIN_SYLLABLES)}${r.int(100000, 999999)}` }
      }
      case 2:
        return { source: `qq\\d{${random.int(5, 7)},11}`, sample: (r) => `QQ ${r.int(10000000, 999999999)}` }
      case 3: {
        const handle = random.pick(this.latinKeywords)
        return { source: `${handle}\\d{3,}`, sample: (r) => `${handle.toUpperCase()}-${r.int(100, 99999)}` }
      }
      case 4: {
        const [first, second] = [random.pick(words.SPAM_PREFIXES), random.pick(words.SPAM_SUFFIXES)]
        return { source: `${first}.{0,${random.int(2, 6)}}${second}`, sample: () => `${first}的${second}` }
      }
      default: {
        const claim = random.pick(['日赚', '月入', '日入', '周赚', '秒到'])
        return { source: `${claim}\\d{${random.int(2, 4)},}`, sample: (r) => `${claim}${r.int(1000, 50000)}` }
      }
    }
  }

  /** Terms as reps write them: mostly bare words, some quoted, phrases always quoted, some in capitals. */
  private renderTerm(term: string): string {
    if (term.includes(' ') || this.random.chance(0.25)) return `"${term}"`
    if (/^[a-z]+$/u.test(term) && this.random.chance(0.3)) return term.toUpperCase()
    return term
  }

  /** The spellings of AND, OR and EXCEPT vary as they do between reps. */
  private renderAnd(groups: string[][], exclude: string[]): string {
    const random = this.random
    const or = random.pick([' | ', ' OR ', '|', '｜'])
    const and = random.pick([' + ', ' & ', ' ', ' AND ', '＋'])
    const parts = groups.map((group) => (group.length > 1 ? `(${group.join(or)})` : group[0]!))
    const excepts = exclude.map((term) => random.pick([' - ', ' -', ' !', ' NOT ', '－']) + term)
    return parts.join(and) + excepts.join('')
  }

  // ---- messages ----

  /** 5 to 200 characters: customers' sentences, and in a quarter of the messages a marketer's among them. */
  message(rules: readonly GeneratedRule[]): string {
    const random = this.random
    const target = random.weighted({ short: 35, medium: 40, long: 25 })
    const length = target === 'short' ? random.int(MIN_LENGTH, 20) : target === 'medium' ? random.int(20, 60) : random.int(60, MAX_LENGTH)
    const spam = random.chance(0.25) ? this.spamSentence(rules) : ''
    const sentences: string[] = []
    let total = spam.length
    while (total < length) {
      const sentence = this.customerSentence()
      if (total + sentence.length > MAX_LENGTH && total >= MIN_LENGTH) break
      sentences.push(sentence)
      total += sentence.length
    }
    if (spam) sentences.splice(random.int(0, sentences.length), 0, spam)
    return clip(sentences.join(''), MAX_LENGTH)
  }

  private customerSentence(): string {
    const random = this.random
    const sentence = random.pick(words.CUSTOMER_TEMPLATES).replace(/\{(\w+)\}/gu, (_, slot: string) => {
      if (slot === 'p') return random.pick(words.PRODUCTS)
      if (slot === 'b' || slot === 'b2') return random.pick(words.BRANDS)
      if (slot === 's') return random.pick(words.SYMPTOMS)
      if (slot === 'f') return random.pick(words.FEELINGS)
      return String(random.int(1, 12))
    })
    return sentence + random.pick(['', '，', '。', ' ', '\n', '～', '！'])
  }

  /** A marketer's sentence carrying what one or two rules look for, mostly disguised. */
  private spamSentence(rules: readonly GeneratedRule[]): string {
    const random = this.random
    const [first, second] = [this.hitFor(random.pick(rules)), random.chance(0.4) ? this.hitFor(random.pick(rules)) : random.pick(words.PRODUCTS)]
    return random.pick(words.SPAM_TEMPLATES).replace(/\{(\w+)\}/gu, (_, slot: string) => {
      if (slot === 'k') return first
      if (slot === 'k2') return second
      if (slot === 'phone') return `1${random.int(30, 99)}${random.int(10000000, 99999999)}`
      if (slot === 'wx') return `${random.pick(['vx', 'V', '微', 'wx'])}：${random.pick(words.LATIN_SYLLABLES)}${random.int(1000, 99999)}`
      return `QQ${random.int(100000, 99999999)}`
    })
  }

  /** Text that makes the rule match (unless an excluded word slips in, as it sometimes does). */
  private hitFor(rule: GeneratedRule): string {
    const random = this.random
    if (rule.family === 'regex') return this.regexShapes.get(rule.input.name)!.sample(random)
    const pieces = rule.include.map((group, g) => {
      const term = random.pick(group)
      return rule.family === 'sounds' && g === 0 ? this.soundAlike(term) : this.disguise(term)
    })
    if (rule.exclude.length && random.chance(0.15)) pieces.push(random.pick(rule.exclude))
    return pieces.join(random.pick(['', '，', ' ', '的', '还有']))
  }

  private disguise(term: string): string {
    const random = this.random
    const evasion = random.weighted({ plain: 40, spaced: 12, separated: 12, traditional: 12, width: 12, mixed: 12 })
    switch (evasion) {
      case 'plain':
        return term
      case 'spaced':
        return [...term].join(' ')
      case 'separated':
        return this.separate(term)
      case 'traditional':
        return toTraditional(term)
      case 'width':
        return /[a-z]/iu.test(term) ? fullWidth(term, random) : this.separate(toTraditional(term))
      case 'mixed':
        return this.separate(toTraditional(term))
    }
  }

  private separate(term: string): string {
    return [...term].map((ch, k) => (k === 0 ? ch : this.random.pick(words.SEPARATORS) + ch)).join('')
  }

  /** Swaps one or two characters for others that sound the same (微信 -> 薇信), sometimes spaced out as well. */
  private soundAlike(term: string): string {
    const characters = [...term]
    const swappable = characters.map((ch, k) => (this.homophones.has(ch) ? k : -1)).filter((k) => k >= 0)
    for (let swaps = this.random.int(1, 2); swaps > 0 && swappable.length; swaps--) {
      const k = swappable.splice(this.random.int(0, swappable.length - 1), 1)[0]!
      characters[k] = this.random.pick(this.homophones.get(characters[k]!)!)
    }
    const alike = characters.join('')
    return this.random.chance(0.3) ? this.separate(alike) : alike
  }
}

/** Full-width letters and digits in random case: ＣＡＳＩＮＯ, Ｖｘ. */
function fullWidth(term: string, random: Random): string {
  return [...term]
    .map((ch) => {
      const cased = random.chance(0.5) ? ch.toUpperCase() : ch
      return /[!-~]/u.test(cased) ? String.fromCharCode(cased.charCodeAt(0) + 0xfee0) : cased === ' ' ? '\u3000' : cased
    })
    .join('')
}

/** Cuts to at most `max` UTF-16 units without splitting a surrogate pair. */
function clip(text: string, max: number): string {
  if (text.length <= max) return text
  const highSurrogate = (text.charCodeAt(max - 1) & 0xfc00) === 0xd800
  return text.slice(0, highSurrogate ? max - 1 : max)
}
