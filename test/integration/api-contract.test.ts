// "One API, two doors": the same suite over a direct dispatch client and over the HTTP/WebSocket door, against the
// real service on a simulated WeChat account. Every method of the contract must be exercised through each door.
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { startEnv, TRANSPORTS, uncalled, type ApiEnv } from './api-harness.ts'
import { configTests } from './api-suite-config.ts'
import { loginTests } from './api-suite-login.ts'
import { memberTests } from './api-suite-member.ts'
import { needsRepTests } from './api-suite-needs-rep.ts'
import { moderationTests } from './api-suite-moderation.ts'
import { voiceTests } from './api-suite-voice.ts'
import { removalTests } from './api-suite-removal.ts'
import { signalsTests } from './api-suite-signals.ts'
import { dataTests } from './api-suite-data.ts'
import { teamTests } from './api-suite-team.ts'
import { healthTests } from './api-suite-health.ts'

describe.each(TRANSPORTS)('the API through $name', (transport) => {
  const called = new Set<string>()
  let current: ApiEnv | null = null
  const env = () => current!

  beforeEach(async () => {
    current = await startEnv(transport, called)
  })
  afterEach(async () => {
    await current?.close()
    current = null
  })

  loginTests(env)
  configTests(env)
  moderationTests(env)
  voiceTests(env)
  removalTests(env)
  signalsTests(env)
  memberTests(env)
  needsRepTests(env)
  dataTests(env, transport, called)
  teamTests(env)
  healthTests(env)

  it('has exercised every method of the contract', () => {
    expect(uncalled(called)).toEqual([])
  })
})
