// `npm run team` as a lead runs it: creating a team and tokens against a real PostgreSQL, clear usage errors, and the
// server started on a free port answering the token it printed.
import { spawn } from 'node:child_process'
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { TEAM_PATHS } from '../../shared/team/wire.ts'
import { ROOT } from './cli-harness.ts'
import { useTeamStack } from './team-harness.ts'

const stack = useTeamStack()

function team(args: string[], env: NodeJS.ProcessEnv = {}): { done: Promise<{ code: number | null; out: string }>; output(): string; stop(): void } {
  const child = spawn(process.execPath, [join(ROOT, 'node_modules/tsx/dist/cli.mjs'), 'electron/team/main.ts', ...args], {
    cwd: ROOT,
    env: { ...process.env, DATABASE_URL: '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let out = ''
  child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()))
  child.stderr.on('data', (chunk: Buffer) => (out += chunk.toString()))
  const done = new Promise<{ code: number | null; out: string }>((resolve) => child.once('exit', (code) => resolve({ code, out })))
  return { done, output: () => out, stop: () => void child.kill('SIGTERM') }
}

const tokenIn = (text: string) => /qgt_[A-Za-z0-9_-]{43}/.exec(text)?.[0]

describe('npm run team', () => {
  it('creates a team and a rep token, printed once, usable at once', async () => {
    const created = await team(['create-team', '--team', '华东一组', '--lead', '王经理', '--db', stack().cluster.url]).done
    expect(created.code).toBe(0)
    const leadToken = tokenIn(created.out)!
    expect(leadToken).toBeDefined()
    const issued = await team(['issue-token', '--team', '华东一组', '--name', '小周'], { DATABASE_URL: stack().cluster.url }).done
    expect(issued.code).toBe(0)
    expect(await stack().db.authenticate(tokenIn(issued.out)!)).toMatchObject({ teamName: '华东一组', name: '小周', role: 'rep' })

    const again = await team(['create-team', '--team', '华东一组', '--lead', '别人', '--db', stack().cluster.url]).done
    expect(again.code).toBe(1)
    expect(again.out).toContain('exists already')
  }, 60_000)

  it('says what is missing or wrong, with the usage', async () => {
    const noDb = await team([]).done
    expect(noDb.code).toBe(2)
    expect(noDb.out).toContain('--db or DATABASE_URL')
    const noTeam = await team(['issue-token', '--name', 'x', '--db', stack().cluster.url]).done
    expect(noTeam.code).toBe(2)
    expect(noTeam.out).toContain('--team is required')
    const badRole = await team(['issue-token', '--team', 't', '--name', 'x', '--role', 'boss', '--db', stack().cluster.url]).done
    expect(badRole.out).toContain('--role is rep or lead')
    expect((await team(['frobnicate', '--db', stack().cluster.url]).done).out).toContain('unknown command')
  }, 60_000)

  it('serves on the port asked for, and the printed address answers a token', async () => {
    const { token } = await stack().db.createTeam('cli-serve', 'lead')
    const server = team(['--port', '0', '--db', stack().cluster.url])
    try {
      const deadline = Date.now() + 20_000
      let url: string | undefined
      while (!(url = /team server on (http:\/\/\S+)/.exec(server.output())?.[1]) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50))
      expect(url).toBeDefined()
      const me = await fetch(url + TEAM_PATHS.me, { headers: { Authorization: `Bearer ${token}` } })
      expect(await me.json()).toEqual({ ok: true, result: { team: 'cli-serve', name: 'lead', role: 'lead' } })
    } finally {
      server.stop()
      expect((await server.done).code).toBe(0)
    }
  }, 60_000)

  it('--dev starts a throwaway cluster with a demo team, and removes it when stopped', async () => {
    const server = team(['--dev', '--port', '0'])
    try {
      const deadline = Date.now() + 30_000
      while (!/rep-1 token/.test(server.output()) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50))
      const url = /team server on (http:\/\/\S+)/.exec(server.output())![1]!
      const repToken = /rep-1 token: (\S+)/.exec(server.output())![1]!
      const me = await fetch(url + TEAM_PATHS.me, { headers: { Authorization: `Bearer ${repToken}` } })
      expect(await me.json()).toEqual({ ok: true, result: { team: 'demo', name: 'rep-1', role: 'rep' } })
    } finally {
      server.stop()
      expect((await server.done).code).toBe(0)
    }
    const dir = /throwaway PostgreSQL at (\S+);/.exec(server.output())![1]!
    expect(existsSync(dir)).toBe(false)
  }, 60_000)
})
