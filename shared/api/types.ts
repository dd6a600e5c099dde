// The data the window is shown: plain JSON-able shapes, the same over IPC and over HTTP.
import type { Settings } from '../policy/settings.ts'
import type { BacktestDifference, BacktestMessage, BacktestOutcome } from '../rules/backtest.ts'
import type { Rule, RuleProblem } from '../rules/types.ts'

export const PUPPET_NAMES = [
  'wechaty-puppet-wechat4u',
  'wechaty-puppet-padlocal',
  'wechaty-puppet-service',
  'wechaty-puppet-mock',
] as const
export type PuppetName = (typeof PUPPET_NAMES)[number]

export type LoginStatus =
  | 'stopped'
  | 'starting'
  | 'waiting'
  | 'scanned'
  | 'confirmed'
  | 'timeout'
  | 'cancel'
  | 'logged-in'
  | 'logged-out'
  | 'failed'

export interface LoginState {
  status: LoginStatus
  puppet: PuppetName
  /** The value to draw as a QR code while status is 'waiting'. Drawn locally: it logs the account in. */
  qrUrl: string | null
  account: { id: string; name: string } | null
  error: string | null
  since: number
}

export interface GroupView {
  id: string
  topic: string
  memberCount: number
  monitored: boolean
  quiet: boolean
  /** Whether the account is the group's owner or an admin, i.e. can remove members there. */
  botCanRemove: boolean
  warnings7d: number
  removals7d: number
}

export const FEED_EVENT_KINDS = [
  'warning',
  'removal',
  'removal_failed',
  'alert',
  'pardon',
  'undo',
  'known_offender_joined',
  'action_failed',
  'rules_invalid',
  'login',
  'logout',
  // Team mode: a subscribed team pack reached a new version (detail: pack, version, author, added, removed, changed).
  'team_pack_updated',
] as const
export type FeedEventKind = (typeof FEED_EVENT_KINDS)[number]

/** The state of the effect an event asked for: pending until the action queue settles it. */
export type EventStatus = 'pending' | 'done' | 'failed' | 'expired' | 'cancelled' | 'needs_rep'
export type Verdict = 'confirmed' | 'false_positive'
export type ReviewState = 'open' | 'warned' | 'removed' | 'dismissed'
export type ReviewDecision = 'warn' | 'remove' | 'dismiss'

export interface FeedEvent {
  id: number
  kind: FeedEventKind
  at: number
  groupId: string | null
  groupTopic: string | null
  memberKey: string | null
  memberId: string | null
  memberName: string | null
  rule: string | null
  messageId: string | null
  /** The message (or transcript) that caused it. */
  text: string | null
  detail: Record<string, unknown>
  hit: boolean
  dryRun: boolean
  status: EventStatus | null
  overridden: boolean
  verdict: Verdict | null
  review: ReviewState | null
}

export interface RuleView extends Rule {
  confirmed: number
  falsePositive: number
  /** confirmed / (confirmed + falsePositive); null before any verdict. */
  precision: number | null
}

export type SaveRulesResult = { ok: true; rules: RuleView[] } | { ok: false; problems: RuleProblem[] }

export interface SecretState {
  set: boolean
  /** The last few characters, enough to recognise it; never the whole secret. */
  hint: string | null
}

export interface SettingsView extends Settings {
  secrets: { puppetToken: SecretState; speechApiKey: SecretState; speechSecretKey: SecretState }
}

export interface Stats {
  days: { day: string; warnings: number; removals: number; alerts: number }[]
  groups: { groupId: string; topic: string; warnings: number; removals: number; alerts: number }[]
  rules: { rule: string; hits: number; confirmed: number; falsePositive: number; precision: number | null }[]
}

export interface AllowListEntry {
  memberKey: string
  name: string
  note: string | null
  addedAt: number
}

/** A stored message as the window and the backtest read it: the sender by name (else member key). */
export type HistoryMessage = BacktestMessage

/** A message the edit changes: which rule acted first before and after (null: none). */
export type BacktestChange = BacktestDifference

export interface BacktestResult extends BacktestOutcome {
  problems: RuleProblem[]
}

export type UndoResult =
  | { outcome: 'readded'; event: FeedEvent }
  /** Queued: WeChat has not been asked yet (logged out, or the rate limit); the feed shows the outcome when it comes. */
  | { outcome: 'pending'; event: FeedEvent }
  | { outcome: 'needs_rep'; event: FeedEvent; instructions: string }

/** Team mode as the rep's window sees it (the token never leaves the main process). */
export interface TeamPackView {
  name: string
  version: number
  notes: string | null
  author: string
  publishedAt: number
  subscribed: boolean
  rules: { name: string; match: string; action: Rule['action']; switchedOff: boolean }[]
  /** What the newest version changed against the one before it on this machine. */
  diff: { added: string[]; removed: string[]; changed: { name: string; fields: string[] }[] }
}

export type TeamView =
  | { joined: false }
  | {
      joined: true
      serverUrl: string
      team: string
      rep: string
      role: 'lead' | 'rep'
      connected: boolean
      syncedAt: number | null
      error: string | null
      /** Members on the team's known-offender list. */
      offenders: number
      /** Changes made here not yet on the server. */
      unsent: number
      packs: TeamPackView[]
    }
/** Why moderation is paused: the data file is locked by another program, the disk is full, the folder is read-only,
 * the file is damaged, or another input/output error. */
export const STORE_FAULTS = ['locked', 'disk_full', 'read_only', 'damaged', 'io'] as const
export type StoreFault = (typeof STORE_FAULTS)[number]

/** Whether moderation is running. While paused, messages wait in memory (up to a bound) and are judged on resuming. */
export interface HealthView {
  status: 'running' | 'paused'
  /** Set while paused: what the data file is waiting for. */
  fault: StoreFault | null
  since: number
  /** Messages and joins waiting to be judged. */
  waiting: number
  /** Messages that arrived while the backlog was full since the service started: they were never judged. */
  dropped: number
  /** Set when the data file failed its integrity check at start: where the damaged file was kept. */
  damagedFile: string | null
}
