import { useCallback } from 'react'
import { signalOfRule } from '../../../shared/signals/decide.ts'
import { useT } from '../i18n/index.tsx'

/** A rule's name as shown: the signals' own names (signal:spam...) in the rep's language, rules as written. */
export function useRuleLabel(): (rule: string) => string {
  const t = useT()
  return useCallback((rule: string) => {
    const signal = signalOfRule(rule)
    return signal ? t(`signal.name.${signal}`) : rule
  }, [t])
}
