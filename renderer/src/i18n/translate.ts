// Filling in a message: pure, so that it can be tested without a window.
//   {name}              the parameter's value
//   {count|one|other}   the word for the number in `count`, chosen by the language's plural rules:
//                       'In {count} monitored {count|group|groups}' reads "1 monitored group", "2 monitored groups".
// Chinese has one form for every number and needs no such choice.
import { en } from './en.ts'
import { zhCN, type MessageKey } from './zh-CN.ts'

export type Language = 'zh-CN' | 'en'
export type Params = Record<string, string | number>

const DICTIONARIES: Record<Language, Record<MessageKey, string>> = { 'zh-CN': zhCN, en }
const PLURAL_RULES: Record<Language, Intl.PluralRules> = { 'zh-CN': new Intl.PluralRules('zh-CN'), en: new Intl.PluralRules('en') }

export function translate(language: Language, key: MessageKey, params?: Params): string {
  const text = DICTIONARIES[language][key]
  if (!params) return text
  return text.replace(/\{(\w+)(?:\|([^|{}]*)\|([^|{}]*))?\}/gu, (whole, name: string, one?: string, other?: string) => {
    if (!Object.hasOwn(params, name)) return whole
    const value = params[name]!
    if (one === undefined) return String(value)
    return PLURAL_RULES[language].select(Number(value)) === 'one' ? one : other!
  })
}
