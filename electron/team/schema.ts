// The team server's tables in PostgreSQL, created or brought up to date when the server starts. Numbered like the
// rep's SQLite migrations: team_schema holds the last one applied; never edit one that has shipped.
import type pg from 'pg'

const MIGRATIONS: readonly string[] = [
  `
  CREATE TABLE teams (
    id bigserial PRIMARY KEY,
    name text NOT NULL UNIQUE,
    created_at timestamptz NOT NULL DEFAULT now()
  );

  -- Leads and reps. Only the SHA-256 of a token is kept: a copy of the database lets no one in.
  CREATE TABLE team_members (
    id bigserial PRIMARY KEY,
    team_id bigint NOT NULL REFERENCES teams (id),
    name text NOT NULL,
    role text NOT NULL CHECK (role IN ('lead', 'rep')),
    token_hash bytea NOT NULL UNIQUE,
    created_at timestamptz NOT NULL DEFAULT now(),
    revoked_at timestamptz,
    UNIQUE (team_id, name)
  );

  -- The append-only log every rep follows. tx is the writing transaction's id: readers only take rows whose
  -- transaction is older than every transaction still running (the snapshot's xmin), so a row committed late by a
  -- concurrent writer is never skipped (see change-log.ts). id comes from the rep's machine: a retry is a no-op.
  CREATE TABLE team_changes (
    team_id bigint NOT NULL REFERENCES teams (id),
    id uuid NOT NULL,
    tx xid8 NOT NULL DEFAULT pg_current_xact_id(),
    seq bigserial NOT NULL,
    author_id bigint NOT NULL REFERENCES team_members (id),
    kind text NOT NULL CHECK (kind IN ('offender_added', 'undo_proposed', 'offender_removed', 'pack_published')),
    body jsonb NOT NULL,
    at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (team_id, id)
  );
  CREATE INDEX team_changes_cursor ON team_changes (team_id, tx, seq);

  CREATE FUNCTION team_changes_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
  BEGIN
    RAISE EXCEPTION 'team_changes is append-only';
  END $$;
  CREATE TRIGGER team_changes_append_only BEFORE UPDATE OR DELETE ON team_changes
    FOR EACH ROW EXECUTE FUNCTION team_changes_append_only();

  -- Derived from the log in the same transaction, for the lead's page and for removals: the entries listed now.
  CREATE TABLE team_offenders (
    team_id bigint NOT NULL REFERENCES teams (id),
    entry_id uuid NOT NULL,
    member_key text NOT NULL,
    member_name text,
    rule text,
    reason text,
    author_id bigint NOT NULL REFERENCES team_members (id),
    at timestamptz NOT NULL,
    PRIMARY KEY (team_id, entry_id)
  );
  CREATE INDEX team_offenders_by_key ON team_offenders (team_id, member_key);

  CREATE TABLE team_packs (
    team_id bigint NOT NULL REFERENCES teams (id),
    name text NOT NULL,
    version integer NOT NULL,
    rules jsonb NOT NULL,
    notes text,
    published_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (team_id, name, version)
  );

  CREATE TABLE team_figures (
    member_id bigint PRIMARY KEY REFERENCES team_members (id),
    figures jsonb NOT NULL,
    reported_at timestamptz NOT NULL DEFAULT now()
  );
  `,
]

export async function migrateTeamDatabase(pool: pg.Pool): Promise<void> {
  const client = await pool.connect()
  try {
    await client.query('BEGIN')
    // One server at a time migrates; a second waits here and then finds nothing left to do.
    await client.query("SELECT pg_advisory_xact_lock(hashtext('qunguard team schema'))")
    await client.query('CREATE TABLE IF NOT EXISTS team_schema (version integer NOT NULL)')
    const { rows } = await client.query<{ version: number }>('SELECT version FROM team_schema')
    const current = rows[0]?.version ?? 0
    if (current > MIGRATIONS.length) {
      throw new Error(`the team database has schema version ${current}, newer than this server's ${MIGRATIONS.length}`)
    }
    for (let version = current + 1; version <= MIGRATIONS.length; version++) await client.query(MIGRATIONS[version - 1]!)
    if (rows.length === 0) await client.query('INSERT INTO team_schema (version) VALUES ($1)', [MIGRATIONS.length])
    else await client.query('UPDATE team_schema SET version = $1', [MIGRATIONS.length])
    await client.query('COMMIT')
  } catch (error) {
    await client.query('ROLLBACK')
    throw error
  } finally {
    client.release()
  }
}
