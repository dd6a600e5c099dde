// The guard's one data file: opened once per process, migrated on open, and handed around as a typed Store.
import { mkdirSync } from 'node:fs'
import { dirname } from 'node:path'
import Database from 'better-sqlite3'
import { createAllowListTable, type AllowListTable } from './allow-list.ts'
import { createEventFeed } from './event-feed.ts'
import { createEventsTable, type EventsTable } from './events.ts'
import { createGroupsTable, type GroupsTable } from './groups.ts'
import { createMarkedOffendersTable, type MarkedOffendersTable } from './marked-offenders.ts'
import { createMembersTable, type MembersTable } from './members.ts'
import { createMessagesTable, type MessagesTable } from './messages.ts'
import { migrate } from './migrations.ts'
import { createPendingActionsTable, type PendingActionsTable } from './pending-actions.ts'
import { createRulesTable, type RulesTable } from './rules.ts'
import { createSettingsTable, type SettingsTable } from './settings.ts'
import { createSpeechJobsTable, type SpeechJobsTable } from './speech-jobs.ts'
import { createSignalTables, type SignalTables } from './signal-tables.ts'
import { createStrikesTable, type StrikesTable } from './strikes.ts'
import { createTableRows, type TableRows } from './table-rows.ts'

/** The database's file name inside the data folder. */
export const DATABASE_FILE = 'qunguard.sqlite'
import { createTeamTable, type TeamTable } from './team.ts'

export interface Store {
  readonly path: string
  readonly rules: RulesTable
  readonly settings: SettingsTable
  readonly groups: GroupsTable
  readonly members: MembersTable
  readonly allowList: AllowListTable
  /** Members the rep marked as known offenders by hand. */
  readonly markedOffenders: MarkedOffendersTable
  readonly strikes: StrikesTable
  readonly events: EventsTable
  readonly actions: PendingActionsTable
  readonly messages: MessagesTable
  readonly speechJobs: SpeechJobsTable
  readonly signals: SignalTables
  /** Whole tables as rows: the export file. */
  readonly rows: TableRows
  /** Team mode: the link, the outbox, and what the team's log brought. */
  readonly team: TeamTable
  /** Runs `work` as one transaction (a savepoint when nested); it must be synchronous. */
  transaction<T>(work: () => T): T
  /** Copies the database to `destination` with SQLite's online backup, on this connection: writes made meanwhile are
   * part of the copy or not, never half. */
  backup(destination: string): Promise<void>
  close(): void
}

export function openStore(path: string): Store {
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true })
  const db = new Database(path)
  try {
    db.pragma('journal_mode = WAL')
    db.pragma('foreign_keys = ON')
    // FULL: a committed "running" or "done" mark must survive a power cut, or an action could run twice.
    db.pragma('synchronous = FULL')
    // Short: better-sqlite3 waits synchronously, so a lock held by another program would freeze the event loop
    // for the whole timeout. A write that meets a lock fails fast instead, and the guard keeps the message to judge
    // again (electron/health/backlog.ts).
    db.pragma('busy_timeout = 100')
    migrate(db)
  } catch (error) {
    db.close()
    throw error
  }

  const feed = createEventFeed((id) => events.get(id))
  const events = createEventsTable(db, feed)

  return {
    path,
    rules: createRulesTable(db),
    settings: createSettingsTable(db),
    groups: createGroupsTable(db),
    members: createMembersTable(db),
    allowList: createAllowListTable(db),
    markedOffenders: createMarkedOffendersTable(db),
    strikes: createStrikesTable(db),
    events,
    actions: createPendingActionsTable(db),
    messages: createMessagesTable(db),
    speechJobs: createSpeechJobsTable(db),
    signals: createSignalTables(db),
    rows: createTableRows(db),
    // A pack's rules are part of the rule set: a change to them makes every guard recompile, like a rule edit.
    team: createTeamTable(db, () => db.prepare('UPDATE rule_set SET revision = revision + 1 WHERE id = 1').run()),
    transaction: (work) => feed.around(() => db.transaction(work)()),
    backup: async (destination) => void (await db.backup(destination)),
    close: () => db.close(),
  }
}
