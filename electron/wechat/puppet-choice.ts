// Which Wechaty puppet (WeChat protocol driver) the bot runs on, and how to load it.
// The choice is a user setting; tokens are secrets and must never reach logs, events or error texts.
import type { WechatyOptions } from 'wechaty'
import type { PuppetName } from '../../shared/api/types.ts'

export type { PuppetName }

export { DEFAULT_PUPPET, PADPLUS_RETIRED_NOTE, PUPPET_CHOICES, type PuppetChoice } from '../../shared/api/puppets.ts'
import { PUPPET_CHOICES, type PuppetChoice } from '../../shared/api/puppets.ts'
import { errorText } from '../../shared/text/error-text.ts'

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
    throw new PuppetUnavailableError(name, missing ? `the package is not installed (npm install ${name})` : errorText(error))
  }
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
