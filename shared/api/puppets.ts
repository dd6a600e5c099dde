// The WeChat protocol drivers (Wechaty puppets) a rep can choose from, as the window and README describe them.
import type { PuppetName } from './types.ts'

export const DEFAULT_PUPPET: PuppetName = 'wechaty-puppet-wechat4u'

export interface PuppetChoice {
  name: PuppetName
  label: string
  /** Token-based services need a token from their vendor before they can log in. */
  needsToken: boolean
  description: string
}

/** Shown wherever a user might go looking for padplus (old tutorials still recommend it). */
export const PADPLUS_RETIRED_NOTE =
  'wechaty-puppet-padplus is retired: its hosted service closed on 2020-12-01 and the package no longer loads on ' +
  'current Node. Use wechaty-puppet-padlocal or wechaty-puppet-service (token-based iPad-protocol services) instead.'

export const PUPPET_CHOICES: readonly PuppetChoice[] = [
  {
    name: 'wechaty-puppet-wechat4u',
    label: 'WeChat web protocol (wechat4u)',
    needsToken: false,
    description:
      'Free; log in by scanning a QR code. Accounts without web-WeChat access cannot use it. It cannot remove members: ' +
      'the rep does, from tasks.',
  },
  {
    name: 'wechaty-puppet-padlocal',
    label: 'PadLocal (iPad protocol)',
    needsToken: true,
    description:
      'Paid token from the PadLocal service; can remove members (web WeChat cannot), but its issue tracker reports ' +
      'logins failing since late 2024. ' +
      PADPLUS_RETIRED_NOTE,
  },
  {
    name: 'wechaty-puppet-service',
    label: 'Wechaty puppet service (token)',
    needsToken: true,
    description: 'Connects to a hosted or self-hosted Wechaty puppet service with a token. ' + PADPLUS_RETIRED_NOTE,
  },
  {
    name: 'wechaty-puppet-mock',
    label: 'Demo (simulated WeChat)',
    needsToken: false,
    description: 'No real WeChat: for the demo and tests.',
  },
]
