// A throwaway PostgreSQL cluster for tests, the bench and `npm run team -- --dev`: initdb into a temporary folder,
// pg_ctl on a free port with its socket in that folder, deleted when stopped. It needs no running service. PostgreSQL
// refuses to run as root, so under root (CI) the server runs as the `postgres` user Debian's package creates.
import { execFile } from 'node:child_process'
import { chownSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { createServer } from 'node:net'
import { userInfo } from 'node:os'
import { join } from 'node:path'
import { tmpdir } from 'node:os'

const DEFAULT_BIN_DIR = '/usr/lib/postgresql/15/bin'
const SUPERUSER = 'qunguard'

export interface ThrowawayCluster {
  /** postgres://qunguard@127.0.0.1:PORT/postgres: trust authentication on loopback only. */
  url: string
  port: number
  dir: string
  stop(): Promise<void>
}

interface RunAs {
  uid: number
  gid: number
}

function run(binary: string, args: string[], runAs: RunAs | null): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile(binary, args, { ...(runAs ?? {}), env: { ...process.env, LC_ALL: 'C' } }, (error, stdout, stderr) => {
      if (error) reject(new Error(`${binary.split('/').at(-1)} ${args[0] ?? ''} failed: ${stderr.trim() || error.message}`))
      else resolve(stdout)
    })
  })
}

async function idOf(user: string): Promise<RunAs> {
  const [uid, gid] = await Promise.all([run('id', ['-u', user], null), run('id', ['-g', user], null)])
  return { uid: Number(uid.trim()), gid: Number(gid.trim()) }
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer()
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number }
      server.close(() => resolve(port))
    })
  })
}

export async function startThrowawayCluster(options: { binDir?: string } = {}): Promise<ThrowawayCluster> {
  const binDir = options.binDir ?? process.env.QUNGUARD_PG_BIN ?? DEFAULT_BIN_DIR
  const runAs = userInfo().uid === 0 ? await idOf('postgres') : null
  const dir = mkdtempSync(join(tmpdir(), 'qunguard-pg-'))
  const dataDir = join(dir, 'data')
  if (runAs) chownSync(dir, runAs.uid, runAs.gid)
  const port = await freePort()
  try {
    await run(join(binDir, 'initdb'), ['-D', dataDir, '-U', SUPERUSER, '--auth=trust', '-E', 'UTF8', '--no-sync'], runAs)
    // Speed over durability: the cluster is thrown away. Loopback TCP only, the socket in the temporary folder.
    writeFileSync(
      join(dataDir, 'postgresql.auto.conf'),
      [`port = ${port}`, `listen_addresses = '127.0.0.1'`, `unix_socket_directories = '${dir}'`, 'fsync = off',
        'synchronous_commit = off', 'full_page_writes = off', 'max_connections = 300', ''].join('\n'),
    )
    if (runAs) chownSync(join(dataDir, 'postgresql.auto.conf'), runAs.uid, runAs.gid)
    await run(join(binDir, 'pg_ctl'), ['start', '-D', dataDir, '-w', '-l', join(dir, 'server.log'), '-o', '-c logging_collector=off'], runAs)
  } catch (error) {
    rmSync(dir, { recursive: true, force: true })
    throw error
  }
  let stopped = false
  return {
    url: `postgres://${SUPERUSER}@127.0.0.1:${port}/postgres`,
    port,
    dir,
    async stop() {
      if (stopped) return
      stopped = true
      try {
        await run(join(binDir, 'pg_ctl'), ['stop', '-D', dataDir, '-m', 'immediate', '-w'], runAs)
      } finally {
        rmSync(dir, { recursive: true, force: true })
      }
    },
  }
}
