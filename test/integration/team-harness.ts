// A real team stack for tests: a throwaway PostgreSQL cluster, the team database and the team server on 127.0.0.1,
// and reps made of the real guard on real SQLite files (the guard harness) following the team with the real sync.
import { randomUUID } from 'node:crypto'
import { afterAll, beforeAll } from 'vitest'
import { openTeamDatabase, type TeamDatabase, type TeamMember } from '../../electron/team/team-db.ts'
import { startTeamServer, type TeamServer } from '../../electron/team/team-server.ts'
import { startThrowawayCluster, type ThrowawayCluster } from '../../electron/team/throwaway-cluster.ts'
import { startTeamSync, type TeamSync } from '../../electron/team-sync/team-sync.ts'
import { TeamClient } from '../../electron/team-sync/team-client.ts'
import { createHarness, type Harness } from './guard-harness.ts'

export interface TeamStack {
  cluster: ThrowawayCluster
  db: TeamDatabase
  server: TeamServer
  /** A new team with its lead; returns the lead's token and member record. */
  newTeam(): Promise<{ team: string; leadToken: string; lead: TeamMember; leadClient: TeamClient }>
  close(): Promise<void>
}

export async function startTeamStack(): Promise<TeamStack> {
  const cluster = await startThrowawayCluster()
  const db = await openTeamDatabase(cluster.url, { maxConnections: 40 })
  const server = await startTeamServer({ db })
  return {
    cluster,
    db,
    server,
    async newTeam() {
      const team = `team-${randomUUID().slice(0, 8)}`
      const { token } = await db.createTeam(team, 'lead')
      return { team, leadToken: token, lead: (await db.authenticate(token))!, leadClient: new TeamClient(server.url, token) }
    },
    async close() {
      await server.close()
      await db.close()
      await cluster.stop()
    },
  }
}

/** One stack for the enclosing file or describe block, started before its tests and stopped after. */
export function useTeamStack(): () => TeamStack {
  let stack: TeamStack | undefined
  beforeAll(async () => {
    stack = await startTeamStack()
  }, 60_000)
  afterAll(async () => {
    await stack?.close()
  })
  return () => stack!
}

export interface Rep {
  name: string
  h: Harness
  sync: TeamSync | null
  token: string
  /** Starts (or restarts) following the team. */
  online(): void
  offline(): Promise<void>
  close(): Promise<void>
}

export async function joinRep(stack: TeamStack, team: string, name: string, settings: Parameters<typeof createHarness>[0] = {}): Promise<Rep> {
  const { token } = await stack.db.issueToken(team, name, 'rep')
  const h = await createHarness(settings)
  const identity = await new TeamClient(stack.server.url, token).me()
  h.store.team.join({ serverUrl: stack.server.url, team: identity.team, rep: identity.name, role: identity.role, joinedAt: h.now() })
  const rep: Rep = {
    name,
    h,
    sync: null,
    token,
    online() {
      rep.sync = startTeamSync({ store: h.store, token, clock: h.now })
    },
    async offline() {
      await rep.sync?.stop()
      rep.sync = null
    },
    async close() {
      await rep.offline()
      h.close()
    },
  }
  rep.online()
  return rep
}

/** Waits until `check` holds, polling: changes travel over sockets and timers. */
export async function eventually(check: () => boolean | Promise<boolean>, what: string, timeoutMs = 15_000): Promise<void> {
  const deadline = Date.now() + timeoutMs
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`)
    await new Promise((resolve) => setTimeout(resolve, 20))
  }
}
