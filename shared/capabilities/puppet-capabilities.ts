// What each WeChat protocol driver (Wechaty puppet) can really do, as read from its source. The login screen says it
// in plain words, and the guard plans removals by it: asking WeChat for something a protocol cannot do only produces
// refusals, and a warning that threatens a removal that cannot happen is an empty threat.
import type { PuppetName } from '../api/types.ts'

/** 'depends': the protocol passes the request on to a service whose abilities QunGuard cannot know in advance. */
export type Ability = 'yes' | 'no' | 'depends'

export const CAPABILITY_NAMES = [
  'removeMembers',
  'readdMembers',
  'readOwner',
  'readAdmins',
  'mention',
  'receiveVoice',
  'receiveImages',
] as const
export type CapabilityName = (typeof CAPABILITY_NAMES)[number]
export type PuppetCapabilities = Readonly<Record<CapabilityName, Ability>>

export const PUPPET_CAPABILITIES: Readonly<Record<PuppetName, PuppetCapabilities>> = {
  // roomDel/roomAdd still send webwxupdatechatroom, which web WeChat has refused since 2018; rooms come with
  // adminIdList [] and no ownerId; messageSendText ignores mention ids (the "@name" is plain text).
  'wechaty-puppet-wechat4u': {
    removeMembers: 'no',
    readdMembers: 'no',
    readOwner: 'no',
    readAdmins: 'no',
    mention: 'no',
    receiveVoice: 'yes',
    receiveImages: 'yes',
  },
  // deleteChatRoomMember / addChatRoomMember; ownerId from chatroomownerusername, adminIdList always [].
  'wechaty-puppet-padlocal': {
    removeMembers: 'yes',
    readdMembers: 'yes',
    readOwner: 'yes',
    readAdmins: 'no',
    mention: 'yes',
    receiveVoice: 'yes',
    receiveImages: 'yes',
  },
  // A gRPC client: every call and every field is whatever the service behind it implements.
  'wechaty-puppet-service': {
    removeMembers: 'depends',
    readdMembers: 'depends',
    readOwner: 'depends',
    readAdmins: 'depends',
    mention: 'yes',
    receiveVoice: 'depends',
    receiveImages: 'depends',
  },
  // The simulated WeChat of the demo and the tests, which follows WeChat's rules.
  'wechaty-puppet-mock': {
    removeMembers: 'yes',
    readdMembers: 'yes',
    readOwner: 'yes',
    readAdmins: 'yes',
    mention: 'yes',
    receiveVoice: 'yes',
    receiveImages: 'yes',
  },
}

export function capabilitiesOf(puppet: PuppetName): PuppetCapabilities {
  return PUPPET_CAPABILITIES[puppet]
}
