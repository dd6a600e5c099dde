// `npm run team`: the team server, and the lead's commands that need no server running.
//   npm run team -- [--db URL] [--port P] [--host H] [--tls-cert F --tls-key F] [--allow-plain-http]
//   npm run team -- --dev                      a throwaway PostgreSQL cluster, a demo team, tokens printed
//   npm run team -- create-team --team NAME --lead NAME [--db URL]
//   npm run team -- issue-token --team NAME --name NAME [--role rep|lead] [--db URL]
// The database URL comes from --db or DATABASE_URL. Tokens are printed once and stored only hashed.
import { readFileSync } from 'node:fs'
import { parseArgs } from 'node:util'
import { startThrowawayCluster, type ThrowawayCluster } from './throwaway-cluster.ts'
import { openTeamDatabase, type TeamDatabase } from './team-db.ts'
import { startTeamServer } from './team-server.ts'
import { TEAM_PATHS } from '../../shared/team/wire.ts'
import { errorText } from '../../shared/text/error-text.ts'

const USAGE = `usage: npm run team -- [--db URL] [--port P] [--host H] [--tls-cert FILE --tls-key FILE] [--allow-plain-http]
       npm run team -- --dev [--port P]
       npm run team -- create-team --team NAME --lead NAME [--db URL]
       npm run team -- issue-token --team NAME --name NAME [--role rep|lead] [--db URL]
  --db URL            postgres://user:password@host/db (default: $DATABASE_URL)
  --port P            the port (default 4790; 0 picks a free one)
  --host H            the address to listen on (default 127.0.0.1)
  --tls-cert/--tls-key  serve HTTPS with this certificate and key (PEM)
  --allow-plain-http  serve plain HTTP to other machines (only behind a TLS proxy on a private network)
  --dev               a throwaway PostgreSQL cluster with a demo team, removed when the server stops`

function fail(message: string): never {
  process.stderr.write(`team: ${message}\n${USAGE}\n`)
  process.exit(2)
}

function parse() {
  try {
    return parseArgs({
      allowPositionals: true,
      strict: true,
      options: {
        db: { type: 'string' },
        port: { type: 'string' },
        host: { type: 'string' },
        'tls-cert': { type: 'string' },
        'tls-key': { type: 'string' },
        'allow-plain-http': { type: 'boolean', default: false },
        dev: { type: 'boolean', default: false },
        team: { type: 'string' },
        lead: { type: 'string' },
        name: { type: 'string' },
        role: { type: 'string' },
        help: { type: 'boolean', default: false },
      },
    })
  } catch (error) {
    fail((error as Error).message)
  }
}

function required(value: string | undefined, flag: string): string {
  if (!value?.trim()) fail(`${flag} is required`)
  return value
}

async function runCommand(command: string, values: ReturnType<typeof parse>['values'], db: TeamDatabase): Promise<void> {
  if (command === 'create-team') {
    const { token } = await db.createTeam(required(values.team, '--team'), required(values.lead, '--lead'))
    process.stdout.write(`team "${values.team}" created; the lead's token (shown once, keep it safe):\n${token}\n`)
  } else {
    const role = values.role ?? 'rep'
    if (role !== 'rep' && role !== 'lead') fail(`--role is rep or lead, not "${role}"`)
    const { token } = await db.issueToken(required(values.team, '--team'), required(values.name, '--name'), role)
    process.stdout.write(`token for ${values.name} (${role}) in "${values.team}" (shown once):\n${token}\n`)
  }
}

async function main(): Promise<void> {
  const { values, positionals } = parse()
  if (values.help) return void process.stdout.write(`${USAGE}\n`)
  const command = positionals[0]
  if (command !== undefined && command !== 'create-team' && command !== 'issue-token') fail(`unknown command "${command}"`)
  if (positionals.length > 1) fail(`unexpected "${positionals[1]}"`)

  let cluster: ThrowawayCluster | null = null
  if (values.dev) cluster = await startThrowawayCluster()
  const url = cluster?.url ?? values.db ?? process.env.DATABASE_URL
  if (!url) fail('give the database with --db or DATABASE_URL (or --dev for a throwaway one)')
  const db = await openTeamDatabase(url)
  if (command) {
    try {
      await runCommand(command, values, db)
    } finally {
      await db.close()
    }
    return
  }

  const port = values.port === undefined ? 4790 : Number(values.port)
  if (!Number.isInteger(port) || port < 0 || port > 65535) fail(`--port takes a port number, not "${values.port}"`)
  if (Boolean(values['tls-cert']) !== Boolean(values['tls-key'])) fail('--tls-cert and --tls-key go together')
  const tls = values['tls-cert'] ? { cert: readFileSync(values['tls-cert']), key: readFileSync(values['tls-key']!) } : undefined
  const server = await startTeamServer({ db, port, host: values.host, tls, allowPlainHttp: values['allow-plain-http'] })
  process.stdout.write(`QunGuard team server on ${server.url} (admin page: ${server.url}${TEAM_PATHS.adminPage})\n`)
  if (cluster) {
    const lead = await db.createTeam('demo', 'lead')
    const rep = await db.issueToken('demo', 'rep-1', 'rep')
    process.stdout.write(`dev: throwaway PostgreSQL at ${cluster.dir}; team "demo"\n  lead token: ${lead.token}\n  rep-1 token: ${rep.token}\n`)
  }
  const stop = async () => {
    await server.close()
    await db.close()
    await cluster?.stop()
    process.exit(0)
  }
  process.once('SIGINT', () => void stop())
  process.once('SIGTERM', () => void stop())
}

main().catch((error: unknown) => {
  process.stderr.write(`team: ${errorText(error)}\n`)
  process.exit(1)
})
