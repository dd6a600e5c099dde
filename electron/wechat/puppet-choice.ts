// Which Wechaty puppet (WeChat protocol driver) the bot runs on, and how to load it.
// The choice is a user setting; tokens are secrets and must never reach logs, events or error texts.
import type { WechatyOptions } from 'wechaty'
import type { PuppetName } from '../../shared/api/types.ts'

export type { PuppetName }

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
    description: 'Free; log in by scanning a QR code. Accounts without web-WeChat access cannot use it.',
  },
  {
    name: 'wechaty-puppet-padlocal',
    label: 'PadLocal (iPad protocol)',
    needsToken: true,
    description: 'Paid token from the PadLocal service; more stable than the web protocol. ' + PADPLUS_RETIRED_NOTE,
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

export interface PuppetSetting {
  name: PuppetName
  token?: string
}

/** A puppet instance, as Wechaty accepts it. */
export type PuppetInstance = Exclude<NonNullable<WechatyOptions['puppet']>, string>

export class PuppetUnavailableError extends Error {
  constructor(
    readonly puppet: PuppetName,
    reason: string,
  ) {
    super(`${puppet} cannot be used: ${reason}`)
    this.name = 'PuppetUnavailableError'
  }
}

export function puppetChoice(name: PuppetName): PuppetChoice {
  const choice = PUPPET_CHOICES.find((candidate) => candidate.name === name)
  if (!choice) throw new PuppetUnavailableError(name, 'unknown puppet')
  return choice
}

type PuppetModule = { default: new (options?: { token?: string }) => PuppetInstance }

// Imported by name at run time so a puppet that is not installed only fails when chosen,
// and so its typings (some pin old @types/node) never enter our type-check.
async function importPuppet(name: PuppetName): Promise<PuppetModule> {
  const specifier: string = name
  try {
    return (await import(specifier)) as PuppetModule
  } catch (error) {
    const missing = (error as NodeJS.ErrnoException).code === 'ERR_MODULE_NOT_FOUND'
    throw new PuppetUnavailableError(name, missing ? `the package is not installed (npm install ${name})` : describe(error))
  }
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error)
}

export async function loadPuppet(setting: PuppetSetting): Promise<PuppetInstance> {
  const choice = puppetChoice(setting.name)
  const token = setting.token?.trim()
  if (choice.needsToken && !token) throw new PuppetUnavailableError(setting.name, 'a token is required')
  const module = await importPuppet(setting.name)
  return new module.default(choice.needsToken ? { token } : {})
}

/** Replaces every secret in a text, so errors from a puppet can be shown and stored safely. */
export function redactSecrets(text: string, secrets: readonly (string | undefined)[]): string {
  let redacted = text
  for (const secret of secrets) {
    if (secret && secret.length >= 4) redacted = redacted.split(secret).join('***')
  }
  return redacted
}
