// Choosing and starting a puppet: token rules, failed starts, secrets kept out of errors, the session file's place.
import { existsSync } from 'node:fs'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { PuppetMock } from 'wechaty-puppet-mock'
import { BotHost, SESSION_NAME } from '../../electron/wechat/bot-host.ts'
import type { ChatInbox } from '../../electron/wechat/chat-port.ts'
import {
  DEFAULT_PUPPET,
  loadPuppet,
  PADPLUS_RETIRED_NOTE,
  PUPPET_CHOICES,
  PuppetUnavailableError,
} from '../../electron/wechat/puppet-choice.ts'
import { createSimulatedBot, startAndLogIn } from '../../electron/sim/simulated-bot.ts'
import { SimulatedWorld } from '../../electron/sim/simulated-world.ts'

const TOKEN = 'puppet_padlocal_not-a-real-token'
const IGNORING_INBOX: ChatInbox = { onMessage: async () => {}, onJoin: async () => {}, onGroupsChanged: async () => {} }

let dataDir: string

beforeEach(async () => {
  dataDir = await mkdtemp(path.join(tmpdir(), 'qunguard-puppets-'))
})

afterEach(async () => {
  await rm(dataDir, { recursive: true, force: true })
})

describe('puppet choices', () => {
  it('offers the free web protocol by default, token services, and the demo puppet', () => {
    expect(DEFAULT_PUPPET).toBe('wechaty-puppet-wechat4u')
    expect(PUPPET_CHOICES.map((choice) => [choice.name, choice.needsToken])).toEqual([
      ['wechaty-puppet-wechat4u', false],
      ['wechaty-puppet-padlocal', true],
      ['wechaty-puppet-service', true],
      ['wechaty-puppet-mock', false],
    ])
    expect(PADPLUS_RETIRED_NOTE).toContain('2020-12-01')
  })

  it('refuses a token service without a token, before loading anything', async () => {
    for (const name of ['wechaty-puppet-padlocal', 'wechaty-puppet-service'] as const) {
      await expect(loadPuppet({ name, token: '  ' })).rejects.toBeInstanceOf(PuppetUnavailableError)
    }
  })

  it('loads the mock puppet by name', async () => {
    expect(await loadPuppet({ name: 'wechaty-puppet-mock' })).toBeInstanceOf(PuppetMock)
  })
})

describe('starting', () => {
  it('shows a failed start with the reason, the token blanked out', async () => {
    class RejectingPuppet extends PuppetMock {
      override async onStart(): Promise<void> {
        throw new Error(`token ${TOKEN} was rejected by the service`)
      }
    }
    const host = await BotHost.create({
      puppet: { name: 'wechaty-puppet-padlocal', token: TOKEN },
      puppetInstance: new RejectingPuppet(),
      dataDir,
    })
    host.attach(IGNORING_INBOX)
    await host.start()

    expect(host.loginState()).toMatchObject({ status: 'failed', error: 'token *** was rejected by the service' })
    expect(JSON.stringify(host.errors())).not.toContain(TOKEN)
    await host.stop()
  })

  it('keeps the puppet’s session in the data folder, for the next start', async () => {
    const world = new SimulatedWorld(Date.now)
    const host = await createSimulatedBot(world, { dataDir, now: Date.now })
    host.attach(IGNORING_INBOX)
    await startAndLogIn(host, world)
    // What a real puppet does after login (wechat4u stores its login data this way).
    await world.puppet.memory.set('session', { loggedIn: 'wxid_bot' })
    await world.puppet.memory.save()
    await host.stop()

    expect(existsSync(path.join(dataDir, `${SESSION_NAME}.memory-card.json`))).toBe(true)
  })
})
