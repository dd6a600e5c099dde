import { useMemo } from 'react'
import type { FeedEvent } from '../../../../shared/api/types.ts'
import type { TermHit } from '../../../../shared/rules/types.ts'
import { useSavedRuleSet } from '../../state/useSavedRuleSet.ts'

/** The terms of the event's rule found in its message, by the rules as saved now (explained here, not stored). */
export function useMessageHits(event: FeedEvent): TermHit[] {
  const compiled = useSavedRuleSet()
  const { text, rule, groupId, groupTopic } = event
  return useMemo(() => {
    if (!compiled || !text) return []
    const explanation = compiled.explain(text, { ...(groupId ? { groupId } : {}), ...(groupTopic ? { groupTopic } : {}) })
    const own = explanation.matched.find((matched) => matched.name === rule)
    return own ? own.hits : explanation.matched.flatMap((matched) => matched.hits)
  }, [compiled, text, rule, groupId, groupTopic])
}
