// Who removes a member in a group, the bot or the rep, from what the puppet can do and what is known of the group.
import {
  removalAbility,
  removalRoute,
  type PuppetCapabilities,
  type RemovalAbility,
  type RemovalRoute,
} from '../../shared/capabilities/index.ts'
import type { ActionReason } from '../../shared/outcomes/action-reasons.ts'
import type { GroupRecord, Store } from '../store/index.ts'
import type { ChatPort } from '../wechat/chat-port.ts'

export function groupRemovalAbility(group: GroupRecord, capabilities: PuppetCapabilities): RemovalAbility {
  return removalAbility(
    { botIsOwnerOrAdmin: group.botCanRemove, rolesKnown: group.rolesKnown, repSaysAdmin: group.repIsAdmin },
    capabilities,
  )
}

export interface RemovalPlan {
  route: RemovalRoute
  /** Why the rep has to do it, when they do. */
  reason: ActionReason
}

export function planRemoval(store: Store, group: GroupRecord, chat: Pick<ChatPort, 'capabilities'>): RemovalPlan {
  const ability = groupRemovalAbility(group, chat.capabilities())
  const route = removalRoute(ability, store.settings.get('removalWhenUnknown'))
  const reason: ActionReason =
    chat.capabilities().removeMembers === 'no'
      ? { code: 'puppet_cannot' }
      : { code: ability === 'unknown' ? 'roles_unknown' : 'bot_not_admin' }
  return { route, reason }
}
