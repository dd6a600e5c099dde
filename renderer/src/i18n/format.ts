import { useMemo } from 'react'
import { useI18n } from './index.tsx'

/** Dates, times and numbers in the window's language. */
export function useFormat() {
  const { language } = useI18n()
  return useMemo(() => {
    const dateTime = new Intl.DateTimeFormat(language, { month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit', hour12: false })
    const percent = new Intl.NumberFormat(language, { style: 'percent', maximumFractionDigits: 0 })
    return {
      dateTime: (at: number) => dateTime.format(at),
      percent: (ratio: number) => percent.format(ratio),
    }
  }, [language])
}
