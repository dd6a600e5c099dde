// The figures a rep reports to the lead's page: the same counts the rep's own statistics screen shows.
import type { RepFigures } from '../../shared/team/changes.ts'
import { statsView } from '../service/views.ts'
import type { Store } from '../store/index.ts'

const DAYS = 30

export function measureFigures(store: Store, now: number): RepFigures {
  const stats = statsView(store, now, DAYS)
  const confirmed = stats.rules.reduce((sum, rule) => sum + rule.confirmed, 0)
  const judged = confirmed + stats.rules.reduce((sum, rule) => sum + rule.falsePositive, 0)
  return {
    groups: store.groups.list().filter((group) => group.monitored).length,
    offences: stats.rules.reduce((sum, rule) => sum + rule.hits, 0),
    removals: stats.days.reduce((sum, day) => sum + day.removals, 0),
    precision: judged === 0 ? null : confirmed / judged,
    days: DAYS,
  }
}
