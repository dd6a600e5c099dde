// Store records turned into the shapes the window is shown (shared/api/types.ts).
import type { FeedEvent, GroupView, RuleView, SettingsView, Stats } from '../../shared/api/types.ts'
import type { Rule } from '../../shared/rules/types.ts'
import type { GuardEvent, RulePrecision, Store } from '../store/index.ts'
import { SECRET_NAMES, type SecretStore } from './secrets.ts'
import type { PuppetCapabilities } from '../../shared/capabilities/index.ts'
import { groupRemovalAbility } from '../guard/removal-plan.ts'

const DAY_MS = 24 * 60 * 60 * 1000
// A removal task the rep closed with "done" is a removal like the bot's.
const COUNTED_KINDS = ['warning', 'removal', 'alert', 'removal_needed'] as const
type CountedKind = (typeof COUNTED_KINDS)[number]

export function feedEventView(store: Store, event: GuardEvent): FeedEvent {
  const { strikeId: _strikeId, ...rest } = event
  return { ...rest, groupTopic: event.groupId ? (store.groups.get(event.groupId)?.topic ?? null) : null }
}

/** Only what really happened counts: not dry runs, overridden decisions, or removals WeChat did not carry out. */
function counts(event: GuardEvent): event is GuardEvent & { kind: CountedKind } {
  if ((event.kind === 'removal' || event.kind === 'removal_needed') && event.status !== 'done') return false
  return (COUNTED_KINDS as readonly string[]).includes(event.kind) && !event.dryRun && !event.overridden
}

/** `capabilities`: those of the puppet the bot runs on now, which decide with the roles whether it can remove. */
export function groupViews(store: Store, now: number, capabilities: PuppetCapabilities): GroupView[] {
  const recent = store.events.list({ since: now - 7 * DAY_MS, kinds: ['warning', 'removal', 'removal_needed'], limit: 1_000_000 })
  const tally = new Map<string, { warnings7d: number; removals7d: number }>()
  for (const event of recent) {
    if (!event.groupId || !counts(event)) continue
    const entry = tally.get(event.groupId) ?? { warnings7d: 0, removals7d: 0 }
    if (event.kind === 'warning') entry.warnings7d++
    else entry.removals7d++
    tally.set(event.groupId, entry)
  }
  return store.groups.list().map((group) => ({
    id: group.id,
    topic: group.topic,
    memberCount: group.memberCount,
    monitored: group.monitored,
    quiet: group.quiet,
    botCanRemove: group.botCanRemove,
    removal: groupRemovalAbility(group, capabilities),
    repIsAdmin: group.repIsAdmin,
    rolesKnown: group.rolesKnown,
    staff: store.groups.staff(group.id).map(({ memberKey, name }) => ({ memberKey, name })),
    ...(tally.get(group.id) ?? { warnings7d: 0, removals7d: 0 }),
  }))
}

export function ruleViews(rules: readonly Rule[], precision: readonly RulePrecision[]): RuleView[] {
  const byRule = new Map(precision.map((entry) => [entry.rule, entry]))
  return rules.map((rule) => {
    const entry = byRule.get(rule.name)
    return { ...rule, confirmed: entry?.confirmed ?? 0, falsePositive: entry?.falsePositive ?? 0, precision: entry?.precision ?? null }
  })
}

export function settingsView(store: Store, secrets: SecretStore): SettingsView {
  const secretStates = Object.fromEntries(SECRET_NAMES.map((name) => [name, secrets.state(name)])) as SettingsView['secrets']
  return { ...store.settings.all(), secrets: secretStates }
}

/** Local calendar day, as the rep reads dates. */
function dayOf(at: number): string {
  const date = new Date(at)
  const pad = (n: number) => String(n).padStart(2, '0')
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`
}

/** The kinds of term that caught a hit (each counted once per event), from the hits its event recorded. */
function signalsOf(event: GuardEvent): Set<string> {
  const hits = Array.isArray(event.detail.hits) ? (event.detail.hits as { kind?: unknown }[]) : []
  return new Set(hits.map((hit) => hit.kind).filter((kind): kind is string => typeof kind === 'string'))
}

export function statsView(store: Store, now: number, days: number): Stats {
  const since = now - days * DAY_MS
  // `until` is exclusive in the store: an event at this very millisecond still counts.
  const events = store.events.list({ since, until: now + 1, kinds: [...COUNTED_KINDS], limit: 1_000_000 }).filter(counts)
  const signals = new Map<string, number>()
  for (const event of events) if (event.hit) for (const signal of signalsOf(event)) signals.set(signal, (signals.get(signal) ?? 0) + 1)
  const perDay = new Map<string, Stats['days'][number]>()
  for (let k = days - 1; k >= 0; k--) {
    const day = dayOf(now - k * DAY_MS)
    perDay.set(day, { day, warnings: 0, removals: 0, alerts: 0 })
  }
  const perGroup = new Map<string, Stats['groups'][number]>()
  const hits = new Map<string, number>()
  const field = { warning: 'warnings', removal: 'removals', alert: 'alerts', removal_needed: 'removals' } as const
  for (const event of events) {
    const dayEntry = perDay.get(dayOf(event.at))
    if (dayEntry) dayEntry[field[event.kind]]++
    if (event.groupId) {
      const topic = store.groups.get(event.groupId)?.topic ?? event.groupId
      const groupEntry = perGroup.get(event.groupId) ?? { groupId: event.groupId, topic, warnings: 0, removals: 0, alerts: 0 }
      groupEntry[field[event.kind]]++
      perGroup.set(event.groupId, groupEntry)
    }
    if (event.rule && event.hit) hits.set(event.rule, (hits.get(event.rule) ?? 0) + 1)
  }
  const precision = new Map(store.events.precisionByRule().map((entry) => [entry.rule, entry]))
  const rules = [...new Set([...hits.keys(), ...precision.keys()])].map((rule) => {
    const entry = precision.get(rule)
    return {
      rule,
      hits: hits.get(rule) ?? 0,
      confirmed: entry?.confirmed ?? 0,
      falsePositive: entry?.falsePositive ?? 0,
      precision: entry?.precision ?? null,
    }
  })
  rules.sort((a, b) => b.hits - a.hits || a.rule.localeCompare(b.rule))
  return {
    days: [...perDay.values()],
    groups: [...perGroup.values()].sort((a, b) => b.warnings + b.removals - (a.warnings + a.removals)),
    rules,
    signals: [...signals].map(([signal, hits]) => ({ signal, hits })).sort((a, b) => b.hits - a.hits || a.signal.localeCompare(b.signal)),
  }
}
