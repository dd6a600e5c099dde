// Every string the window shows comes from here. zh-CN.ts is the reference: en.ts must have exactly its keys.
import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from 'react'
import { translate, type Language, type Params } from './translate.ts'
import type { MessageKey } from './zh-CN.ts'

export type { Language, MessageKey, Params }
export type Translate = (key: MessageKey, params?: Params) => string

const STORAGE_KEY = 'qunguard.language'

interface I18n {
  language: Language
  setLanguage: (language: Language) => void
  t: Translate
}

const I18nContext = createContext<I18n | null>(null)

function storedLanguage(): Language {
  return localStorage.getItem(STORAGE_KEY) === 'en' ? 'en' : 'zh-CN'
}

export function I18nProvider({ children }: { children: ReactNode }) {
  const [language, setLanguageState] = useState<Language>(storedLanguage)
  const setLanguage = useCallback((next: Language) => {
    localStorage.setItem(STORAGE_KEY, next)
    document.documentElement.lang = next
    setLanguageState(next)
  }, [])
  const value = useMemo<I18n>(
    () => ({ language, setLanguage, t: (key, params) => translate(language, key, params) }),
    [language, setLanguage],
  )
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>
}

export function useI18n(): I18n {
  const i18n = useContext(I18nContext)
  if (!i18n) throw new Error('useI18n outside <I18nProvider>')
  return i18n
}

export function useT(): Translate {
  return useI18n().t
}
