// The data the window is shown: plain JSON-able shapes, the same over IPC and over HTTP.
import type { Settings } from '../policy/settings.ts'
import type { BacktestDifference, BacktestMessage, BacktestOutcome } from '../rules/backtest.ts'
import type { Rule, RuleProblem } from '../rules/types.ts'
import type { RemovalAbility } from '../capabilities/removal-ability.ts'
import type { PrecisionFlag } from '../signals/precision-flags.ts'

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
  /** Whether the bot can remove here, from the puppet's abilities, the roles it reports and the rep's word. */
  removal: RemovalAbility
  /** The rep said "I am the owner or an admin here". */
  repIsAdmin: boolean
  /** Whether the puppet reports this group's owner and admins (when not, only the rep can say). */
  rolesKnown: boolean
  /** Owners and admins the rep named. */
  staff: { memberKey: string; name: string }[]
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
  // Appended: tasks for the rep where the bot cannot remove, and members invited by outsiders.
  'removal_needed',
  'outsider_invite',
  /** A signal's background work failed: the LLM second opinion or the classifier's retrain (detail: code, params). */
  'signal_failed',
  'image_failed',
  /** A voice message that has no transcript (yet): detail.voice says why; the rep can listen and decide. */
  'voice_untranscribed',
  // Team mode: a subscribed team pack reached a new version (detail: pack, version, author, added, removed, changed).
  'team_pack_updated',
  /** The rep marked a member as a known offender from their story (detail: markReason); overridden once unmarked. */
  'offender_marked',
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
  secrets: { puppetToken: SecretState; speechApiKey: SecretState; speechSecretKey: SecretState; llmApiKey: SecretState }
}

export interface Stats {
  days: { day: string; warnings: number; removals: number; alerts: number }[]
  groups: { groupId: string; topic: string; warnings: number; removals: number; alerts: number }[]
  rules: { rule: string; hits: number; confirmed: number; falsePositive: number; precision: number | null }[]
  /** What kind of evidence caught the rule hits: a keyword, a sound-alike, a regex, a message kind (QR code, card...). */
  signals: { signal: string; hits: number }[]
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

/** How a call to a Baidu AI service (speech, OCR) can end; electron/baidu reports these codes. */
export const SERVICE_FAILURE_CODES = [
  /** No API key or secret key saved. */
  'no-keys',
  /** Baidu refused the keys (or the token they gave): the rep must fix them in Settings. */
  'bad-keys',
  /** Busy, rate-limited or out of quota: try again later. */
  'busy',
  /** The service got our request but could not use its content (audio or image). */
  'unusable-input',
  /** The service says our request is malformed: a bug on our side. */
  'bad-request',
  /** No answer: connection refused or dropped, timeout, or an answer that is not Baidu's JSON. */
  'unreachable',
  /** Too many failures in a row: calls are paused for a while so a dead service is not hammered. */
  'circuit-open',
] as const
export type ServiceFailureCode = (typeof SERVICE_FAILURE_CODES)[number]

/** Why a voice message's audio could not be turned into speech-service input. */
export const AUDIO_FAILURE_CODES = [
  /** The bytes are none of the formats WeChat voice comes in (SILK, MP3, WAV, AMR). */
  'unsupported-audio',
  /** AMR (old WeChat clients): no maintained WebAssembly decoder fits, so it is refused. */
  'amr-unsupported',
  /** The format was recognised but the file is damaged or truncated. */
  'undecodable-audio',
  /** Longer than any voice message can be: refused rather than decoded for minutes. */
  'audio-too-long',
  /** The puppet could not hand over the file (expired link, restart while it downloaded). */
  'audio-unavailable',
] as const
export type AudioFailureCode = (typeof AUDIO_FAILURE_CODES)[number]

/** Why a voice message has no transcript, or why "test the keys" failed; the window says each in the rep's language. */
export const VOICE_FAILURE_REASONS = [...SERVICE_FAILURE_CODES, ...AUDIO_FAILURE_CODES] as const
export type VoiceFailureReason = (typeof VOICE_FAILURE_REASONS)[number]

/** What "test the keys" found: a token was issued, or the coded reason (Baidu's own number where it gave one). */
export type SpeechKeyCheck = { ok: true } | { ok: false; reason: VoiceFailureReason; errNo: number | null }

/** `detail.voice` of an event about a voice message (a warning on its transcript, or 'voice_untranscribed'). */
export interface VoiceEventDetail {
  messageId: string
  durationMs: number | null
  hasAudio: boolean
  reason?: VoiceFailureReason
  errNo?: number | null
  retrying?: boolean
  transcribed?: boolean
}

/** The classifier and the signals, for the window's signals card (issue 12). */
export interface SignalsView {
  model: {
    version: number
    trainedAt: number
    source: 'starter' | 'retrained'
    verdictsSinceRetrain: number
    vocabulary: number
    retraining: boolean
  }
  /** Rules and signals whose precision (from 5 verdicts on) is below the setting, worst first. */
  precisionFlags: PrecisionFlag[]
  /** Second-opinion calls made today, against llmDailyBudget. */
  llmCallsToday: number
}

/** One daily backup in the data folder's backups/ folder. */
export interface BackupView {
  name: string
  /** The day it is the backup of, YYYY-MM-DD. */
  day: string
  bytes: number
  at: number
}

/** The export file as the window saves it: opaque rows, read back only by importData. */
export interface ExportFileView {
  format: 'qunguard-export'
  schemaVersion: number
  exportedAt: number
  tables: Record<string, Record<string, string | number | null>[]>
}

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
