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
  | 'kind_takes_no_argument'
  | 'bad_domain'
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
  // Lines of the old wx-bot tool's keyword file.
  | 'wxbot_no_reply'
  | 'wxbot_regex_characters'
  | 'wxbot_no_pattern'
  | 'wxbot_reply_unclosed'
  | 'wxbot_text_after_reply'
  | 'wxbot_nothing'
  | 'wxbot_empty_alternative'
  | 'wxbot_plain_dash'
  | 'wxbot_unclosed_bracket'
  | 'too_long'
  | 'unsafe_character'

export type RuleErrorParams = Record<string, string>
export type RuleErrorLanguage = 'en' | 'zh-CN'

type Texts = Record<RuleErrorCode, (p: RuleErrorParams) => string>

/** The regex engine's (re2js) kinds of syntax error, in the rep's words; one not listed is shown as the engine says it. */
const REGEX_REASONS: Record<RuleErrorLanguage, Record<string, string>> = {
  en: {
    'missing closing ]': 'a [ has no closing ]',
    'missing closing )': 'a ( has no closing )',
    'unexpected )': 'a ) has no ( before it',
    'missing argument to repetition operator': '* + ? or {n} has nothing before it to repeat',
    'invalid nested repetition operator': 'two repetitions in a row (like a**)',
    'invalid repeat count': 'the count in {…} is not a valid number or range',
    'invalid escape sequence': 'a \\ is followed by a character it cannot escape',
    'trailing backslash at end of expression': 'it ends with a \\',
    'invalid character class range': 'a range in [...] goes backwards (like [z-a])',
    'invalid or unsupported Perl syntax': '(?…) is not supported',
    'invalid named capture': 'a named group (?P<…>) is written wrongly',
    'duplicate capture group name': 'two groups have the same name',
    'expression too large': 'it is too large',
    'expression nests too deeply': 'its brackets nest too deeply',
  },
  'zh-CN': {
    'missing closing ]': '有一个 [ 缺少配对的 ]',
    'missing closing )': '有一个 ( 缺少配对的 )',
    'unexpected )': '多了一个 )：前面没有对应的 (',
    'missing argument to repetition operator': '* + ? 或 {n} 前面没有可重复的内容',
    'invalid nested repetition operator': '连续写了两个重复符号（如 a**）',
    'invalid repeat count': '{…} 里的次数写得不对',
    'invalid escape sequence': '\\ 后面跟的字符不能转义',
    'trailing backslash at end of expression': '结尾多了一个 \\',
    'invalid character class range': '[...] 里的范围写反了（如 [z-a]）',
    'invalid or unsupported Perl syntax': '不支持 (?…) 写法',
    'invalid named capture': '命名分组 (?P<…>) 写得不对',
    'duplicate capture group name': '两个分组用了同一个名字',
    'expression too large': '正则太长了',
    'expression nests too deeply': '括号嵌套太深',
  },
}

/** Where an old-tool line lacks a keyword (wxbot_nothing's `where`, written in English by the import). */
const WXBOT_WHERE: Record<string, string> = {
  'before -': '- 前面',
  'after -': '- 后面',
  'before +': '+ 前面',
  'after +': '+ 后面',
}

const regexReason = (language: RuleErrorLanguage, reason = '') => REGEX_REASONS[language][reason] ?? reason

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
  invalid_regex: (p) => `invalid regex ${p.term}: ${regexReason('en', p.reason)}`,
  regex_matches_empty: (p) => `regex ${p.term} matches an empty text, so it would match every message`,
  regex_unmatchable: (p) =>
    `regex ${p.term} looks for ${p.char}, but regexes run on the compact text, which keeps only letters and digits: it can never match; leave ${p.char} out`,
  unknown_kind: (p) => `unknown message kind "${p.kind}" in ${p.term}; known kinds: ${p.known}`,
  kind_takes_no_argument: (p) => `kind:${p.kind} takes nothing in brackets; only kind:link(domain) does, e.g. kind:link(taobao.com)`,
  bad_domain: (p) => `"${p.domain}" is not a domain: write it like kind:link(taobao.com)`,
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
  wxbot_no_reply: () => 'no reply text ("...") after the pattern: imported without a reply',
  wxbot_regex_characters: (p) => `${p.chars} had a special meaning in the old tool (regular expression); imported as plain text`,
  wxbot_no_pattern: () => 'no pattern before the reply (the old tool would have replied to every message)',
  wxbot_reply_unclosed: () => 'the reply\'s opening " has no closing " at the end of the line',
  wxbot_text_after_reply: () => 'text after the reply\'s closing "',
  wxbot_nothing: (p) => `nothing ${p.where}`,
  wxbot_empty_alternative: () => 'empty alternative next to | (the old tool matched every message with it)',
  wxbot_plain_dash: () => '- next to + was plain text to the old tool (it reads - only in an alternative without +); imported as plain text',
  wxbot_unclosed_bracket: () => "the pattern's < has no closing > before the reply",
  too_long: (p) => `the expression is ${p.length} characters long; at most ${p.max} (split it into several rules)`,
  unsafe_character: (p) => `${p.field} contains the invisible control character ${p.char}; remove it`,
}

const zh: Texts = {
  unterminated_quote: () => '引号没有闭合：这个 " 后面缺少配对的 "',
  unterminated_regex: () => '正则没有闭合：这个 / 后面缺少配对的 /',
  sounds_needs_word: () => '~（读音相同）后面要跟一个词或 "短语"',
  no_letter_or_digit: (p) => `${p.term} 里没有文字、字母或数字，在消息里永远找不到它`,
  empty_regex: () => '正则 // 是空的',
  invalid_regex: (p) => `正则 ${p.term} 写得不对：${regexReason('zh-CN', p.reason)}`,
  regex_matches_empty: (p) => `正则 ${p.term} 能匹配空文本，会命中所有消息`,
  regex_unmatchable: (p) => `正则 ${p.term} 要找 ${p.char}，但正则只在压实后的文字上运行（只留文字、字母和数字），所以永远匹配不到；请去掉 ${p.char}`,
  unknown_kind: (p) => `不认识的消息类型“${p.kind}”（${p.term}）；可用的类型：${p.known}`,
  kind_takes_no_argument: (p) => `kind:${p.kind} 后面不能带括号；只有 kind:link(域名) 可以，例如 kind:link(taobao.com)`,
  bad_domain: (p) => `“${p.domain}”不是域名：请写成 kind:link(taobao.com) 这样`,
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
  wxbot_no_reply: () => '关键词后面没有回复语（"..."）：已导入，但不带回复语',
  wxbot_regex_characters: (p) => `${p.chars} 在旧工具里有特殊含义（正则表达式），现按普通文字导入`,
  wxbot_no_pattern: () => '回复语前面没有关键词（旧工具会回复每一条消息）',
  wxbot_reply_unclosed: () => '回复语的开头 " 在行尾没有配对的 "',
  wxbot_text_after_reply: () => '回复语的结尾 " 后面还有内容',
  wxbot_nothing: (p) => `${WXBOT_WHERE[p.where ?? ''] ?? p.where}缺少关键词`,
  wxbot_empty_alternative: () => '| 旁边是空的（旧工具会因此命中所有消息）',
  wxbot_plain_dash: () => '同一段里有 + 时，旧工具把 - 当普通文字（只有不含 + 的一段里 - 才表示排除）；现按普通文字导入',
  wxbot_unclosed_bracket: () => '关键词开头的 < 在回复语前面没有配对的 >',
  too_long: (p) => `表达式有 ${p.length} 个字符，最多 ${p.max} 个（请拆成几条规则）`,
  unsafe_character: (p) => `${p.field === 'name' ? '规则名' : p.field === 'reply' ? '回复' : p.field} 里有看不见的控制字符 ${p.char}，请删除`,
}

const TEXTS: Record<RuleErrorLanguage, Texts> = { en, 'zh-CN': zh }

export function ruleErrorText(code: RuleErrorCode, params: RuleErrorParams = {}, language: RuleErrorLanguage = 'en'): string {
  return TEXTS[language][code](params)
}
