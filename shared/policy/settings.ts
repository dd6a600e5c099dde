// The guard's settings: one typed shape with defaults, shared by the main process (store, guard) and the window.
import { z } from 'zod'
import { PUPPET_NAMES } from '../api/types.ts'
import { safeText } from '../text/unsafe-characters.ts'

export const KNOWN_OFFENDER_ACTIONS = ['alert', 'remove'] as const
export type KnownOffenderAction = (typeof KNOWN_OFFENDER_ACTIONS)[number]

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
