// The rep's side of team mode in SQLite: the link to the team, the outbox of changes made here, and what the team's
// log has brought (listed offenders, pack versions). A page of the log is applied with idempotent upserts in the
// same transaction that moves the cursor, so a crash never applies a change without remembering it, or the reverse.
import type { ChangePage, RepChange, TeamChange } from '../../shared/team/changes.ts'
import { FIRST_CURSOR } from '../../shared/team/changes.ts'
import { diffPack, isEmptyDiff, teamRuleName, type PackDiff } from '../../shared/team/pack-diff.ts'
import { packWins } from '../../shared/team/merge.ts'
import { resolveRule } from '../../shared/rules/ruleset.ts'
import type { Rule, RuleInput } from '../../shared/rules/types.ts'
import { fromFlag, parseJson, toFlag, type Database } from './sql.ts'

export interface TeamLink {
  serverUrl: string
  team: string
  rep: string
  role: 'lead' | 'rep'
  cursor: string
  joinedAt: number
  syncedAt: number | null
  error: string | null
}

export interface TeamOffender {
  entryId: string
  memberKey: string
  memberName: string | null
  rule: string | null
  reason: string | null
  groupTopic: string | null
  author: string
  at: number
}

export interface TeamPack {
  name: string
  version: number
  rules: RuleInput[]
  notes: string | null
  /** What this version changed against the version this rep had before it. */
  diff: PackDiff
  author: string
  publishedAt: number
  subscribed: boolean
  /** Rules of the pack this rep switched off here. */
  switchedOff: string[]
}

export interface OutboxEntry {
  id: string
  kind: RepChange['kind']
  body: RepChange['body']
  createdAt: number
}

/** A subscribed pack that reached a new version while this page was applied. */
export interface PackUpdate {
  name: string
  version: number
  author: string
  diff: PackDiff
}

export interface TeamTable {
  link(): TeamLink | null
  join(link: Omit<TeamLink, 'cursor' | 'syncedAt' | 'error'>): void
  /** Forgets the team, its offenders, packs and unsent changes; the rep's own data stays. */
  leave(): void
  setSyncState(state: { syncedAt?: number; error: string | null }): void
  /** Applies a page if it starts at the stored cursor; returns null (nothing done) when it does not. */
  applyPage(page: ChangePage): { updatedPacks: PackUpdate[] } | null
  /** The newest listed entry for the member, if the team lists them. */
  listedOffender(memberKey: string): TeamOffender | null
  offenderCount(): number
  packs(): TeamPack[]
  setSubscribed(pack: string, subscribed: boolean): boolean
  setRuleOff(pack: string, rule: string, off: boolean): boolean
  /** The rules of subscribed packs, named apart from the rep's own, switched-off ones disabled. */
  activeRules(): Rule[]
  outbox(limit: number): OutboxEntry[]
  outboxSize(): number
  sent(ids: readonly string[]): void
  refuse(id: string, reason: string): void
}

interface PackRow {
  name: string
  version: number
  rules: string
  notes: string | null
  diff: string
  author: string
  published_at: number
  subscribed: number
}

export function createTeamTable(db: Database, bumpRuleRevision: () => void): TeamTable {
  const selectLink = db.prepare<[], Omit<TeamLink, 'serverUrl' | 'joinedAt' | 'syncedAt'> & { server_url: string; joined_at: number; synced_at: number | null }>(
    'SELECT server_url, team, rep, role, cursor, joined_at, synced_at, error FROM team_link WHERE id = 1',
  )
  const insertOffender = db.prepare(
    `INSERT OR IGNORE INTO team_offenders (entry_id, member_key, member_name, rule, reason, group_topic, author, at)
     VALUES (@entryId, @memberKey, @memberName, @rule, @reason, @groupTopic, @author, @at)`,
  )
  const selectUndone = db.prepare<[string], number>(
    "SELECT 1 FROM events WHERE kind = 'removal' AND overridden = 1 AND member_key = ? LIMIT 1",
  ).pluck()
  const deleteEntry = db.prepare<[string]>('DELETE FROM team_offenders WHERE entry_id = ?')
  const selectPack = db.prepare<[string], PackRow>('SELECT * FROM team_packs WHERE name = ?')
  const upsertPack = db.prepare(
    `INSERT INTO team_packs (name, version, rules, notes, diff, author, published_at)
     VALUES (@name, @version, @rules, @notes, @diff, @author, @publishedAt)
     ON CONFLICT (name) DO UPDATE SET version = excluded.version, rules = excluded.rules, notes = excluded.notes,
       diff = excluded.diff, author = excluded.author, published_at = excluded.published_at`,
  )
  const setCursor = db.prepare<[string, number]>('UPDATE team_link SET cursor = ?, synced_at = ?, error = NULL WHERE id = 1')
  const selectListed = db.prepare<[string], Record<string, unknown>>(
    `SELECT entry_id AS entryId, member_key AS memberKey, member_name AS memberName, rule, reason,
            group_topic AS groupTopic, author, at
     FROM team_offenders WHERE member_key = ? ORDER BY at DESC LIMIT 1`,
  )
  const selectOff = db.prepare<[], { pack: string; rule: string }>('SELECT pack, rule FROM team_rules_off')
  // Asked often (the sync's outbox poll, the team card): prepared once.
  const countOutbox = db.prepare<[], number>('SELECT count(*) FROM team_outbox WHERE refused IS NULL').pluck()
  const countOffenders = db.prepare<[], number>('SELECT count(DISTINCT member_key) FROM team_offenders').pluck()
  const updateSyncState = db.prepare('UPDATE team_link SET synced_at = coalesce(?, synced_at), error = ? WHERE id = 1')
  const deleteSent = db.prepare<[string]>('DELETE FROM team_outbox WHERE id = ?')

  function switchedOff(): Map<string, Set<string>> {
    const off = new Map<string, Set<string>>()
    for (const { pack, rule } of selectOff.all()) off.set(pack, (off.get(pack) ?? new Set()).add(rule))
    return off
  }

  function applyPack(change: Extract<TeamChange, { kind: 'pack_published' }>): PackUpdate | null {
    const { name, version, rules, notes } = change.body
    const current = selectPack.get(name)
    if (!packWins(current?.version ?? null, version)) return null
    const diff = diffPack(current ? parseJson<RuleInput[]>(current.rules) : [], rules)
    upsertPack.run({ name, version, rules: JSON.stringify(rules), notes, diff: JSON.stringify(diff), author: change.author, publishedAt: change.at })
    if (!current || !fromFlag(current.subscribed)) return null
    if (!isEmptyDiff(diff)) bumpRuleRevision()
    return { name, version, author: change.author, diff }
  }

  const apply = db.transaction((page: ChangePage, now: number) => {
    const link = selectLink.get()
    if (!link || link.cursor !== page.from) return null
    const updatedPacks: PackUpdate[] = []
    for (const change of page.changes) {
      switch (change.kind) {
        case 'offender_added':
          // This rep's own entry coming back after the rep undid that removal: the undo stands here.
          if (change.author === link.rep && selectUndone.get(change.body.memberKey)) break
          insertOffender.run({ entryId: change.id, author: change.author, ...change.body })
          break
        case 'offender_removed':
          for (const entryId of change.body.entryIds) deleteEntry.run(entryId)
          break
        case 'pack_published': {
          const update = applyPack(change)
          if (update) updatedPacks.push(update)
          break
        }
        case 'undo_proposed':
          // The lead's to decide; a rep's list changes only when the lead removes the entry.
          break
      }
    }
    setCursor.run(page.to, now)
    return { updatedPacks }
  })

  return {
    link() {
      const row = selectLink.get()
      if (!row) return null
      const { server_url, joined_at, synced_at, ...rest } = row
      return { ...rest, serverUrl: server_url, joinedAt: joined_at, syncedAt: synced_at }
    },
    join: db.transaction((link: Omit<TeamLink, 'cursor' | 'syncedAt' | 'error'>) => {
      db.prepare('DELETE FROM team_link').run()
      db.prepare(
        'INSERT INTO team_link (id, server_url, team, rep, role, cursor, joined_at) VALUES (1, ?, ?, ?, ?, ?, ?)',
      ).run(link.serverUrl, link.team, link.rep, link.role, FIRST_CURSOR, link.joinedAt)
    }),
    leave: db.transaction(() => {
      for (const table of ['team_link', 'team_outbox', 'team_offenders', 'team_packs', 'team_rules_off']) db.prepare(`DELETE FROM ${table}`).run()
      bumpRuleRevision()
    }),
    setSyncState: ({ syncedAt, error }) =>
      void updateSyncState.run(syncedAt ?? null, error),
    applyPage: (page) => apply(page, Date.now()),
    listedOffender(memberKey) {
      return (selectListed.get(memberKey) as TeamOffender | undefined) ?? null
    },
    offenderCount: () => countOffenders.get() ?? 0,
    packs() {
      const off = switchedOff()
      return db
        .prepare<[], PackRow>('SELECT * FROM team_packs ORDER BY name')
        .all()
        .map((row) => ({
          name: row.name,
          version: row.version,
          rules: parseJson<RuleInput[]>(row.rules),
          notes: row.notes,
          diff: parseJson<PackDiff>(row.diff),
          author: row.author,
          publishedAt: row.published_at,
          subscribed: fromFlag(row.subscribed),
          switchedOff: [...(off.get(row.name) ?? [])],
        }))
    },
    setSubscribed: db.transaction((pack: string, subscribed: boolean) => {
      const changed = db.prepare('UPDATE team_packs SET subscribed = ? WHERE name = ? AND subscribed != ?').run(toFlag(subscribed), pack, toFlag(subscribed)).changes > 0
      if (changed) bumpRuleRevision()
      return selectPack.get(pack) !== undefined
    }),
    setRuleOff: db.transaction((pack: string, rule: string, off: boolean) => {
      const row = selectPack.get(pack)
      if (!row || !parseJson<RuleInput[]>(row.rules).some((input) => input.name.trim() === rule)) return false
      const statement = off
        ? db.prepare('INSERT OR IGNORE INTO team_rules_off (pack, rule) VALUES (?, ?)')
        : db.prepare('DELETE FROM team_rules_off WHERE pack = ? AND rule = ?')
      if (statement.run(pack, rule).changes > 0 && fromFlag(row.subscribed)) bumpRuleRevision()
      return true
    }),
    activeRules() {
      const off = switchedOff()
      return db
        .prepare<[], PackRow>('SELECT * FROM team_packs WHERE subscribed = 1 ORDER BY name')
        .all()
        .flatMap((row) =>
          parseJson<RuleInput[]>(row.rules).map((input) => {
            const rule = resolveRule(input)
            const enabled = rule.enabled && !off.get(row.name)?.has(rule.name)
            return { ...rule, name: teamRuleName(row.name, rule.name), enabled }
          }),
        )
    },
    outbox: (limit) =>
      db
        .prepare<[number], { id: string; kind: RepChange['kind']; body: string; created_at: number }>(
          'SELECT id, kind, body, created_at FROM team_outbox WHERE refused IS NULL ORDER BY created_at, rowid LIMIT ?',
        )
        .all(limit)
        .map((row) => ({ id: row.id, kind: row.kind, body: parseJson(row.body), createdAt: row.created_at })),
    outboxSize: () => countOutbox.get() ?? 0,
    sent: db.transaction((ids: readonly string[]) => {
      for (const id of ids) deleteSent.run(id)
    }),
    refuse: (id, reason) => void db.prepare('UPDATE team_outbox SET refused = ? WHERE id = ?').run(reason, id),
  }
}
