// What the guard does about an offence. Pure: every fact, including the time, comes in as an argument.
import type { RuleAction } from '../rules/types.ts'
import type { KnownOffenderAction, Settings } from './settings.ts'

const DAY_MS = 24 * 60 * 60 * 1000

export interface StrikeState {
  expiresAt: number
  revokedAt: number | null
  /** Recorded by a dry-run decision: it counts toward later dry-run decisions only, so a dry run shows the progression. */
  dryRun: boolean
}

export type Sanction =
  | { kind: 'none' }
  | { kind: 'warn'; strikeNumber: number; limit: number }
  | { kind: 'remove'; strikeNumber: number }
  | { kind: 'alert' }

export interface Decision {
  sanction: Sanction
  /** Record what would have happened; send nothing. */
  dryRun: boolean
  /** Quiet mode: the sanction is only proposed to the rep, who decides; nothing is said in the group. */
  divertedToRep: boolean
  /** The strike to record with the decision, if it records one. */
  strike: { expiresAt: number; dryRun: boolean } | null
}

export type PolicySettings = Pick<Settings, 'warningsBeforeRemoval' | 'strikeExpiryDays' | 'dryRun' | 'quietMode'>

export interface OffenceFacts {
  rule: { action: RuleAction; dryRun: boolean }
  /** The member's strikes in this group, any state: the policy decides which still count. */
  strikes: readonly StrikeState[]
  groupQuiet: boolean
  settings: PolicySettings
  now: number
}

export function isStrikeActive(strike: Pick<StrikeState, 'expiresAt' | 'revokedAt'>, now: number): boolean {
  return strike.revokedAt === null && strike.expiresAt > now
}

/** Strikes that count for a decision: real decisions ignore dry-run strikes, dry-run decisions count both. */
export function countingStrikes(strikes: readonly StrikeState[], now: number, dryRun: boolean): number {
  return strikes.filter((strike) => isStrikeActive(strike, now) && (dryRun || !strike.dryRun)).length
}

export function strikeExpiry(now: number, settings: Pick<Settings, 'strikeExpiryDays'>): number {
  return now + settings.strikeExpiryDays * DAY_MS
}

/** The sanction a strike-bearing action earns on its Nth strike. */
function sanctionFor(action: 'warn' | 'remove', strikeNumber: number, settings: PolicySettings): Sanction {
  if (action === 'warn' && strikeNumber <= settings.warningsBeforeRemoval) {
    return { kind: 'warn', strikeNumber, limit: settings.warningsBeforeRemoval }
  }
  return { kind: 'remove', strikeNumber }
}

export function decideOffence(facts: OffenceFacts): Decision {
  const { rule, settings, now } = facts
  const dryRun = settings.dryRun || rule.dryRun
  if (rule.action === 'ignore') return { sanction: { kind: 'none' }, dryRun, divertedToRep: false, strike: null }
  if (rule.action === 'alert') return { sanction: { kind: 'alert' }, dryRun, divertedToRep: false, strike: null }

  const strikeNumber = countingStrikes(facts.strikes, now, dryRun) + 1
  const sanction = sanctionFor(rule.action, strikeNumber, settings)
  // In quiet mode the rep decides, so no strike exists until they do.
  const divertedToRep = settings.quietMode || facts.groupQuiet
  const strike = divertedToRep ? null : { expiresAt: strikeExpiry(now, settings), dryRun }
  return { sanction, dryRun, divertedToRep, strike }
}

export type ReviewChoice = 'warn' | 'remove'

/** The rep resolving a quiet-mode review: their choice is carried out as a normal, strike-bearing decision. */
export function decideReview(
  choice: ReviewChoice,
  strikes: readonly StrikeState[],
  settings: PolicySettings,
  now: number,
): Decision {
  const strikeNumber = countingStrikes(strikes, now, false) + 1
  const sanction: Sanction =
    choice === 'warn'
      ? { kind: 'warn', strikeNumber, limit: settings.warningsBeforeRemoval }
      : { kind: 'remove', strikeNumber }
  return { sanction, dryRun: false, divertedToRep: false, strike: { expiresAt: strikeExpiry(now, settings), dryRun: false } }
}

export interface KnownOffenderDecision {
  action: KnownOffenderAction
  dryRun: boolean
  /** A removal turned into an alert because the group or the guard is in quiet mode. */
  divertedToRep: boolean
}

/** A member removed from one group has joined a monitored group. No strike: they have not offended here. */
export function decideKnownOffender(
  settings: Pick<Settings, 'knownOffenderAction' | 'dryRun' | 'quietMode'>,
  groupQuiet: boolean,
): KnownOffenderDecision {
  const divertedToRep = settings.knownOffenderAction === 'remove' && (settings.quietMode || groupQuiet)
  return { action: divertedToRep ? 'alert' : settings.knownOffenderAction, dryRun: settings.dryRun, divertedToRep }
}
