// The team server's door on a real PostgreSQL: tokens, teams kept apart, the lead's commands, refusals that change
// nothing, and plain HTTP from another machine refused.
import { execFileSync } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { request as httpsRequest } from 'node:https'
import { networkInterfaces, tmpdir } from 'node:os'
import { join } from 'node:path'
import { randomUUID } from 'node:crypto'
import fc from 'fast-check'
import { beforeEach, describe, expect, it } from 'vitest'
import { ApiError } from '../../shared/api/errors.ts'
import { TEAM_PATHS } from '../../shared/team/wire.ts'
import { plainHttpAllowed, startTeamServer } from '../../electron/team/team-server.ts'
import { TeamClient } from '../../electron/team-sync/team-client.ts'
import { FIRST_CURSOR } from '../../shared/team/changes.ts'
import { useTeamStack, type TeamStack } from './team-harness.ts'

const theStack = useTeamStack()
let stack: TeamStack
beforeEach(() => {
  stack = theStack()
})

const offender = (memberKey: string) => ({
  id: randomUUID(),
  kind: 'offender_added' as const,
  body: { memberKey, memberId: null, memberName: '某人', rule: '广告', reason: '加微信', groupTopic: '一群', at: Date.now() },
})

async function request(path: string, token: string | null, init: RequestInit = {}) {
  const response = await fetch(stack.server.url + path, {
    ...init,
    headers: { ...(token ? { Authorization: `Bearer ${token}` } : {}), 'Content-Type': 'application/json' },
  })
  return { status: response.status, body: (await response.json()) as { ok: boolean; error?: { code: string; message: string } } }
}

describe('the team server', () => {
  it('keeps only hashes of tokens, and refuses missing, wrong and revoked ones', async () => {
    const { team, leadToken, leadClient } = await stack.newTeam()
    const { token } = await stack.db.issueToken(team, 'rep-a', 'rep')
    const stored = await stack.db.pool.query<{ dump: string }>('SELECT string_agg(encode(token_hash, \'escape\') || name, \' \') AS dump FROM team_members')
    expect(stored.rows[0]!.dump).not.toContain(token)
    expect(stored.rows[0]!.dump).not.toContain(leadToken)

    expect(await new TeamClient(stack.server.url, token).me()).toEqual({ team, name: 'rep-a', role: 'rep' })
    for (const bad of [null, 'qgt_nope', token.slice(0, -1), `${token}x`]) {
      expect((await request(TEAM_PATHS.me, bad)).status).toBe(401)
    }
    await request(TEAM_PATHS.revoke, leadToken, { method: 'POST', body: JSON.stringify({ name: 'rep-a' }) })
    expect((await request(TEAM_PATHS.me, token)).status).toBe(401)
    // Revoking a rep leaves the lead's own token working.
    expect((await leadClient.me()).role).toBe('lead')
  })

  it('shows a rep only their own team', async () => {
    const one = await stack.newTeam()
    const two = await stack.newTeam()
    const repOne = new TeamClient(stack.server.url, (await stack.db.issueToken(one.team, 'r1', 'rep')).token)
    const repTwo = new TeamClient(stack.server.url, (await stack.db.issueToken(two.team, 'r2', 'rep')).token)
    await repOne.push([offender('stable:one-only')])
    await stack.db.publishPack(two.lead, '二队', [{ name: 'x', match: '广告' }], null)
    const seenByTwo = await repTwo.pull(FIRST_CURSOR, 1000)
    expect(seenByTwo.changes.map((change) => change.kind)).toEqual(['pack_published'])
    const seenByOne = await repOne.pull(FIRST_CURSOR, 1000)
    expect(seenByOne.changes.map((change) => change.kind)).toEqual(['offender_added'])
    expect(await stack.db.listOffenders(two.lead, { limit: 10 })).toEqual([])
  })

  it("a resent change is one change; a rep cannot do the lead's work", async () => {
    const { team, lead } = await stack.newTeam()
    const rep = new TeamClient(stack.server.url, (await stack.db.issueToken(team, 'r', 'rep')).token)
    const change = offender('stable:twice')
    expect(await rep.push([change])).toEqual({ accepted: 1 })
    expect(await rep.push([change])).toEqual({ accepted: 0 })
    expect((await rep.pull(FIRST_CURSOR, 100)).changes).toHaveLength(1)
    expect(await stack.db.listOffenders(lead, { limit: 10 })).toHaveLength(1)

    const repToken = (await stack.db.issueToken(team, 'r2', 'rep')).token
    for (const path of [TEAM_PATHS.packs, TEAM_PATHS.tokens, TEAM_PATHS.removeOffender, TEAM_PATHS.revoke]) {
      const refused = await request(path, repToken, { method: 'POST', body: '{}' })
      expect(refused.status).toBe(401)
      expect(refused.body.error?.message).toMatch(/lead/)
    }
    expect((await request(TEAM_PATHS.overview, repToken)).status).toBe(401)
  })

  it('refuses bad input saying what and where, and changes nothing', async () => {
    const { team, leadToken, lead } = await stack.newTeam()
    const rep = new TeamClient(stack.server.url, (await stack.db.issueToken(team, 'r', 'rep')).token)
    const refusedPush = await rep.push([{ ...offender('k'), body: { ...offender('k').body, memberKey: '' } }]).catch((error: ApiError) => error)
    expect(refusedPush).toBeInstanceOf(ApiError)
    expect((refusedPush as ApiError).message).toMatch(/changes\.0\.body\.memberKey/)
    const badPack = await request(TEAM_PATHS.packs, leadToken, { method: 'POST', body: JSON.stringify({ name: '坏', rules: [{ name: 'a', match: '(广告' }] }) })
    expect(badPack.status).toBe(400)
    expect(badPack.body.error?.message).toMatch(/rule "a"/)
    expect((await request(TEAM_PATHS.packs, leadToken, { method: 'POST', body: '{not json' })).status).toBe(400)
    expect((await request(`${TEAM_PATHS.changes}?after=1;drop`, leadToken)).status).toBe(400)
    expect((await request('/team/v1/nothing', leadToken)).status).toBe(404)
    expect((await rep.pull(FIRST_CURSOR, 100)).changes).toEqual([])
    expect(await stack.db.listOffenders(lead, { limit: 10 })).toEqual([])
  })

  it('survives hostile cursors and change bodies (fuzz): a clear refusal, never a crash or a hang', async () => {
    const { team } = await stack.newTeam()
    const token = (await stack.db.issueToken(team, 'fuzz', 'rep')).token
    await fc.assert(
      fc.asyncProperty(fc.string({ maxLength: 60 }), fc.jsonValue({ maxDepth: 3 }), async (cursor, body) => {
        const pulled = await request(`${TEAM_PATHS.changes}?after=${encodeURIComponent(cursor)}`, token)
        expect([200, 400]).toContain(pulled.status)
        const pushed = await request(TEAM_PATHS.changes, token, { method: 'POST', body: JSON.stringify({ changes: [{ id: randomUUID(), kind: 'offender_added', body }] }) })
        expect([200, 400]).toContain(pushed.status)
      }),
      { numRuns: 60 },
    )
    expect((await request(TEAM_PATHS.me, token)).status).toBe(200)
  })

  it('serves the admin page, which holds no token', async () => {
    const response = await fetch(stack.server.url + TEAM_PATHS.adminPage)
    const page = await response.text()
    expect(response.status).toBe(200)
    expect(page).toContain(TEAM_PATHS.overview)
    expect(page).not.toMatch(/qgt_[A-Za-z0-9_-]{20}/)
  })
})

describe('plain HTTP off loopback', () => {
  it('is allowed from this machine only, unless the operator says otherwise', () => {
    expect(plainHttpAllowed('127.0.0.1', false)).toBe(true)
    expect(plainHttpAllowed('::1', false)).toBe(true)
    expect(plainHttpAllowed('::ffff:127.0.0.1', false)).toBe(true)
    expect(plainHttpAllowed('192.0.2.7', false)).toBe(false)
    expect(plainHttpAllowed(undefined, false)).toBe(false)
    expect(plainHttpAllowed('192.0.2.7', true)).toBe(true)
  })

  const address = Object.values(networkInterfaces())
    .flat()
    .find((entry) => entry && entry.family === 'IPv4' && !entry.internal)?.address
  it.skipIf(!address)('is refused by a server listening on every address, before the token is looked at', async () => {
    const server = await startTeamServer({ db: stack.db, host: '0.0.0.0' })
    try {
      const response = await fetch(`http://${address}:${server.port}${TEAM_PATHS.me}`)
      expect(response.status).toBe(403)
      expect(((await response.json()) as { error: { message: string } }).error.message).toMatch(/HTTPS/)
      expect((await fetch(`http://127.0.0.1:${server.port}${TEAM_PATHS.me}`)).status).toBe(401)
    } finally {
      await server.close()
    }
  })
})

describe('HTTPS', () => {
  it('with --tls-cert/--tls-key, the server speaks TLS and answers a token over it', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'qunguard-tls-'))
    try {
      execFileSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-subj', '/CN=127.0.0.1', '-addext', 'subjectAltName=IP:127.0.0.1',
        '-keyout', join(dir, 'key.pem'), '-out', join(dir, 'cert.pem'), '-days', '1'], { stdio: 'ignore' })
      const cert = readFileSync(join(dir, 'cert.pem'))
      const server = await startTeamServer({ db: stack.db, tls: { cert, key: readFileSync(join(dir, 'key.pem')) } })
      try {
        expect(server.url).toMatch(/^https:/)
        const { team } = await stack.newTeam()
        const { token } = await stack.db.issueToken(team, 'tls-rep', 'rep')
        const body = await new Promise<string>((resolve, reject) => {
          const req = httpsRequest(`${server.url}${TEAM_PATHS.me}`, { ca: cert, headers: { Authorization: `Bearer ${token}` } }, (res) => {
            let text = ''
            res.on('data', (chunk: Buffer) => (text += chunk.toString()))
            res.on('end', () => resolve(text))
          })
          req.on('error', reject)
          req.end()
        })
        expect(JSON.parse(body)).toEqual({ ok: true, result: { team, name: 'tls-rep', role: 'rep' } })
      } finally {
        await server.close()
      }
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  })
})
