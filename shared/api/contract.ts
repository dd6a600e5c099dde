// The one interface between the main process and the window, whichever door it comes through (Electron IPC or the
// headless HTTP/WebSocket server). Every method is named here with the schema of its input; the implementation
// validates inputs against these schemas once, at the boundary, and both doors call the same implementation.
import { z } from 'zod'
import { ApiError } from './errors.ts'
import { SETTINGS_SCHEMA } from '../policy/settings.ts'
import { ruleInputSchema } from '../rules/ruleset.ts'
import { safeText } from '../text/unsafe-characters.ts'
import type {
  BacktestResult,
  FeedEvent,
  GroupView,
  HealthView,
  HistoryMessage,
  LoginState,
  ReviewDecision,
  RuleView,
  SaveRulesResult,
  SettingsView,
  SpeechKeyCheck,
  SignalsView,
  Stats,
  AllowListEntry,
  UndoResult,
  BackupView,
  ExportFileView,
  TeamView,
} from './types.ts'
import { PUPPET_NAMES, FEED_EVENT_KINDS } from './types.ts'
import type { MemberStory } from './member-story.ts'
import type { NeedsRepView } from './needs-rep.ts'

const none = z.object({}).strict()
const eventId = z.object({ eventId: z.number().int().positive() }).strict()
// Every string from the window has a bound: ids and keys are short in WeChat; a megabyte "id" is an attack.
const ID_MAX = 200
const groupIds = z.array(z.string().min(1).max(ID_MAX)).min(1).max(5000)
const memberKey = z.string().min(1).max(ID_MAX)
/** Which events the feed shows: the same filters for a page of it and for its export. */
const feedFilters = {
  groupId: z.string().min(1).max(ID_MAX).optional(),
  rule: z.string().min(1).max(ID_MAX).optional(),
  kinds: z.array(z.enum(FEED_EVENT_KINDS)).max(FEED_EVENT_KINDS.length).optional(),
  since: z.number().int().nonnegative().optional(),
  until: z.number().int().nonnegative().optional(),
  /** Only what still needs the rep: what the tray and the bell count. */
  needsRep: z.boolean().optional(),
}

export const API_INPUTS = {
  // Queries
  getLoginState: none,
  getHealth: none,
  listGroups: z.object({ search: z.string().max(200).optional() }).strict(),
  listRules: none,
  listFeed: z
    .object({
      limit: z.number().int().min(1).max(500).optional(),
      beforeId: z.number().int().positive().optional(),
      ...feedFilters,
    })
    .strict(),
  listReviews: none,
  getStats: z
    .object({
      days: z.number().int().min(1).max(365).optional(),
      /** The end of the period (ms); now when left out. */
      until: z.number().int().nonnegative().optional(),
    })
    .strict(),
  getSettings: none,
  listAllowList: none,
  listHistory: z.object({ limit: z.number().int().min(1).max(200_000).optional() }).strict(),
  /** How many things need the rep now (the count the tray and the feed badge show), by topic. */
  getNeedsRep: none,
  backtest: z.object({ rules: z.array(z.unknown()).max(20_000), limit: z.number().int().min(1).max(200_000).optional() }).strict(),
  /** The decoded audio of a voice message (WAV), while it is kept. */
  getVoiceAudio: z.object({ messageId: z.string().min(1).max(500) }).strict(),
  /** Asks the speech service for a token with the saved keys: the "test the keys" button. */
  testSpeechKeys: none,

  // Commands
  choosePuppet: z.object({ puppet: z.enum(PUPPET_NAMES), token: z.string().max(2000).optional() }).strict(),
  login: none,
  logout: none,
  saveRules: z.object({ rules: z.array(z.unknown()).max(20_000) }).strict(),
  reorderRules: z.object({ names: z.array(z.string().min(1).max(ID_MAX)).max(20_000) }).strict(),
  setGroupsMonitored: z.object({ groupIds, monitored: z.boolean() }).strict(),
  setGroupsQuiet: z.object({ groupIds, quiet: z.boolean() }).strict(),
  pardon: eventId,
  undoRemoval: z.object({ eventId: z.number().int().positive(), allowList: z.boolean().optional() }).strict(),
  setVerdict: z.object({ eventId: z.number().int().positive(), verdict: z.enum(['confirmed', 'false_positive']).nullable() }).strict(),
  resolveReview: z.object({ eventId: z.number().int().positive(), decision: z.enum(['warn', 'remove', 'dismiss']) }).strict(),
  addToAllowList: z.object({ memberKey, name: safeText(200, false), note: safeText(500, true).optional() }).strict(),
  removeFromAllowList: z.object({ memberKey }).strict(),
  // The puppet changes only through choosePuppet, which also restarts the bot.
  updateSettings: SETTINGS_SCHEMA.omit({ puppet: true }).partial().strict(),
  // Removal as WeChat allows it: the rep's word on roles, rep tasks, join cards.
  setGroupsRepAdmin: z.object({ groupIds, repIsAdmin: z.boolean() }).strict(),
  setGroupStaff: z
    .object({ groupId: z.string().min(1), memberKey: z.string().min(1), name: z.string().min(1).max(200), staff: z.boolean() })
    .strict(),
  resolveTask: z.object({ eventId: z.number().int().positive(), outcome: z.enum(['done', 'pardon']) }).strict(),
  resolveJoinCard: z.object({ eventId: z.number().int().positive(), choice: z.enum(['remove', 'dismiss', 'allow']) }).strict(),
  setSecret: z.object({ name: z.enum(['puppetToken', 'speechApiKey', 'speechSecretKey', 'llmApiKey']), value: z.string().max(2000) }).strict(),
  // Signals (issue 12): the classifier's state and precision flags; a full retrain now; back to the starter model.
  getSignals: none,
  retrainClassifier: none,
  resetClassifier: none,

  // The rep's window, second pass: a member's story, removing by hand, the feed as CSV.
  getMember: z.object({ memberKey }).strict(),
  removeMember: z.object({ groupId: z.string().min(1).max(ID_MAX), memberKey }).strict(),
  exportFeed: z.object(feedFilters).strict(),

  // Backups (electron/backup): a restore is checked now and carried out when the service next starts.
  listBackups: none,
  backupNow: none,
  restoreBackup: z.object({ name: z.string().min(1).max(200) }).strict(),
  // Everything the rep owns as one file (electron/transfer); the file is checked there, as a whole.
  exportData: none,
  importData: z.object({ file: z.unknown() }).strict(),

  // Team mode
  getTeam: none,
  joinTeam: z.object({ serverUrl: z.string().min(1).max(500), token: z.string().min(1).max(200) }).strict(),
  leaveTeam: none,
  setTeamPackSubscribed: z.object({ pack: z.string().min(1).max(80), subscribed: z.boolean() }).strict(),
  setTeamRuleEnabled: z.object({ pack: z.string().min(1).max(80), rule: z.string().min(1).max(200), enabled: z.boolean() }).strict(),

  // A member the rep marks as a known offender from their story (or unmarks): screened at every join like a removed one.
  setKnownOffender: z.object({ memberKey, marked: z.boolean(), reason: safeText(500, true).optional() }).strict(),
  /** "Got it" on a failure or an alert with nothing else to decide: it no longer needs the rep. */
  acknowledgeEvent: eventId,
} as const

export type ApiMethod = keyof typeof API_INPUTS
export type ApiInput<M extends ApiMethod> = z.input<(typeof API_INPUTS)[M]>

export interface ApiOutputs {
  getLoginState: LoginState
  getHealth: HealthView
  listGroups: GroupView[]
  listRules: RuleView[]
  listFeed: { items: FeedEvent[]; nextBeforeId: number | null }
  listReviews: FeedEvent[]
  getStats: Stats
  getSettings: SettingsView
  listAllowList: AllowListEntry[]
  listHistory: HistoryMessage[]
  getNeedsRep: NeedsRepView
  backtest: BacktestResult
  getVoiceAudio: { wavBase64: string }
  testSpeechKeys: SpeechKeyCheck
  choosePuppet: LoginState
  login: LoginState
  logout: LoginState
  saveRules: SaveRulesResult
  reorderRules: RuleView[]
  setGroupsMonitored: GroupView[]
  setGroupsQuiet: GroupView[]
  pardon: FeedEvent
  undoRemoval: UndoResult
  setVerdict: FeedEvent
  resolveReview: { review: FeedEvent; decision: ReviewDecision }
  addToAllowList: AllowListEntry[]
  removeFromAllowList: AllowListEntry[]
  updateSettings: SettingsView
  setSecret: SettingsView
  setGroupsRepAdmin: GroupView[]
  setGroupStaff: GroupView[]
  resolveTask: FeedEvent
  resolveJoinCard: FeedEvent
  getSignals: SignalsView
  retrainClassifier: SignalsView
  resetClassifier: SignalsView
  getMember: MemberStory
  removeMember: FeedEvent
  exportFeed: { csv: string; count: number }
  listBackups: BackupView[]
  backupNow: BackupView[]
  restoreBackup: { name: string; restartRequired: true }
  exportData: ExportFileView
  importData: { imported: Record<string, number> }
  getTeam: TeamView
  joinTeam: TeamView
  leaveTeam: TeamView
  setTeamPackSubscribed: TeamView
  setTeamRuleEnabled: TeamView
  setKnownOffender: MemberStory
  acknowledgeEvent: FeedEvent
}

/** The API as a caller sees it: one async function per method. Both doors and the direct call implement this. */
export type QunGuardApi = { [M in ApiMethod]: (input: ApiInput<M>) => Promise<ApiOutputs[M]> }

export const API_METHODS = Object.keys(API_INPUTS) as ApiMethod[]

export function isApiMethod(name: string): name is ApiMethod {
  return Object.hasOwn(API_INPUTS, name)
}

/** What the service pushes to every open window. */
export type ApiEvent =
  | { type: 'feed'; change: 'created' | 'updated'; event: FeedEvent }
  /** How many things need the rep, whenever it changes. */
  | { type: 'needsRep'; count: number }
  | { type: 'login'; state: LoginState }
  | { type: 'groups'; groups: GroupView[] }
  | { type: 'rules'; rules: RuleView[] }
  | { type: 'settings'; settings: SettingsView }
  | { type: 'backtest'; done: number; total: number }
  /** The service must restart to finish what was asked (a restore); the desktop app relaunches itself. */
  | { type: 'restart'; reason: 'restore' }
  | { type: 'team'; team: TeamView }
  | { type: 'health'; health: HealthView }

/** Validates a raw input for a method: the one place inputs are checked. */
export function parseApiInput<M extends ApiMethod>(method: M, raw: unknown): z.output<(typeof API_INPUTS)[M]> {
  const result = API_INPUTS[method].safeParse(raw ?? {})
  if (!result.success) {
    const problems = result.error.issues.map((issue) => `${issue.path.join('.') || 'input'}: ${issue.message}`)
    throw new ApiError('bad_input', `${method}: ${problems.join('; ')}`, result.error.issues)
  }
  return result.data as z.output<(typeof API_INPUTS)[M]>
}

export { ApiError, ruleInputSchema }
