// The contract suite, part one: groups, rules, settings, secrets, and inputs the API must refuse without changing anything.
import { readdirSync, readFileSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { ApiError } from '../../shared/api/contract.ts'
import type { GroupView, RuleView } from '../../shared/api/types.ts'
import { DEFAULT_SETTINGS } from '../../shared/policy/settings.ts'
import { RULES, type ApiEnv } from './api-harness.ts'

/** Resolves to the ApiError the call was refused with; fails the test when the call succeeds. */
export async function refusal(call: Promise<unknown>): Promise<ApiError> {
  const outcome = await call.then(
    (result) => ({ result }),
    (error: unknown) => ({ error }),
  )
  if (!('error' in outcome)) throw new Error(`expected a refusal, got ${JSON.stringify(outcome.result)}`)
  expect(outcome.error).toBeInstanceOf(ApiError)
  return outcome.error as ApiError
}

/** What a refused call must leave as it was. */
export async function snapshot(env: ApiEnv) {
  const { api } = env
  return {
    rules: await api.listRules({}),
    settings: await api.getSettings({}),
    groups: await api.listGroups({}),
    allowList: await api.listAllowList({}),
    feed: await api.listFeed({ limit: 500 }),
  }
}

const UNSET = { set: false, hint: null }
const ROLES_YES = { removal: 'yes', repIsAdmin: false, rolesKnown: true, staff: [] }
const ROLES_NO = { ...ROLES_YES, removal: 'no' }

export function configTests(env: () => ApiEnv): void {
  describe('groups', () => {
    const byTopic = (groups: GroupView[]) => Object.fromEntries(groups.map((group) => [group.topic, group]))

    it('lists the account’s groups, with who can remove members, and finds them by topic', async () => {
      const { api, groupId } = env()
      const groups = byTopic(await api.listGroups({}))
      expect(groups).toEqual({
        福利一群: { id: groupId('shop'), topic: '福利一群', memberCount: 4, monitored: true, quiet: false, botCanRemove: true, warnings7d: 0, removals7d: 0, ...ROLES_YES },
        母婴大群: { id: groupId('big'), topic: '母婴大群', memberCount: 48, monitored: true, quiet: false, botCanRemove: true, warnings7d: 0, removals7d: 0, ...ROLES_YES },
        别人的群: { id: groupId('other'), topic: '别人的群', memberCount: 4, monitored: true, quiet: false, botCanRemove: false, warnings7d: 0, removals7d: 0, ...ROLES_NO },
      })
      expect((await api.listGroups({ search: ' 大群 ' })).map((group) => group.id)).toEqual([groupId('big')])
      expect(await api.listGroups({ search: '没有这个群' })).toEqual([])
    })

    it('switches monitoring for several groups at once; an unmonitored group is left alone', async () => {
      const { api, events, groupId } = env()
      const from = events.mark()
      const views = await api.setGroupsMonitored({ groupIds: [groupId('shop'), groupId('big')], monitored: false })
      expect(byTopic(views)).toMatchObject({ 福利一群: { monitored: false }, 母婴大群: { monitored: false }, 别人的群: { monitored: true } })
      expect(await events.waitFor((event) => event.type === 'groups' && event.groups.some((g) => !g.monitored), from)).toEqual({ type: 'groups', groups: views })
      expect(await api.listGroups({})).toEqual(views)

      await env().say('shop', '小王', '代购奶粉')
      expect((await api.listFeed({ kinds: ['warning', 'removal', 'alert'] })).items).toEqual([])
      expect(await api.listHistory({})).toEqual([])
    })

    it('refuses a bulk change naming an unknown group, and changes none of the others', async () => {
      const { api, groupId } = env()
      const before = await api.listGroups({})
      const monitored = await refusal(api.setGroupsMonitored({ groupIds: [groupId('shop'), 'nope@chatroom'], monitored: false }))
      expect(monitored.code).toBe('not_found')
      expect(monitored.message).toContain('nope@chatroom')
      const quiet = await refusal(api.setGroupsQuiet({ groupIds: ['gone@chatroom', groupId('big'), 'nope@chatroom'], quiet: true }))
      expect(quiet).toMatchObject({ code: 'not_found', message: 'unknown groups: gone@chatroom, nope@chatroom' })
      expect((await refusal(api.setGroupsQuiet({ groupIds: [], quiet: true }))).code).toBe('bad_input')
      expect(await api.listGroups({})).toEqual(before)

      const views = await api.setGroupsQuiet({ groupIds: [groupId('other'), groupId('big')], quiet: true })
      expect(byTopic(views)).toMatchObject({ 福利一群: { quiet: false }, 母婴大群: { quiet: true }, 别人的群: { quiet: true } })
    })
  })

  describe('rules', () => {
    const names = (rules: RuleView[]) => rules.map((rule) => rule.name)

    it('lists the saved rules with their defaults and no precision before any verdict', async () => {
      const rules = await env().api.listRules({})
      const unjudged = { confirmed: 0, falsePositive: 0, precision: null }
      const defaults = { reply: null, enabled: true, scope: 'all', dryRun: false, ...unjudged }
      expect(rules).toEqual([
        { name: '广告', match: '代购 | 加微信', action: 'warn', ...defaults },
        { name: '赌博', match: '赌博', action: 'remove', ...defaults },
        { name: '返利', match: '返利', action: 'alert', ...defaults },
      ])
    })

    it('refuses rules with problems, says where each one is, and keeps the saved rules', async () => {
      const { api } = env()
      const before = await api.listRules({})
      const result = await api.saveRules({
        rules: [RULES[0], { name: '坏规则', match: '代购\n| (加微信' }, { name: '', match: 'x' }, { name: '广告', match: 'y' }],
      })
      expect(result).toEqual({
        ok: false,
        problems: [
          {
            rule: '坏规则',
            index: 1,
            message: "unclosed '(': add the missing ')'",
            code: 'unclosed_open',
            params: {},
            position: { line: 2, column: 3, offset: 5 },
          },
          {
            rule: '#3',
            index: 2,
            message: 'name: a rule needs a name',
            code: 'bad_field',
            params: { field: 'name', reason: 'a rule needs a name' },
          },
          { rule: '广告', index: 3, message: 'another rule already has this name', code: 'duplicate_name' },
        ],
      })
      expect(await api.listRules({})).toEqual(before)
      await env().say('shop', '小王', '加微信')
      expect((await api.listFeed({ kinds: ['warning'] })).items.map((event) => event.rule)).toEqual(['广告'])
    })

    it('saves a new rule list that the guard applies at once', async () => {
      const { api, events } = env()
      const from = events.mark()
      const saved = await api.saveRules({ rules: [...RULES, { name: '返现', match: '返现', action: 'alert', reply: null }] })
      if (!saved.ok) throw new Error(JSON.stringify(saved.problems))
      expect(names(saved.rules)).toEqual(['广告', '赌博', '返利', '返现'])
      expect(await api.listRules({})).toEqual(saved.rules)
      expect(await events.waitFor((event) => event.type === 'rules', from)).toEqual({ type: 'rules', rules: saved.rules })

      const messageId = await env().say('shop', '老张', '下单返现十元')
      expect(await events.feed({ messageId, kind: 'alert' }, from)).toMatchObject({ rule: '返现', memberName: '老张' })
    })

    it('reorders the rules, so the first match in the new order decides', async () => {
      const { api, events } = env()
      const reordered = await api.reorderRules({ names: ['赌博', '返利', '广告'] })
      expect(names(reordered)).toEqual(['赌博', '返利', '广告'])
      expect(await api.listRules({})).toEqual(reordered)
      const from = events.mark()
      const messageId = await env().say('shop', '小王', '代购 赌博')
      expect(await events.feed({ messageId, status: 'done' }, from)).toMatchObject({ kind: 'removal', rule: '赌博' })
    })

    it('refuses an order that is not a permutation of the current rules', async () => {
      const { api } = env()
      const before = await api.listRules({})
      for (const wrong of [['赌博', '广告'], ['赌博', '广告', '广告'], ['赌博', '广告', '返利', '新规则'], ['赌博', '广告', '没有']]) {
        const error = await refusal(api.reorderRules({ names: wrong }))
        expect(error).toMatchObject({ code: 'conflict', message: 'a new order must name every current rule exactly once' })
      }
      expect(await api.listRules({})).toEqual(before)
    })
  })

  describe('settings and secrets', () => {
    it('shows the settings with every secret unset, and saves changes', async () => {
      const { api, events } = env()
      expect(await api.getSettings({})).toEqual({
        ...DEFAULT_SETTINGS,
        secrets: { puppetToken: UNSET, speechApiKey: UNSET, speechSecretKey: UNSET, llmApiKey: UNSET },
      })
      const from = events.mark()
      const view = await api.updateSettings({ warningsBeforeRemoval: 1, language: 'en' })
      expect(view).toMatchObject({ warningsBeforeRemoval: 1, language: 'en', quietMode: false })
      expect(await api.getSettings({})).toEqual(view)
      expect(await events.waitFor((event) => event.type === 'settings', from)).toEqual({ type: 'settings', settings: view })

      // One warning is now all a member gets.
      await env().say('shop', '小王', '代购')
      const second = await env().say('shop', '小王', '代购')
      expect(await events.feed({ messageId: second, status: 'done' }, from)).toMatchObject({ kind: 'removal' })
    })

    it('refuses a bad value, an unknown setting and the puppet, and changes nothing', async () => {
      const { api } = env()
      const before = await api.getSettings({})
      const bad: [changes: Record<string, unknown>, complaint: string][] = [
        [{ warningsBeforeRemoval: 99 }, 'warningsBeforeRemoval: '],
        [{ quietMode: 'yes' }, 'quietMode: '],
        [{ dryRun: true, language: 'fr' }, 'language: '],
        [{ puppet: 'wechaty-puppet-mock' }, 'Unrecognized key: "puppet"'],
        [{ dryRun: true, colour: 'blue' }, 'Unrecognized key: "colour"'],
      ]
      for (const [changes, complaint] of bad) {
        const error = await refusal(env().client.call('updateSettings', changes))
        expect(error.code).toBe('bad_input')
        expect(error.message).toMatch(/^updateSettings: /)
        expect(error.message).toContain(complaint)
      }
      expect(await api.getSettings({})).toEqual(before)
    })

    it('keeps secrets: only whether one is set and its last characters ever come back', async () => {
      const { api, events, dataDir } = env()
      const token = 'puppet-token-SECRET-9f3a'
      const view = await api.setSecret({ name: 'puppetToken', value: token })
      expect(view.secrets).toEqual({ puppetToken: { set: true, hint: '…9f3a' }, speechApiKey: UNSET, speechSecretKey: UNSET, llmApiKey: UNSET })
      expect((await api.setSecret({ name: 'speechApiKey', value: 'short' })).secrets.speechApiKey).toEqual({ set: true, hint: null })
      const settings = await api.getSettings({})
      expect(settings.secrets.puppetToken).toEqual({ set: true, hint: '…9f3a' })
      expect(JSON.stringify([view, settings, events.events])).not.toContain('SECRET')

      // On disk only in the secrets file, readable by this user alone.
      expect(statSync(join(dataDir, 'secrets.json')).mode & 0o777).toBe(0o600)
      for (const file of readdirSync(dataDir).filter((name) => name.startsWith('qunguard.sqlite'))) {
        expect(readFileSync(join(dataDir, file)).includes(token)).toBe(false)
      }
      expect((await api.setSecret({ name: 'puppetToken', value: '' })).secrets.puppetToken).toEqual(UNSET)
    })
  })

  describe('inputs the API refuses', () => {
    const cases: [method: string, input: unknown, code: ApiError['code'], message: string | RegExp][] = [
      ['listGroups', { search: 5 }, 'bad_input', 'listGroups: search: Invalid input: expected string, received number'],
      ['listGroups', 'everything', 'bad_input', 'listGroups: input: Invalid input: expected object, received string'],
      ['getLoginState', { verbose: true }, 'bad_input', 'getLoginState: input: Unrecognized key: "verbose"'],
      ['listFeed', { limit: 0 }, 'bad_input', /^listFeed: limit: /],
      ['listFeed', { kinds: ['warning', 'gossip'] }, 'bad_input', /^listFeed: kinds\.1: /],
      ['pardon', { eventId: '1' }, 'bad_input', 'pardon: eventId: Invalid input: expected number, received string'],
      ['undoRemoval', { eventId: 1.5 }, 'bad_input', /^undoRemoval: eventId: /],
      ['resolveReview', { eventId: 1, decision: 'ban' }, 'bad_input', /^resolveReview: decision: /],
      ['saveRules', { rules: '广告' }, 'bad_input', /^saveRules: rules: /],
      ['setGroupsMonitored', { groupIds: ['x'], monitored: 'yes' }, 'bad_input', /^setGroupsMonitored: monitored: /],
      ['setSecret', { name: 'password', value: 'x' }, 'bad_input', /^setSecret: name: /],
      ['addToAllowList', { memberKey: '', name: 'x' }, 'bad_input', /^addToAllowList: memberKey: /],
      ['choosePuppet', { puppet: 'wechaty-puppet-padplus' }, 'bad_input', /^choosePuppet: puppet: /],
      ['dropDatabase', {}, 'not_found', 'unknown method "dropDatabase"'],
      ['constructor', {}, 'not_found', 'unknown method "constructor"'],
      ['__proto__', {}, 'not_found', 'unknown method "__proto__"'],
    ]

    it('says what is wrong with a bad input or an unknown method, and changes nothing', async () => {
      const before = await snapshot(env())
      for (const [method, input, code, message] of cases) {
        const error = await refusal(env().client.call(method, input))
        expect({ method, code: error.code }).toEqual({ method, code })
        expect(error.message).toMatch(message)
      }
      expect(await snapshot(env())).toEqual(before)
    })

    it('refuses commands the current state does not allow, naming the event', async () => {
      const { api } = env()
      const before = await snapshot(env())
      for (const call of [
        api.pardon({ eventId: 9999 }),
        api.undoRemoval({ eventId: 9999 }),
        api.setVerdict({ eventId: 9999, verdict: 'confirmed' }),
        api.resolveReview({ eventId: 9999, decision: 'warn' }),
      ]) {
        expect(await refusal(call)).toMatchObject({ code: 'not_found', message: 'there is no event 9999' })
      }
      expect(await refusal(api.removeFromAllowList({ memberKey: 'stable:nobody' }))).toMatchObject({ code: 'not_found' })
      expect(await snapshot(env())).toEqual(before)
    })
  })
}
