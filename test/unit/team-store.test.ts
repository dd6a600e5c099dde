// The rep's team tables on a real SQLite file: the outbox the triggers fill where removals are recorded, pages applied
// with the cursor in one transaction, idempotent upserts, version wins, and leaving.
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { openStore, type Store } from '../../electron/store/index.ts'
import type { ChangePage, TeamChange } from '../../shared/team/changes.ts'
import { CHANGE_PAGE_SCHEMA, FIRST_CURSOR, TEAM_PUSH_SCHEMA } from '../../shared/team/changes.ts'
import fc from 'fast-check'

let dir: string
let store: Store
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'qunguard-team-store-'))
  store = openStore(join(dir, 'qunguard.sqlite'))
})
afterEach(() => {
  store.close()
  rmSync(dir, { recursive: true, force: true })
})

const join_ = () => store.team.join({ serverUrl: 'https://team.example.com', team: '一组', rep: '小周', role: 'rep', joinedAt: 1 })
const removal = (memberKey: string, options: { dryRun?: boolean } = {}) =>
  store.events.add({ kind: 'removal', at: 5, memberKey, memberId: 'm1', memberName: '营销号', rule: '广告', text: '加微信', status: 'pending', dryRun: options.dryRun ?? false })

const added = (id: string, memberKey: string, author = '小吴'): TeamChange => ({
  id,
  author,
  at: 10,
  kind: 'offender_added',
  body: { memberKey, memberId: null, memberName: null, rule: '广告', reason: null, groupTopic: '二群', at: 10 },
})
const pack = (version: number, rules: { name: string; match: string }[]): TeamChange => ({
  id: `00000000-0000-4000-8000-00000000000${version}`,
  author: 'lead',
  at: 20,
  kind: 'pack_published',
  body: { name: '通用', version, rules, notes: null },
})
const page = (from: string, to: string, changes: TeamChange[]): ChangePage => ({ from, to, changes, more: false })

describe('the outbox', () => {
  it('gets every removal that happened, once, with a UUID made here; not dry runs, not outside a team', () => {
    store.events.setStatus(removal('stable:before'), 'done')
    expect(store.team.outbox(10)).toEqual([])
    join_()
    const id = removal('stable:a')
    store.events.setStatus(id, 'done')
    store.events.setStatus(id, 'done')
    store.events.setStatus(removal('stable:dry', { dryRun: true }), 'done')
    store.events.setStatus(removal('stable:failed'), 'failed')
    const [entry, ...rest] = store.team.outbox(10)
    expect(rest).toEqual([])
    expect(entry!.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/)
    expect(entry).toMatchObject({ kind: 'offender_added', body: { memberKey: 'stable:a', memberId: 'm1', memberName: '营销号', rule: '广告', reason: '加微信', groupTopic: null, at: 5 } })
    store.team.sent([entry!.id])
    expect(store.team.outboxSize()).toBe(0)
  })

  it('an undo proposes taking them off, drops the unsent entry and stops treating them as a team offender here', () => {
    join_()
    const id = removal('stable:a')
    store.events.setStatus(id, 'done')
    store.team.applyPage(page(FIRST_CURSOR, '1.1', [added('00000000-0000-4000-8000-000000000001', 'stable:a')]))
    store.events.markOverridden(id)
    expect(store.team.outbox(10).map((entry) => entry.kind)).toEqual(['undo_proposed'])
    expect(store.team.listedOffender('stable:a')).toBeNull()
    // This rep's own entry coming back later does not undo the undo.
    store.team.applyPage(page('1.1', '1.2', [added('00000000-0000-4000-8000-000000000002', 'stable:a', '小周')]))
    expect(store.team.listedOffender('stable:a')).toBeNull()
  })
})

describe('applying pages', () => {
  it('moves the cursor with the changes, refuses a page from elsewhere, and applies a repeat as nothing new', () => {
    join_()
    const first = added('00000000-0000-4000-8000-000000000001', 'stable:x')
    expect(store.team.applyPage(page('9.9', '10.1', [first]))).toBeNull()
    expect(store.team.listedOffender('stable:x')).toBeNull()
    expect(store.team.applyPage(page(FIRST_CURSOR, '10.1', [first]))).toEqual({ updatedPacks: [] })
    expect(store.team.link()!.cursor).toBe('10.1')
    store.team.applyPage(page('10.1', '10.2', [first]))
    expect(store.team.offenderCount()).toBe(1)
    store.team.applyPage(page('10.2', '10.3', [{ id: '00000000-0000-4000-8000-00000000000f', author: 'lead', at: 30, kind: 'offender_removed', body: { memberKey: 'stable:x', entryIds: [first.id] } }]))
    expect(store.team.listedOffender('stable:x')).toBeNull()
  })

  it('keeps the higher pack version whatever arrives later, and bumps the rules only while subscribed', () => {
    join_()
    const revision = store.rules.revision()
    store.team.applyPage(page(FIRST_CURSOR, '1.1', [pack(2, [{ name: 'a', match: 'x' }])]))
    expect(store.rules.revision()).toBe(revision)
    store.team.setSubscribed('通用', true)
    expect(store.team.activeRules().map((rule) => rule.name)).toEqual(['通用 · a'])
    const older = store.team.applyPage(page('1.1', '1.2', [pack(1, [{ name: 'old', match: 'y' }])]))
    expect(older).toEqual({ updatedPacks: [] })
    expect(store.team.packs()[0]!.version).toBe(2)
    const newer = store.team.applyPage(page('1.2', '1.3', [pack(3, [{ name: 'a', match: 'x | z' }])]))
    expect(newer!.updatedPacks).toEqual([{ name: '通用', version: 3, author: 'lead', diff: { added: [], removed: [], changed: [{ name: 'a', fields: ['match'] }] } }])
    expect(store.rules.revision()).toBeGreaterThan(revision)
  })

  it('leaving forgets the team and its data, and a new join starts from the first cursor', () => {
    join_()
    store.team.applyPage(page(FIRST_CURSOR, '1.1', [added('00000000-0000-4000-8000-000000000001', 'stable:x'), pack(1, [{ name: 'a', match: 'x' }])]))
    store.team.leave()
    expect(store.team.link()).toBeNull()
    expect(store.team.offenderCount()).toBe(0)
    expect(store.team.packs()).toEqual([])
    join_()
    expect(store.team.link()!.cursor).toBe(FIRST_CURSOR)
  })
})

describe('what a server sends (fuzz)', () => {
  const uuid = fc.uuid({ version: 4 })
  const change = fc.oneof(
    fc.record({ id: uuid, author: fc.string({ maxLength: 10 }), at: fc.integer(), kind: fc.constant('offender_added'), body: fc.record({ memberKey: fc.string({ minLength: 1, maxLength: 20 }), memberId: fc.constant(null), memberName: fc.option(fc.string()), rule: fc.option(fc.string()), reason: fc.option(fc.string()), groupTopic: fc.option(fc.string()), at: fc.nat() }) }),
    fc.record({ id: uuid, author: fc.string({ maxLength: 10 }), at: fc.integer(), kind: fc.constant('offender_removed'), body: fc.record({ memberKey: fc.string(), entryIds: fc.array(uuid, { maxLength: 3 }) }) }),
    fc.record({ id: uuid, author: fc.string({ maxLength: 10 }), at: fc.integer(), kind: fc.constant('pack_published'), body: fc.record({ name: fc.string({ minLength: 1, maxLength: 8 }), version: fc.integer({ min: 1, max: 5 }), rules: fc.array(fc.record({ name: fc.stringMatching(/^[a-z]{1,6}$/), match: fc.string({ maxLength: 10 }) }), { maxLength: 3 }), notes: fc.constant(null) }) }),
  )

  it('refuses any JSON that is not a page or a push, without throwing', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        expect(() => TEAM_PUSH_SCHEMA.safeParse(value)).not.toThrow()
        expect(() => CHANGE_PAGE_SCHEMA.safeParse(value)).not.toThrow()
      }),
    )
  })

  it('applies any well-formed page in full or not at all, moving the cursor only with it', () => {
    join_()
    let cursor = FIRST_CURSOR
    fc.assert(
      fc.property(fc.array(change, { maxLength: 6 }), fc.nat(), (changes, n) => {
        const next = `${n}.${changes.length}`
        const parsed = CHANGE_PAGE_SCHEMA.parse({ from: cursor, to: next, more: false, changes })
        expect(store.team.applyPage(parsed as ChangePage)).not.toBeNull()
        cursor = next
        expect(store.team.link()!.cursor).toBe(cursor)
        expect(() => store.team.activeRules()).not.toThrow()
      }),
      { numRuns: 100 },
    )
  })
})
