// Numbered schema migrations. PRAGMA user_version holds the number of the last one applied.
// Never edit a migration that has shipped: add the next one.
import type { Database } from 'better-sqlite3'

interface Migration {
  version: number
  name: string
  sql: string
}

const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: 'initial schema',
    sql: `
      CREATE TABLE rules (
        name TEXT PRIMARY KEY,
        position INTEGER NOT NULL UNIQUE,
        match TEXT NOT NULL,
        reply TEXT,
        action TEXT NOT NULL CHECK (action IN ('warn', 'remove', 'alert', 'ignore')),
        enabled INTEGER NOT NULL,
        scope TEXT NOT NULL,
        dry_run INTEGER NOT NULL
      ) STRICT;

      -- Bumped on every rule change, so a guard (on any connection) knows to recompile.
      CREATE TABLE rule_set (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        revision INTEGER NOT NULL
      ) STRICT;
      INSERT INTO rule_set (id, revision) VALUES (1, 0);

      CREATE TABLE settings (
        key TEXT PRIMARY KEY,
        value TEXT NOT NULL
      ) STRICT;

      CREATE TABLE groups (
        id TEXT PRIMARY KEY,
        topic TEXT NOT NULL,
        monitored INTEGER NOT NULL,
        quiet INTEGER NOT NULL DEFAULT 0,
        bot_can_remove INTEGER NOT NULL,
        member_count INTEGER NOT NULL,
        owner_id TEXT,
        admin_ids TEXT NOT NULL DEFAULT '[]',
        first_seen INTEGER NOT NULL,
        updated_at INTEGER NOT NULL
      ) STRICT;

      CREATE TABLE members (
        group_id TEXT NOT NULL REFERENCES groups (id),
        member_id TEXT NOT NULL,
        member_key TEXT NOT NULL,
        name TEXT NOT NULL,
        first_seen INTEGER NOT NULL,
        last_seen INTEGER NOT NULL,
        PRIMARY KEY (group_id, member_id)
      ) STRICT;
      CREATE INDEX members_by_key ON members (member_key);

      -- group_id '' means every group: a primary key cannot tell NULLs apart.
      CREATE TABLE allow_list (
        member_key TEXT NOT NULL,
        group_id TEXT NOT NULL,
        name TEXT NOT NULL,
        note TEXT,
        added_at INTEGER NOT NULL,
        PRIMARY KEY (member_key, group_id)
      ) STRICT;

      CREATE TABLE strikes (
        id INTEGER PRIMARY KEY,
        group_id TEXT NOT NULL REFERENCES groups (id),
        member_key TEXT NOT NULL,
        rule TEXT NOT NULL,
        message_id TEXT,
        at INTEGER NOT NULL,
        expires_at INTEGER NOT NULL,
        revoked_at INTEGER,
        dry_run INTEGER NOT NULL
      ) STRICT;
      CREATE INDEX strikes_by_member ON strikes (group_id, member_key);

      -- The audit log. group_id has no foreign key: recording an event must never fail.
      CREATE TABLE events (
        id INTEGER PRIMARY KEY,
        kind TEXT NOT NULL,
        at INTEGER NOT NULL,
        group_id TEXT,
        member_key TEXT,
        member_id TEXT,
        member_name TEXT,
        rule TEXT,
        message_id TEXT,
        text TEXT,
        detail TEXT NOT NULL DEFAULT '{}',
        hit INTEGER NOT NULL DEFAULT 0,
        dry_run INTEGER NOT NULL DEFAULT 0,
        status TEXT CHECK (status IN ('pending', 'done', 'failed', 'expired', 'cancelled', 'needs_rep')),
        strike_id INTEGER REFERENCES strikes (id),
        overridden INTEGER NOT NULL DEFAULT 0,
        verdict TEXT CHECK (verdict IN ('confirmed', 'false_positive')),
        review TEXT CHECK (review IN ('open', 'warned', 'removed', 'dismissed'))
      ) STRICT;
      CREATE INDEX events_by_time ON events (at);
      CREATE INDEX events_by_member_key ON events (member_key, kind);
      CREATE INDEX events_by_member_id ON events (member_id, kind);
      CREATE INDEX events_open_reviews ON events (id) WHERE review = 'open';

      CREATE TABLE pending_actions (
        id INTEGER PRIMARY KEY,
        kind TEXT NOT NULL CHECK (kind IN ('say', 'remove', 'add', 'notify_self')),
        payload TEXT NOT NULL,
        status TEXT NOT NULL CHECK (status IN ('queued', 'running', 'done', 'failed', 'expired', 'cancelled')),
        attempts INTEGER NOT NULL DEFAULT 0,
        created_at INTEGER NOT NULL,
        not_before INTEGER NOT NULL,
        started_at INTEGER,
        finished_at INTEGER,
        interrupted INTEGER NOT NULL DEFAULT 0,
        error TEXT,
        event_id INTEGER REFERENCES events (id)
      ) STRICT;
      CREATE INDEX pending_actions_due ON pending_actions (status, not_before);
      CREATE INDEX pending_actions_started ON pending_actions (started_at);

      CREATE TABLE messages (
        id TEXT PRIMARY KEY,
        group_id TEXT NOT NULL REFERENCES groups (id),
        sender_id TEXT NOT NULL,
        sender_key TEXT NOT NULL,
        kind TEXT NOT NULL,
        text TEXT NOT NULL,
        at INTEGER NOT NULL
      ) STRICT;
      CREATE INDEX messages_by_time ON messages (at);
      CREATE INDEX messages_by_group ON messages (group_id, at);
    `,
  },
  {
    version: 2,
    name: 'voice transcription jobs',
    sql: `
      -- One row per voice message waiting for (or done with) transcription; the audio stays here until it is
      -- decoded to a WAV file the rep can listen to.
      CREATE TABLE speech_jobs (
        message_id TEXT PRIMARY KEY,
        group_id TEXT NOT NULL,
        sender_id TEXT NOT NULL,
        member_key TEXT NOT NULL,
        member_name TEXT NOT NULL,
        at INTEGER NOT NULL,
        status TEXT NOT NULL CHECK (status IN ('fetching', 'queued', 'waiting_keys', 'done', 'failed')),
        audio BLOB,
        format TEXT,
        wav_path TEXT,
        duration_ms INTEGER,
        attempts INTEGER NOT NULL DEFAULT 0,
        not_before INTEGER NOT NULL,
        failure TEXT,
        err_no INTEGER,
        transcript TEXT,
        event_id INTEGER REFERENCES events (id),
        created_at INTEGER NOT NULL,
        finished_at INTEGER
      ) STRICT;
      CREATE INDEX speech_jobs_due ON speech_jobs (status, not_before);
      CREATE INDEX speech_jobs_by_time ON speech_jobs (at);
    `,
  },
  {
    version: 3,
    name: 'removal ability per group, staff the rep names, removal tasks',
    sql: `
      -- roles_known: the puppet reports owners and admins for the group; rep_is_admin: the rep says the account is
      -- the owner or an admin there (web WeChat cannot tell).
      ALTER TABLE groups ADD COLUMN roles_known INTEGER NOT NULL DEFAULT 1;
      ALTER TABLE groups ADD COLUMN rep_is_admin INTEGER NOT NULL DEFAULT 0;

      -- Owners and admins the rep names: immune, and trusted to invite new members.
      CREATE TABLE group_staff (
        group_id TEXT NOT NULL REFERENCES groups (id),
        member_key TEXT NOT NULL,
        name TEXT NOT NULL,
        added_at INTEGER NOT NULL,
        PRIMARY KEY (group_id, member_key)
      ) STRICT;

      -- A hash of the member's avatar, kept only for members without a stable id: with the name, a probable match.
      ALTER TABLE members ADD COLUMN avatar_hash TEXT;
      CREATE INDEX members_by_look ON members (name, avatar_hash) WHERE avatar_hash IS NOT NULL;

      CREATE INDEX events_open_removals ON events (group_id, member_key)
        WHERE (kind = 'removal' AND status = 'pending') OR (kind = 'removal_needed' AND status = 'needs_rep');
    `,
  },
  {
    version: 4,
    name: 'signals: the classifier model, join times, the LLM call budget',
    sql: `
      -- The one current classifier model, as plain JSON (shared/signals/naive-bayes.ts ModelData).
      CREATE TABLE signal_model (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        version INTEGER NOT NULL,
        trained_at INTEGER NOT NULL,
        source TEXT NOT NULL CHECK (source IN ('starter', 'retrained')),
        verdicts_since_retrain INTEGER NOT NULL,
        data TEXT NOT NULL
      ) STRICT;

      -- When each member last joined each group, and who invited them: the newcomer signal.
      CREATE TABLE member_joins (
        group_id TEXT NOT NULL,
        member_id TEXT NOT NULL,
        inviter_id TEXT,
        at INTEGER NOT NULL,
        PRIMARY KEY (group_id, member_id)
      ) STRICT;

      -- Second-opinion calls per local day, against the daily budget.
      CREATE TABLE llm_calls (
        day TEXT PRIMARY KEY,
        calls INTEGER NOT NULL
      ) STRICT;
    `,
  },
  {
    version: 5,
    name: 'team mode: link, outbox, shared offenders and packs',
    sql: `
      -- The team this rep has joined (at most one), and how far it has read the team's change log.
      CREATE TABLE team_link (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        server_url TEXT NOT NULL,
        team TEXT NOT NULL,
        rep TEXT NOT NULL,
        role TEXT NOT NULL,
        cursor TEXT NOT NULL,
        joined_at INTEGER NOT NULL,
        synced_at INTEGER,
        error TEXT
      ) STRICT;

      -- Changes made here, waiting for the team server. The id is made here, so a resend is one change there.
      -- A change the server refused keeps its reason and is not sent again.
      CREATE TABLE team_outbox (
        id TEXT PRIMARY KEY,
        kind TEXT NOT NULL CHECK (kind IN ('offender_added', 'undo_proposed')),
        body TEXT NOT NULL,
        created_at INTEGER NOT NULL,
        refused TEXT
      ) STRICT;

      CREATE TABLE team_offenders (
        entry_id TEXT PRIMARY KEY,
        member_key TEXT NOT NULL,
        member_name TEXT,
        rule TEXT,
        reason TEXT,
        group_topic TEXT,
        author TEXT NOT NULL,
        at INTEGER NOT NULL
      ) STRICT;
      CREATE INDEX team_offenders_by_key ON team_offenders (member_key);

      -- The newest version of every team pack; its rules join the rep's own while subscribed.
      CREATE TABLE team_packs (
        name TEXT PRIMARY KEY,
        version INTEGER NOT NULL,
        rules TEXT NOT NULL,
        notes TEXT,
        diff TEXT NOT NULL,
        author TEXT NOT NULL,
        published_at INTEGER NOT NULL,
        subscribed INTEGER NOT NULL DEFAULT 0
      ) STRICT;

      -- Team rules this rep switched off on this machine.
      CREATE TABLE team_rules_off (
        pack TEXT NOT NULL,
        rule TEXT NOT NULL,
        PRIMARY KEY (pack, rule)
      ) STRICT;

      -- Every removal that happened (the bot's, or a rep's "done, I removed them"), whichever path marked it done, goes
      -- to the team in the same transaction.
      CREATE TRIGGER team_share_removal AFTER UPDATE OF status ON events
      WHEN NEW.kind IN ('removal', 'removal_needed') AND NEW.status = 'done' AND OLD.status IS NOT 'done' AND NEW.dry_run = 0
        AND NEW.member_key IS NOT NULL AND EXISTS (SELECT 1 FROM team_link)
      BEGIN
        INSERT INTO team_outbox (id, kind, body, created_at) VALUES (
          lower(hex(randomblob(4)) || '-' || hex(randomblob(2)) || '-4' || substr(hex(randomblob(2)), 2) || '-' || substr('89ab', 1 + abs(random() % 4), 1) || substr(hex(randomblob(2)), 2) || '-' || hex(randomblob(6))),
          'offender_added',
          json_object(
            'memberKey', substr(NEW.member_key, 1, 300), 'memberId', substr(NEW.member_id, 1, 300),
            'memberName', substr(NEW.member_name, 1, 200), 'rule', substr(NEW.rule, 1, 200),
            'reason', substr(NEW.text, 1, 2000),
            'groupTopic', (SELECT substr(topic, 1, 200) FROM groups WHERE id = NEW.group_id), 'at', NEW.at),
          NEW.at);
      END;

      -- Undoing a removal asks the lead to take the member off the team's list, and stops this rep's guard from
      -- treating them as a team known offender while the lead decides.
      CREATE TRIGGER team_propose_undo AFTER UPDATE OF overridden ON events
      WHEN NEW.kind = 'removal' AND NEW.overridden = 1 AND OLD.overridden = 0 AND NEW.member_key IS NOT NULL
        AND EXISTS (SELECT 1 FROM team_link)
      BEGIN
        INSERT INTO team_outbox (id, kind, body, created_at) VALUES (
          lower(hex(randomblob(4)) || '-' || hex(randomblob(2)) || '-4' || substr(hex(randomblob(2)), 2) || '-' || substr('89ab', 1 + abs(random() % 4), 1) || substr(hex(randomblob(2)), 2) || '-' || hex(randomblob(6))),
          'undo_proposed',
          json_object('memberKey', substr(NEW.member_key, 1, 300), 'memberName', substr(NEW.member_name, 1, 200),
                      'note', NULL, 'at', CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER)),
          CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER));
        DELETE FROM team_offenders WHERE member_key = NEW.member_key;
        DELETE FROM team_outbox
        WHERE kind = 'offender_added' AND refused IS NULL AND json_extract(body, '$.memberKey') = NEW.member_key;
      END;
    `,
  },
  {
    version: 6,
    name: 'members the rep marked as known offenders',
    sql: `
      -- A member the rep marked by hand from their story: screened at every join like a removed member.
      -- event_id is the feed event of the mark (no foreign key: an import replaces the events).
      CREATE TABLE marked_offenders (
        member_key TEXT PRIMARY KEY,
        member_name TEXT NOT NULL,
        reason TEXT,
        marked_at INTEGER NOT NULL,
        event_id INTEGER
      ) STRICT;

      -- In team mode a mark reaches the team's known-offender list like a removal does (migration 5), and an unmark
      -- asks the lead to take the member off it, like an undone removal.
      CREATE TRIGGER team_share_mark AFTER INSERT ON marked_offenders
      WHEN EXISTS (SELECT 1 FROM team_link)
      BEGIN
        INSERT INTO team_outbox (id, kind, body, created_at) VALUES (
          lower(hex(randomblob(4)) || '-' || hex(randomblob(2)) || '-4' || substr(hex(randomblob(2)), 2) || '-' || substr('89ab', 1 + abs(random() % 4), 1) || substr(hex(randomblob(2)), 2) || '-' || hex(randomblob(6))),
          'offender_added',
          json_object(
            'memberKey', substr(NEW.member_key, 1, 300), 'memberId', NULL, 'memberName', substr(NEW.member_name, 1, 200),
            'rule', NULL, 'reason', substr(NEW.reason, 1, 2000), 'groupTopic', NULL, 'at', NEW.marked_at),
          NEW.marked_at);
      END;

      CREATE TRIGGER team_propose_unmark AFTER DELETE ON marked_offenders
      WHEN EXISTS (SELECT 1 FROM team_link)
      BEGIN
        INSERT INTO team_outbox (id, kind, body, created_at) VALUES (
          lower(hex(randomblob(4)) || '-' || hex(randomblob(2)) || '-4' || substr(hex(randomblob(2)), 2) || '-' || substr('89ab', 1 + abs(random() % 4), 1) || substr(hex(randomblob(2)), 2) || '-' || hex(randomblob(6))),
          'undo_proposed',
          json_object('memberKey', substr(OLD.member_key, 1, 300), 'memberName', substr(OLD.member_name, 1, 200),
                      'note', NULL, 'at', CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER)),
          CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER));
        DELETE FROM team_offenders WHERE member_key = OLD.member_key;
        DELETE FROM team_outbox
        WHERE kind = 'offender_added' AND refused IS NULL AND json_extract(body, '$.memberKey') = OLD.member_key;
      END;
    `,
  },
]

export const SCHEMA_VERSION = MIGRATIONS.at(-1)!.version

export function migrate(db: Database): void {
  const current = db.pragma('user_version', { simple: true }) as number
  if (current > SCHEMA_VERSION) {
    throw new Error(`The data file has schema version ${current}, newer than this app's ${SCHEMA_VERSION}; update QunGuard`)
  }
  for (const migration of MIGRATIONS.filter((candidate) => candidate.version > current)) {
    db.transaction(() => {
      db.exec(migration.sql)
      db.pragma(`user_version = ${migration.version}`)
    })()
  }
}
