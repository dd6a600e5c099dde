// The contract suite, part three: the WeChat login as the window drives it, and switching puppets.
import { describe, expect, it } from 'vitest'
import type { ApiEvent } from '../../shared/api/contract.ts'
import type { LoginStatus } from '../../shared/api/types.ts'
import { LOGIN_QR_URL } from '../../electron/sim/simulated-world.ts'
import type { ApiEnv } from './api-harness.ts'
import { refusal } from './api-suite-config.ts'

const loginStatus = (status: LoginStatus) => (event: ApiEvent) => event.type === 'login' && event.state.status === status

export function loginTests(env: () => ApiEnv): void {
  describe('login', () => {
    it('streams the QR flow and shows who is logged in', async () => {
      const { api, events, world } = env()
      const flow = events.events.flatMap((event) => (event.type === 'login' ? [[event.state.status, event.state.qrUrl]] : []))
      expect(flow).toEqual([
        ['waiting', LOGIN_QR_URL],
        ['scanned', null],
        ['confirmed', null],
        ['logged-in', null],
      ])
      expect(await api.getLoginState({})).toEqual({
        status: 'logged-in',
        puppet: 'wechaty-puppet-mock',
        qrUrl: null,
        account: { id: world.selfId, name: 'bot' },
        error: null,
        since: expect.any(Number),
      })
      expect((await api.listFeed({ kinds: ['login'] })).items).toMatchObject([{ detail: { puppet: 'wechaty-puppet-mock', account: { name: 'bot' } } }])
    })

    it('logs out and in again, keeping the groups', async () => {
      const { api, events } = env()
      let from = events.mark()
      await api.logout({})
      await events.waitFor(loginStatus('logged-out'), from, 'the logout')
      expect(await api.getLoginState({})).toMatchObject({ status: 'logged-out', account: null })
      expect((await api.listFeed({ kinds: ['login', 'logout'] })).items.map((event) => event.kind)).toEqual(['logout', 'login'])
      // Logging out twice is harmless.
      expect((await api.logout({})).status).toBe('logged-out')

      from = events.mark()
      expect((await api.login({})).status).toBe('starting')
      await env().logIn()
      await events.waitFor(loginStatus('logged-in'), from, 'the second login')
      expect(await api.getLoginState({})).toMatchObject({ status: 'logged-in', account: { name: 'bot' } })
      expect((await api.login({})).status).toBe('logged-in')
      expect((await api.listGroups({})).map((group) => group.topic).sort()).toEqual(['别人的群', '母婴大群', '福利一群'])
    })

    it('switches puppets: one that needs a token fails saying so, and the demo puppet works again', async () => {
      const { api, events } = env()
      const firstWorld = env().world
      const savedBefore = (await api.getSettings({})).puppet
      let from = events.mark()
      const failed = await api.choosePuppet({ puppet: 'wechaty-puppet-service' })
      expect(failed).toEqual({
        status: 'failed',
        puppet: 'wechaty-puppet-service',
        qrUrl: null,
        account: null,
        error: 'wechaty-puppet-service cannot be used: a token is required',
        since: expect.any(Number),
      })
      expect(await events.waitFor(loginStatus('failed'), from)).toEqual({ type: 'login', state: failed })
      expect(await api.getLoginState({})).toEqual(failed)
      // A puppet that did not start is not saved: the next start of the app runs the previous choice.
      expect((await api.getSettings({})).puppet).toBe(savedBefore)
      expect((await refusal(api.choosePuppet({ puppet: 'wechaty-puppet-padplus' } as never))).code).toBe('bad_input')

      from = events.mark()
      expect((await api.choosePuppet({ puppet: 'wechaty-puppet-mock' })).status).toBe('starting')
      expect(env().world).not.toBe(firstWorld)
      await env().logIn()
      await events.waitFor(loginStatus('logged-in'), from)
      expect((await api.getSettings({})).puppet).toBe('wechaty-puppet-mock')

      // The guard acts through the new bot.
      const messageId = await env().say('shop', '小王', '代购')
      expect(await events.feed({ messageId, status: 'done' }, from)).toMatchObject({ kind: 'warning' })
      expect(env().world.sent().filter((sent) => sent.roomId === env().groupId('shop'))).toHaveLength(1)
    })
  })
}
