import { useEffect } from 'react'
import { useI18n } from '../i18n/index.tsx'
import { useAppData } from '../state/AppData.tsx'

/** The language is a setting of the service (so every window and the notes to self agree); follow it. */
export function useLanguageFromSettings(): void {
  const { setLanguage } = useI18n()
  const language = useAppData().settings.data?.language
  useEffect(() => {
    if (language) setLanguage(language)
  }, [language, setLanguage])
}
