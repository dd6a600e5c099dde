// The ranges of the numeric settings, for the window to check as the rep types and say what is allowed in their
// language (instead of a number box silently turning 99 into 20). SETTINGS_SCHEMA is what the service enforces; a
// unit test keeps the two in step.
import type { SettingKey } from './settings.ts'

export interface NumberLimit {
  min: number
  max: number
}

export const NUMBER_SETTING_LIMITS = {
  warningsBeforeRemoval: { min: 0, max: 20 },
  strikeExpiryDays: { min: 1, max: 3650 },
  staleWarningMinutes: { min: 1, max: 24 * 60 },
  rateLimitPerMinute: { min: 1, max: 600 },
  retentionDays: { min: 1, max: 3650 },
} as const satisfies Partial<Record<SettingKey, NumberLimit>>

export type NumberSettingKey = keyof typeof NUMBER_SETTING_LIMITS

export type NumberProblem = { code: 'required' } | { code: 'not_whole' } | { code: 'out_of_range'; min: number; max: number }

/** What is wrong with a value typed for a numeric setting (whole numbers only), or null when it is fine. */
export function numberSettingProblem(key: NumberSettingKey, value: unknown): NumberProblem | null {
  if (value === null || value === undefined || value === '') return { code: 'required' }
  if (typeof value !== 'number' || !Number.isInteger(value)) return { code: 'not_whole' }
  const { min, max } = NUMBER_SETTING_LIMITS[key]
  return value < min || value > max ? { code: 'out_of_range', min, max } : null
}
