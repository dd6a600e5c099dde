// Whether the bot can remove members in one group, from what the puppet can do, what it reports about the group's
// owner and admins, and what the rep has said. Pure, so the guard, the window and the tests agree.
import type { PuppetCapabilities } from './puppet-capabilities.ts'

export const REMOVAL_ABILITIES = ['yes', 'no', 'unknown'] as const
export type RemovalAbility = (typeof REMOVAL_ABILITIES)[number]

export interface GroupRoleFacts {
  /** The puppet reported the account as the group's owner or one of its admins. */
  botIsOwnerOrAdmin: boolean
  /** The puppet reports owners and admins for this group, so "not reported" means "not owner or admin". */
  rolesKnown: boolean
  /** The rep said "I am the owner or an admin here". */
  repSaysAdmin: boolean
}

/** Whether "not reported as owner or admin" means "not owner or admin": PadLocal names the owner but never admins. */
export function rolesFullyKnown(rolesReported: boolean, capabilities: Pick<PuppetCapabilities, 'readAdmins'>): boolean {
  return rolesReported && capabilities.readAdmins !== 'no'
}

export function removalAbility(group: GroupRoleFacts, capabilities: Pick<PuppetCapabilities, 'removeMembers' | 'readAdmins'>): RemovalAbility {
  if (capabilities.removeMembers === 'no') return 'no'
  if (group.botIsOwnerOrAdmin || group.repSaysAdmin) return 'yes'
  return rolesFullyKnown(group.rolesKnown, capabilities) ? 'no' : 'unknown'
}

/** Who carries out a removal the guard decides on: the bot, or the rep through a task. */
export type RemovalRoute = 'bot' | 'rep'

export function removalRoute(ability: RemovalAbility, whenUnknown: 'attempt' | 'ask_rep'): RemovalRoute {
  if (ability === 'yes') return 'bot'
  if (ability === 'unknown' && whenUnknown === 'attempt') return 'bot'
  return 'rep'
}
