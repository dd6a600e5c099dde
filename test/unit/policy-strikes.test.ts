import { describe, expect, it } from 'vitest'
import {
  DEFAULT_SETTINGS,
  countingStrikes,
  decideKnownOffender,
  decideOffence,
  decideReview,
  type OffenceFacts,
  type StrikeState,
} from '../../shared/policy/index.ts'

const DAY = 24 * 60 * 60 * 1000
const NOW = Date.UTC(2026, 0, 15)

const live = (overrides: Partial<StrikeState> = {}): StrikeState => ({
  expiresAt: NOW + DAY,
  revokedAt: null,
  dryRun: false,
  ...overrides,
})

function facts(overrides: Partial<OffenceFacts> = {}): OffenceFacts {
  return {
    rule: { action: 'warn', dryRun: false },
    strikes: [],
    groupQuiet: false,
    settings: DEFAULT_SETTINGS,
    now: NOW,
    ...overrides,
  }
}

describe('warn rules: strike, warn, and remove on the offence after the last warning', () => {
  it('warns 1/2, then 2/2, then removes on the third offence', () => {
    expect(decideOffence(facts()).sanction).toEqual({ kind: 'warn', strikeNumber: 1, limit: 2 })
    expect(decideOffence(facts({ strikes: [live()] })).sanction).toEqual({ kind: 'warn', strikeNumber: 2, limit: 2 })
    expect(decideOffence(facts({ strikes: [live(), live()] })).sanction).toEqual({ kind: 'remove', strikeNumber: 3 })
  })

  it('records a strike that expires strikeExpiryDays later', () => {
    const decision = decideOffence(facts({ settings: { ...DEFAULT_SETTINGS, strikeExpiryDays: 7 } }))
    expect(decision.strike).toEqual({ expiresAt: NOW + 7 * DAY, dryRun: false })
  })

  it('follows warningsBeforeRemoval, down to removing on the first offence', () => {
    const three = { ...DEFAULT_SETTINGS, warningsBeforeRemoval: 3 }
    expect(decideOffence(facts({ settings: three, strikes: [live(), live()] })).sanction).toEqual({
      kind: 'warn',
      strikeNumber: 3,
      limit: 3,
    })
    const none = { ...DEFAULT_SETTINGS, warningsBeforeRemoval: 0 }
    expect(decideOffence(facts({ settings: none })).sanction).toEqual({ kind: 'remove', strikeNumber: 1 })
  })

  it('does not count expired or revoked strikes', () => {
    const strikes = [live({ expiresAt: NOW }), live({ expiresAt: NOW - DAY }), live({ revokedAt: NOW - 1 }), live()]
    expect(decideOffence(facts({ strikes })).sanction).toEqual({ kind: 'warn', strikeNumber: 2, limit: 2 })
  })
})

describe('other actions', () => {
  it("'remove' removes on the first offence, with a strike", () => {
    const decision = decideOffence(facts({ rule: { action: 'remove', dryRun: false } }))
    expect(decision.sanction).toEqual({ kind: 'remove', strikeNumber: 1 })
    expect(decision.strike).not.toBeNull()
  })

  it("'alert' tells the rep and records no strike", () => {
    const decision = decideOffence(facts({ rule: { action: 'alert', dryRun: false }, strikes: [live(), live()] }))
    expect(decision).toEqual({ sanction: { kind: 'alert' }, dryRun: false, divertedToRep: false, strike: null })
  })

  it("'ignore' does nothing", () => {
    expect(decideOffence(facts({ rule: { action: 'ignore', dryRun: false } })).sanction).toEqual({ kind: 'none' })
  })
})

describe('dry run', () => {
  it('comes from the rule or the global setting, and marks its strike as dry', () => {
    const byRule = decideOffence(facts({ rule: { action: 'warn', dryRun: true } }))
    expect(byRule.dryRun).toBe(true)
    expect(byRule.strike?.dryRun).toBe(true)
    expect(decideOffence(facts({ settings: { ...DEFAULT_SETTINGS, dryRun: true } })).dryRun).toBe(true)
  })

  it('dry-run strikes count toward dry-run decisions only, so a dry run shows the progression', () => {
    const strikes = [live({ dryRun: true }), live({ dryRun: true })]
    expect(decideOffence(facts({ rule: { action: 'warn', dryRun: true }, strikes })).sanction.kind).toBe('remove')
    expect(decideOffence(facts({ strikes })).sanction).toEqual({ kind: 'warn', strikeNumber: 1, limit: 2 })
    expect(countingStrikes([live(), live({ dryRun: true })], NOW, false)).toBe(1)
  })
})

describe('quiet mode', () => {
  it('diverts warnings and removals to the rep, globally or per group, without a strike', () => {
    for (const quiet of [{ groupQuiet: true }, { settings: { ...DEFAULT_SETTINGS, quietMode: true } }]) {
      const decision = decideOffence(facts({ ...quiet, strikes: [live(), live()] }))
      expect(decision.sanction).toEqual({ kind: 'remove', strikeNumber: 3 })
      expect(decision.divertedToRep).toBe(true)
      expect(decision.strike).toBeNull()
    }
  })

  it('leaves alerts as they are: they only reach the rep anyway', () => {
    expect(decideOffence(facts({ rule: { action: 'alert', dryRun: false }, groupQuiet: true })).divertedToRep).toBe(false)
  })
})

describe('the rep resolving a review', () => {
  it('carries out their choice with a real strike, numbered after the active ones', () => {
    const warn = decideReview('warn', [live(), live({ dryRun: true })], DEFAULT_SETTINGS, NOW)
    expect(warn).toEqual({
      sanction: { kind: 'warn', strikeNumber: 2, limit: 2 },
      dryRun: false,
      divertedToRep: false,
      strike: { expiresAt: NOW + 30 * DAY, dryRun: false },
    })
    expect(decideReview('remove', [], DEFAULT_SETTINGS, NOW).sanction).toEqual({ kind: 'remove', strikeNumber: 1 })
  })
})

describe('known offenders', () => {
  it('alerts by default and removes when the setting says so', () => {
    expect(decideKnownOffender(DEFAULT_SETTINGS, false)).toEqual({ action: 'alert', dryRun: false, divertedToRep: false })
    const removing = { ...DEFAULT_SETTINGS, knownOffenderAction: 'remove' as const }
    expect(decideKnownOffender(removing, false)).toEqual({ action: 'remove', dryRun: false, divertedToRep: false })
  })

  it('only alerts in quiet mode, and honours dry run', () => {
    const removing = { ...DEFAULT_SETTINGS, knownOffenderAction: 'remove' as const }
    expect(decideKnownOffender(removing, true)).toEqual({ action: 'alert', dryRun: false, divertedToRep: true })
    expect(decideKnownOffender({ ...removing, dryRun: true }, false).dryRun).toBe(true)
  })
})
