import { describe, expect, it } from 'vitest'
import { NUMBER_SETTING_LIMITS, numberSettingProblem, type NumberSettingKey } from '../../shared/policy/setting-limits.ts'
import { parseSetting } from '../../shared/policy/settings.ts'

const KEYS = Object.keys(NUMBER_SETTING_LIMITS) as NumberSettingKey[]

describe('numeric setting limits', () => {
  it.each(KEYS)('%s: the window’s range is one the service accepts, and its edges are refused by both', (key) => {
    const { min, max } = NUMBER_SETTING_LIMITS[key]
    for (const value of [min, max]) {
      expect(numberSettingProblem(key, value)).toBeNull()
      expect(parseSetting(key, value).ok).toBe(true)
    }
    expect(numberSettingProblem(key, max + 1)).toEqual({ code: 'out_of_range', min, max })
    expect(parseSetting(key, max + 1).ok).toBe(false)
    expect(numberSettingProblem(key, min - 1)).toEqual({ code: 'out_of_range', min, max })
  })

  it('refuses an empty box and a fraction with their own reasons', () => {
    expect(numberSettingProblem('warningsBeforeRemoval', null)).toEqual({ code: 'required' })
    expect(numberSettingProblem('retentionDays', 2.5)).toEqual({ code: 'not_whole' })
    expect(numberSettingProblem('warningsBeforeRemoval', 99)).toEqual({ code: 'out_of_range', min: 0, max: 20 })
  })
})
