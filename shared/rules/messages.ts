// What is wrong with a rule, said in the rep's language. Errors carry a code and parameters; the text is made here,
// in English for the command line and in whichever language the window speaks.

export type RuleErrorCode =
  | 'unterminated_quote'
  | 'unterminated_regex'
  | 'sounds_needs_word'
  | 'no_letter_or_digit'
  | 'empty_regex'
  | 'invalid_regex'
  | 'regex_matches_empty'
  | 'regex_unmatchable'
  | 'unknown_kind'
  | 'too_deep'
  | 'empty_expression'
  | 'unexpected_end'
  | 'unexpected_text'
  | 'unmatched_close'
  | 'unclosed_open'
  | 'empty_brackets'
  | 'nothing_after'
  | 'nothing_before'
  | 'nothing_between'
  | 'no_positive_term'
  | 'duplicate_name'
  | 'bad_field'
  | 'too_long'
  | 'unsafe_character'

export type RuleErrorParams = Record<string, string>
export type RuleErrorLanguage = 'en' | 'zh-CN'

type Texts = Record<RuleErrorCode, (p: RuleErrorParams) => string>

const OPERATORS: Record<RuleErrorLanguage, Record<string, string>> = {
  en: { '|': 'OR', '&': 'AND', '-': 'EXCEPT (-)', '!': 'NOT' },
  'zh-CN': { '|': '“或”(|)', '&': '“且”(&)', '-': '“除外”(-)', '!': '“非”(!)' },
}

const en: Texts = {
  unterminated_quote: () => 'unterminated quote: this " has no closing "',
  unterminated_regex: () => 'unterminated regex: this / has no closing /',
  sounds_needs_word: () => '~ (sounds like) must be followed by a word or a "phrase"',
  no_letter_or_digit: (p) => `${p.term} has no letter or digit, so it can never be found in a message`,
  empty_regex: () => 'empty regex //',
  invalid_regex: (p) => `invalid regex ${p.term}: ${p.reason}`,
  regex_matches_empty: (p) => `regex ${p.term} matches an empty text, so it would match every message`,
  regex_unmatchable: (p) =>
    `regex ${p.term} looks for ${p.char}, but regexes run on the compact text, which keeps only letters and digits: it can never match; leave ${p.char} out`,
  unknown_kind: (p) => `unknown message kind "${p.kind}" in ${p.term}; known kinds: ${p.known}`,
  too_deep: (p) => `too deeply nested (more than ${p.max} levels of brackets or NOT)`,
  empty_expression: () => 'empty expression: write at least one word to look for',
  unexpected_end: () => 'unexpected end of expression',
  unexpected_text: () => 'unexpected text',
  unmatched_close: () => "unmatched ')': there is no '(' before it",
  unclosed_open: () => "unclosed '(': add the missing ')'",
  empty_brackets: () => 'empty brackets ()',
  nothing_after: (p) => `${OPERATORS.en[p.op!]} has nothing after it`,
  nothing_before: (p) => `${OPERATORS.en[p.op!]} has nothing before it`,
  nothing_between: (p) => `${OPERATORS.en[p.left!]} is followed by ${OPERATORS.en[p.right!]} with nothing between them`,
  no_positive_term: () =>
    'this rule requires no positive term: it would match every message that lacks the excluded words. Add a word the message must contain',
  duplicate_name: () => 'another rule already has this name',
  bad_field: (p) => `${p.field}: ${p.reason}`,
  too_long: (p) => `the expression is ${p.length} characters long; at most ${p.max} (split it into several rules)`,
  unsafe_character: (p) => `${p.field} contains the invisible control character ${p.char}; remove it`,
}

const zh: Texts = {
  unterminated_quote: () => '引号没有闭合：这个 " 后面缺少配对的 "',
  unterminated_regex: () => '正则没有闭合：这个 / 后面缺少配对的 /',
  sounds_needs_word: () => '~（读音相同）后面要跟一个词或 "短语"',
  no_letter_or_digit: (p) => `${p.term} 里没有文字、字母或数字，在消息里永远找不到它`,
  empty_regex: () => '正则 // 是空的',
  invalid_regex: (p) => `正则 ${p.term} 写得不对：${p.reason}`,
  regex_matches_empty: (p) => `正则 ${p.term} 能匹配空文本，会命中所有消息`,
  regex_unmatchable: (p) => `正则 ${p.term} 要找 ${p.char}，但正则只在压实后的文字上运行（只留文字、字母和数字），所以永远匹配不到；请去掉 ${p.char}`,
  unknown_kind: (p) => `不认识的消息类型“${p.kind}”（${p.term}）；可用的类型：${p.known}`,
  too_deep: (p) => `括号或“非”嵌套太深（超过 ${p.max} 层）`,
  empty_expression: () => '表达式是空的：至少写一个要查找的词',
  unexpected_end: () => '表达式没写完',
  unexpected_text: () => '这里多了内容',
  unmatched_close: () => '多了一个“)”：前面没有对应的“(”',
  unclosed_open: () => '括号没有闭合：请补上缺少的“)”',
  empty_brackets: () => '括号 () 里是空的',
  nothing_after: (p) => `${OPERATORS['zh-CN'][p.op!]} 后面缺少内容`,
  nothing_before: (p) => `${OPERATORS['zh-CN'][p.op!]} 前面缺少内容`,
  nothing_between: (p) => `${OPERATORS['zh-CN'][p.left!]} 和 ${OPERATORS['zh-CN'][p.right!]} 之间缺少内容`,
  no_positive_term: () => '这条规则没有必须出现的词：凡是不含排除词的消息都会被命中。请加上消息里必须包含的词',
  duplicate_name: () => '已有同名规则',
  bad_field: (p) => `${p.field}：${p.reason}`,
  too_long: (p) => `表达式有 ${p.length} 个字符，最多 ${p.max} 个（请拆成几条规则）`,
  unsafe_character: (p) => `${p.field === 'name' ? '规则名' : p.field === 'reply' ? '回复' : p.field} 里有看不见的控制字符 ${p.char}，请删除`,
}

const TEXTS: Record<RuleErrorLanguage, Texts> = { en, 'zh-CN': zh }

export function ruleErrorText(code: RuleErrorCode, params: RuleErrorParams = {}, language: RuleErrorLanguage = 'en'): string {
  return TEXTS[language][code](params)
}
