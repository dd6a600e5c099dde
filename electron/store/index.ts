export { DATABASE_FILE, openStore, type Store } from './open-store.ts'
export type { EventChange, EventListener } from './event-feed.ts'
export { SCHEMA_VERSION } from './migrations.ts'
export { SettingError, type SettingsTable } from './settings.ts'
export type { RulesTable } from './rules.ts'
export type { GroupRecord, GroupsTable } from './groups.ts'
export type { MemberRecord, MembersTable } from './members.ts'
export type { AllowEntry, AllowListTable } from './allow-list.ts'
export type { MarkedOffender, MarkedOffendersTable } from './marked-offenders.ts'
export type { NewStrike, StrikeRecord, StrikesTable } from './strikes.ts'
export {
  EVENT_KINDS,
  type EventDetail,
  type EventKind,
  type EventQuery,
  type EventStatus,
  type EventsTable,
  type GuardEvent,
  type NewEvent,
  type ReviewState,
  type RulePrecision,
  type Verdict,
} from './events.ts'
export type {
  ActionKind,
  ActionPayloads,
  ActionStatus,
  NewAction,
  PendingAction,
  PendingActionsTable,
} from './pending-actions.ts'
export type { HistoryRecord, MessageRecord, MessagesTable } from './messages.ts'
export type { NewSpeechJob, SpeechJob, SpeechJobStatus, SpeechJobsTable } from './speech-jobs.ts'
export type { EvidenceRow, ModelSource, SignalTables, StoredModel } from './signal-tables.ts'
export { RowError, type Cell, type Row, type TableRows } from './table-rows.ts'
export type { OutboxEntry, PackUpdate, TeamLink, TeamOffender, TeamPack, TeamTable } from './team.ts'
