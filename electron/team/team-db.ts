// Everything the team server does in PostgreSQL: teams and their tokens, the change log and the tables derived from
// it (listed offenders, pack versions), and the reps' figures. Every write is one transaction.
import { createHash, randomBytes, randomUUID } from 'node:crypto'
import pg from 'pg'
import { ApiError } from '../../shared/api/errors.ts'
import { validateRulesInSlices } from '../rules/in-slices.ts'
import type { RuleInput } from '../../shared/rules/types.ts'
import type { ChangePage, RepChange, RepFigures } from '../../shared/team/changes.ts'
import { appendChanges, readChanges, type NewChange } from './change-log.ts'
import { migrateTeamDatabase } from './schema.ts'

export type TeamRole = 'lead' | 'rep'

export interface TeamMember {
  id: string
  teamId: string
  teamName: string
  name: string
  role: TeamRole
}

export interface RepOverview {
  name: string
  role: TeamRole
  revoked: boolean
  figures: (RepFigures & { reportedAt: number }) | null
}

export interface ListedOffender {
  memberKey: string
  memberName: string | null
  entries: { rule: string | null; reason: string | null; author: string; at: number }[]
  /** Reps who removed them and then undid it, asking the lead to take them off the list. */
  undoProposedBy: string[]
}

const TOKEN_PREFIX = 'qgt_'

export function hashToken(token: string): Buffer {
  return createHash('sha256').update(token, 'utf8').digest()
}

function newToken(): string {
  return TOKEN_PREFIX + randomBytes(32).toString('base64url')
}

const NAME = /^[^\s\u0000-\u001f][^\u0000-\u001f]{0,79}$/u

function checkName(what: string, name: string): string {
  const trimmed = name.trim()
  if (!NAME.test(trimmed)) throw new ApiError('bad_input', `${what} "${name.slice(0, 80)}" must be 1 to 80 printable characters`)
  return trimmed
}

export async function openTeamDatabase(url: string, options: { maxConnections?: number } = {}): Promise<TeamDatabase> {
  const pool = new pg.Pool({ connectionString: url, max: options.maxConnections ?? 20 })
  // An idle connection the server dropped must not crash the process; the pool replaces it.
  pool.on('error', () => {})
  await migrateTeamDatabase(pool)
  return new TeamDatabase(pool)
}

export class TeamDatabase {
  /** Told after a commit that added to a team's log, so this process's fan-out need not wait for NOTIFY's round trip
   * (other server processes still hear the NOTIFY). */
  private readonly committedListeners = new Set<(teamId: string) => void>()

  constructor(readonly pool: pg.Pool) {}

  onCommitted(listener: (teamId: string) => void): () => void {
    this.committedListeners.add(listener)
    return () => void this.committedListeners.delete(listener)
  }

  private committed(teamId: string): void {
    for (const listener of this.committedListeners) listener(teamId)
  }

  private async transaction<T>(work: (client: pg.PoolClient) => Promise<T>): Promise<T> {
    const client = await this.pool.connect()
    try {
      await client.query('BEGIN')
      const result = await work(client)
      await client.query('COMMIT')
      return result
    } catch (error) {
      await client.query('ROLLBACK').catch(() => {})
      throw error
    } finally {
      client.release()
    }
  }

  /** Creates the team and its first lead; the token is shown once and kept only hashed. */
  async createTeam(teamName: string, leadName: string): Promise<{ token: string }> {
    const team = checkName('team name', teamName)
    const lead = checkName('lead name', leadName)
    return this.transaction(async (client) => {
      const created = await client.query<{ id: string }>(
        'INSERT INTO teams (name) VALUES ($1) ON CONFLICT (name) DO NOTHING RETURNING id',
        [team],
      )
      if (!created.rows[0]) throw new ApiError('conflict', `a team named "${team}" exists already`)
      return this.addMember(client, created.rows[0].id, lead, 'lead')
    })
  }

  /** A new token for a rep or lead; issuing again for the same name replaces their old token. */
  async issueToken(teamName: string, memberName: string, role: TeamRole): Promise<{ token: string }> {
    const name = checkName('name', memberName)
    return this.transaction(async (client) => {
      const team = await client.query<{ id: string }>('SELECT id FROM teams WHERE name = $1', [teamName.trim()])
      if (!team.rows[0]) throw new ApiError('not_found', `there is no team named "${teamName}"`)
      return this.addMember(client, team.rows[0].id, name, role)
    })
  }

  private async addMember(client: pg.PoolClient, teamId: string, name: string, role: TeamRole): Promise<{ token: string }> {
    const token = newToken()
    await client.query(
      `INSERT INTO team_members (team_id, name, role, token_hash) VALUES ($1, $2, $3, $4)
       ON CONFLICT (team_id, name) DO UPDATE SET role = excluded.role, token_hash = excluded.token_hash, revoked_at = NULL`,
      [teamId, name, role, hashToken(token)],
    )
    return { token }
  }

  async revoke(lead: TeamMember, memberName: string): Promise<void> {
    const { rowCount } = await this.pool.query(
      'UPDATE team_members SET revoked_at = now() WHERE team_id = $1 AND name = $2 AND revoked_at IS NULL',
      [lead.teamId, memberName],
    )
    if (!rowCount) throw new ApiError('not_found', `no one named "${memberName}" holds a token in this team`)
  }

  async authenticate(token: string | null): Promise<TeamMember | null> {
    if (!token?.startsWith(TOKEN_PREFIX)) return null
    const { rows } = await this.pool.query<TeamMember>(
      `SELECT member.id, member.team_id AS "teamId", team.name AS "teamName", member.name, member.role
       FROM team_members member JOIN teams team ON team.id = member.team_id
       WHERE member.token_hash = $1 AND member.revoked_at IS NULL`,
      [hashToken(token)],
    )
    return rows[0] ?? null
  }

  /** A rep's outbox: new offenders are listed in the same transaction that logs them. */
  async pushRepChanges(member: TeamMember, changes: readonly RepChange[]): Promise<{ accepted: number }> {
    const result = await this.transaction(async (client) => {
      const fresh = await appendChanges(client, member.teamId, member.id, changes)
      const added = fresh.filter((change): change is Extract<RepChange, { kind: 'offender_added' }> => change.kind === 'offender_added')
      if (added.length) {
        await client.query(
          `INSERT INTO team_offenders (team_id, entry_id, member_key, member_name, rule, reason, author_id, at)
           SELECT $1, entry.id, entry.member_key, entry.member_name, entry.rule, entry.reason, $2, to_timestamp(entry.at / 1000.0)
           FROM jsonb_to_recordset($3::jsonb)
             AS entry (id uuid, member_key text, member_name text, rule text, reason text, at bigint)
           ON CONFLICT DO NOTHING`,
          [
            member.teamId,
            member.id,
            JSON.stringify(
              added.map(({ id, body }) => ({ id, member_key: body.memberKey, member_name: body.memberName, rule: body.rule, reason: body.reason, at: body.at })),
            ),
          ],
        )
      }
      return { accepted: fresh.length }
    })
    if (result.accepted) this.committed(member.teamId)
    return result
  }

  /** Publishes the next version of a pack (the number the server gives wins on every rep). */
  async publishPack(lead: TeamMember, packName: string, rules: readonly RuleInput[], notes: string | null): Promise<{ version: number }> {
    const name = checkName('pack name', packName)
    const problems = await validateRulesInSlices(rules)
    if (problems.length) {
      const first = problems[0]!
      throw new ApiError('bad_input', `pack "${name}": rule "${first.rule}": ${first.message}`, problems)
    }
    const published = await this.transaction(async (client) => {
      // Two leads publishing the same pack at once take turns, so each gets its own number.
      await client.query("SELECT pg_advisory_xact_lock(hashtext('qunguard pack ' || $1 || ' ' || $2))", [lead.teamId, name])
      const { rows } = await client.query<{ version: number }>(
        `INSERT INTO team_packs (team_id, name, version, rules, notes)
         SELECT $1, $2, COALESCE(MAX(version), 0) + 1, $3, $4 FROM team_packs WHERE team_id = $1 AND name = $2
         RETURNING version`,
        [lead.teamId, name, JSON.stringify(rules), notes],
      )
      const version = rows[0]!.version
      const change: NewChange = { id: randomUUID(), kind: 'pack_published', body: { name, version, rules, notes } }
      await appendChanges(client, lead.teamId, lead.id, [change])
      return { version }
    })
    this.committed(lead.teamId)
    return published
  }

  /** Takes the member off the team's list: every entry listed now. */
  async removeOffender(lead: TeamMember, memberKey: string): Promise<{ removed: number }> {
    const removed = await this.transaction(async (client) => {
      const { rows } = await client.query<{ entry_id: string }>(
        'DELETE FROM team_offenders WHERE team_id = $1 AND member_key = $2 RETURNING entry_id',
        [lead.teamId, memberKey],
      )
      if (rows.length === 0) throw new ApiError('not_found', `${memberKey} is not on the team's list`)
      const body = { memberKey, entryIds: rows.map((row) => row.entry_id) }
      await appendChanges(client, lead.teamId, lead.id, [{ id: randomUUID(), kind: 'offender_removed', body }])
      return { removed: rows.length }
    })
    this.committed(lead.teamId)
    return removed
  }

  readChanges(member: TeamMember, from: string, limit: number): Promise<ChangePage> {
    return readChanges(this.pool, member.teamId, from, limit)
  }

  async reportFigures(member: TeamMember, figures: RepFigures): Promise<void> {
    await this.pool.query(
      `INSERT INTO team_figures (member_id, figures) VALUES ($1, $2)
       ON CONFLICT (member_id) DO UPDATE SET figures = excluded.figures, reported_at = now()`,
      [member.id, JSON.stringify(figures)],
    )
  }

  async overview(lead: TeamMember): Promise<{ team: string; reps: RepOverview[]; offenders: number }> {
    const reps = await this.pool.query<{ name: string; role: TeamRole; revoked: boolean; figures: RepFigures | null; reported_at: Date | null }>(
      `SELECT member.name, member.role, member.revoked_at IS NOT NULL AS revoked, figures.figures, figures.reported_at
       FROM team_members member LEFT JOIN team_figures figures ON figures.member_id = member.id
       WHERE member.team_id = $1 ORDER BY member.name`,
      [lead.teamId],
    )
    const count = await this.pool.query<{ count: string }>(
      'SELECT count(DISTINCT member_key) AS count FROM team_offenders WHERE team_id = $1',
      [lead.teamId],
    )
    return {
      team: lead.teamName,
      offenders: Number(count.rows[0]!.count),
      reps: reps.rows.map((row) => ({
        name: row.name,
        role: row.role,
        revoked: row.revoked,
        figures: row.figures && row.reported_at ? { ...row.figures, reportedAt: row.reported_at.getTime() } : null,
      })),
    }
  }

  /** The listed offenders, newest first; `search` matches the member key or name. */
  async listOffenders(lead: TeamMember, options: { search?: string; limit: number }): Promise<ListedOffender[]> {
    const { rows } = await this.pool.query<{ member_key: string; member_name: string | null; entries: ListedOffender['entries']; proposed: string[] }>(
      `SELECT listed.member_key, max(listed.member_name) AS member_name,
              jsonb_agg(jsonb_build_object('rule', listed.rule, 'reason', listed.reason, 'author', author.name,
                                           'at', (extract(epoch FROM listed.at) * 1000)::bigint) ORDER BY listed.at) AS entries,
              ARRAY(SELECT DISTINCT proposer.name FROM team_changes proposal
                    JOIN team_members proposer ON proposer.id = proposal.author_id
                    WHERE proposal.team_id = $1 AND proposal.kind = 'undo_proposed'
                      AND proposal.body->>'memberKey' = listed.member_key) AS proposed
       FROM team_offenders listed JOIN team_members author ON author.id = listed.author_id
       WHERE listed.team_id = $1
         AND ($2::text IS NULL OR listed.member_key ILIKE '%' || $2 || '%' OR listed.member_name ILIKE '%' || $2 || '%')
       GROUP BY listed.member_key
       ORDER BY max(listed.at) DESC
       LIMIT $3`,
      [lead.teamId, options.search?.trim() || null, options.limit],
    )
    return rows.map((row) => ({ memberKey: row.member_key, memberName: row.member_name, entries: row.entries, undoProposedBy: row.proposed }))
  }

  close(): Promise<void> {
    return this.pool.end()
  }
}
