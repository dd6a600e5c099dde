// The guard's settings: one typed shape with defaults, shared by the main process (store, guard) and the window.
import { z } from 'zod'
import { PUPPET_NAMES } from '../api/types.ts'
import { safeText } from '../text/unsafe-characters.ts'

export const SPEECH_LANGUAGES = ['mandarin', 'english', 'cantonese', 'sichuanese'] as const
export type SpeechLanguage = (typeof SPEECH_LANGUAGES)[number]

export const KNOWN_OFFENDER_ACTIONS = ['alert', 'remove'] as const
export type KnownOffenderAction = (typeof KNOWN_OFFENDER_ACTIONS)[number]
export const OUTSIDER_INVITE_ACTIONS = ['off', 'alert', 'remove'] as const
export type OutsiderInviteAction = (typeof OUTSIDER_INVITE_ACTIONS)[number]
export const UNKNOWN_REMOVAL_CHOICES = ['attempt', 'ask_rep'] as const

export const SETTINGS_SCHEMA = z.object({
  /** Warnings a member gets in a group before the next offence removes them. */
  warningsBeforeRemoval: z.number().int().min(0).max(20),
  /** A strike stops counting this many days after the offence. */
  strikeExpiryDays: z.number().positive().max(3650),
  /** Outbound actions (messages, removals, re-adds, notes to self) per minute, all groups together. */
  rateLimitPerMinute: z.number().int().min(1).max(600),
  /** Quiet mode everywhere: nothing is said or done in groups; offences become review items for the rep. */
  quietMode: z.boolean(),
  /** Dry run everywhere: decisions are recorded, nothing is sent. */
  dryRun: z.boolean(),
  /** Whether a group the account joins is moderated without the rep switching it on. */
  newGroupsMonitored: z.boolean(),
  /** Days message history is kept. */
  retentionDays: z.number().int().min(1).max(3650),
  /** What happens when a member removed from one group joins a monitored group. */
  knownOffenderAction: z.enum(KNOWN_OFFENDER_ACTIONS),
  /** Tell the rep about alerts, reviews and failures in the account's own File Transfer chat. */
  notifySelf: z.boolean(),
  /** Used when a rule has no reply of its own. Placeholders: {name} {rule} {count} {limit}.
   * No leading "@{name}": the warning is sent as an @-mention, which WeChat shows before the text. */
  defaultWarningTemplate: safeText(500, true),
  /** Said in the group after a verified removal; empty says nothing. Same placeholders. */
  removalNoticeTemplate: safeText(500, true),
  /** A warning not sent within this many minutes is dropped: a late warning is noise. */
  staleWarningMinutes: z.number().int().min(1).max(24 * 60),
  // The app's own settings, kept beside the guard's so there is one settings store and one schema.
  /** The window's language. */
  language: z.enum(['zh-CN', 'en']),
  /** Desktop notifications for removals, failed removals and alerts (the Electron app). */
  desktopNotifications: z.boolean(),
  /** Which WeChat protocol driver the bot runs on. */
  puppet: z.enum(PUPPET_NAMES),
  /** Where it is unknown whether the bot may remove (web WeChat reports no owner): try anyway, or ask the rep. */
  removalWhenUnknown: z.enum(UNKNOWN_REMOVAL_CHOICES),
  /** Warnings in groups where the bot cannot remove: no threat of a removal that cannot happen. Same placeholders. */
  warningWithoutRemovalTemplate: z.string().max(500),
  /** A member invited by someone other than the rep, the group's owner or admins, or staff the rep named. */
  outsiderInviteAction: z.enum(OUTSIDER_INVITE_ACTIONS),
  /** Said to the inviter when their invitee is removed. Placeholders: {name} (the invitee), {inviter}. */
  outsiderInviteNoticeTemplate: z.string().max(500),
  /** Said to new members (throttled like every message); empty says nothing. Placeholder: {name}. */
  welcomeTemplate: z.string().max(500),
  // Signals (issue 12): uncertain signals only ever raise quiet alerts for the rep; see shared/signals/.
  /** Classifier score at or above which a message counts as kind:spam and may raise a quiet alert. */
  spamAlertThreshold: z.number().min(0.5).max(1),
  /** Whether a score above spamRuleThreshold counts as a rule hit (a warning) rather than a quiet alert. */
  spamRuleEnabled: z.boolean(),
  spamRuleThreshold: z.number().min(0.5).max(1),
  /** What the bot says when a signal's alert is turned into a warning (by the rep, or the spam rule threshold). */
  signalWarningTemplate: z.string().max(500),
  /** Which signals raise quiet alerts; their rule terms (kind:spam, kind:repeat...) work either way. */
  spamAlerts: z.boolean(),
  repeatAlerts: z.boolean(),
  newcomerAlerts: z.boolean(),
  floodAlerts: z.boolean(),
  repeatWindowMinutes: z.number().int().min(1).max(7 * 24 * 60),
  repeatMinGroups: z.number().int().min(2).max(100),
  repeatFarmMembers: z.number().int().min(2).max(100),
  newcomerHours: z.number().min(0).max(24 * 30),
  newcomerFastSeconds: z.number().int().min(0).max(3600),
  joinBurstCount: z.number().int().min(2).max(500),
  joinBurstMinutes: z.number().int().min(1).max(24 * 60),
  floodPerMinute: z.number().int().min(2).max(600),
  /** Verdicts after which the classifier is retrained in full in the background. */
  retrainAfterVerdicts: z.number().int().min(1).max(10_000),
  /** A rule or signal whose precision falls below this (from 5 verdicts on) is flagged with a suggestion. */
  precisionFlagBelow: z.number().min(0).max(1),
  /** The optional LLM second opinion, for scores in [llmBandLow, llmBandHigh). The key is a secret, kept apart. */
  llmEnabled: z.boolean(),
  llmBaseUrl: z.union([z.literal(''), z.url({ protocol: /^https?$/ })]),
  llmModel: z.string().max(200),
  llmBandLow: z.number().min(0).max(1),
  llmBandHigh: z.number().min(0).max(1),
  llmDailyBudget: z.number().int().min(0).max(100_000),
  llmTimeoutSeconds: z.number().int().min(1).max(120),
  /** Read the text in images with Baidu's OCR (the speech keys); off by default, since it sends photos to Baidu. */
  imageTextRecognition: z.boolean(),
  /** What language voice messages are recognised in (Baidu's dev_pid). */
  speechLanguage: z.enum(SPEECH_LANGUAGES),
  /** A Baidu-protocol speech service (a proxy, a test fake); empty for Baidu's own. Used for the token and recognition. */
  speechBaseUrl: z
    .string()
    .trim()
    .max(500)
    .refine((value) => value === '' || /^https?:\/\/[^\s/?#]+[^\s?#]*$/u.test(value), 'must be an http:// or https:// address'),
})

export type Settings = z.infer<typeof SETTINGS_SCHEMA>
export type SettingKey = keyof Settings

export const DEFAULT_SETTINGS: Readonly<Settings> = Object.freeze({
  warningsBeforeRemoval: 2,
  strikeExpiryDays: 30,
  rateLimitPerMinute: 20,
  quietMode: false,
  dryRun: false,
  newGroupsMonitored: true,
  retentionDays: 30,
  knownOffenderAction: 'alert',
  notifySelf: true,
  defaultWarningTemplate: '请勿在群内发布{rule}相关内容，警告 {count}/{limit}，超过将被移出群聊。',
  removalNoticeTemplate: '{name} 多次发布{rule}相关内容，已被移出群聊。',
  staleWarningMinutes: 60,
  language: 'zh-CN',
  desktopNotifications: true,
  puppet: 'wechaty-puppet-wechat4u',
  removalWhenUnknown: 'ask_rep',
  warningWithoutRemovalTemplate: '请勿在群内发布{rule}相关内容（提醒 {count}/{limit}）。',
  outsiderInviteAction: 'off',
  outsiderInviteNoticeTemplate: '本群只接受群主和管理员邀请新成员，{name} 已被移出，谢谢理解。',
  welcomeTemplate: '',
  spamAlertThreshold: 0.8,
  spamRuleEnabled: false,
  spamRuleThreshold: 0.98,
  signalWarningTemplate: '请勿在群内发布广告或引流信息，警告 {count}/{limit}，超过将被移出群聊。',
  spamAlerts: true,
  repeatAlerts: true,
  newcomerAlerts: true,
  floodAlerts: true,
  repeatWindowMinutes: 60,
  repeatMinGroups: 3,
  repeatFarmMembers: 3,
  newcomerHours: 24,
  newcomerFastSeconds: 30,
  joinBurstCount: 5,
  joinBurstMinutes: 10,
  floodPerMinute: 10,
  retrainAfterVerdicts: 50,
  precisionFlagBelow: 0.7,
  llmEnabled: false,
  llmBaseUrl: '',
  llmModel: '',
  llmBandLow: 0.5,
  llmBandHigh: 0.9,
  llmDailyBudget: 200,
  llmTimeoutSeconds: 15,
  imageTextRecognition: false,
  speechLanguage: 'mandarin',
  speechBaseUrl: '',
})

export const SETTING_KEYS = Object.keys(DEFAULT_SETTINGS) as SettingKey[]

export function isSettingKey(key: string): key is SettingKey {
  return Object.hasOwn(DEFAULT_SETTINGS, key)
}

/** Checks one value against its setting's schema; returns the value typed, or the schema's complaint. */
export function parseSetting<K extends SettingKey>(
  key: K,
  value: unknown,
): { ok: true; value: Settings[K] } | { ok: false; message: string } {
  const result = SETTINGS_SCHEMA.shape[key].safeParse(value)
  if (result.success) return { ok: true, value: result.data as Settings[K] }
  return { ok: false, message: result.error.issues.map((issue) => issue.message).join('; ') }
}
