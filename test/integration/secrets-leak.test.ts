// Every secret set, the service used, and then everything it wrote or said is searched for them: the database and its
// WAL (read while open, so nothing is still only in memory), backups, the export file, the event stream, the server's log lines, anything printed, every API answer.
// Only secrets.json, readable by this user alone, may hold them.
import { readdirSync, readFileSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, beforeEach, expect, it, vi } from 'vitest'
import { API_INPUTS, API_METHODS } from '../../shared/api/contract.ts'
import { describeEvent } from '../../electron/server/log-line.ts'
import { SECRET_NAMES } from '../../electron/service/secrets.ts'
import { direct, startEnv, type ApiEnv } from './api-harness.ts'

let env: ApiEnv
const printed: string[] = []

beforeEach(async () => {
  for (const stream of [process.stdout, process.stderr]) {
    const write = stream.write.bind(stream)
    vi.spyOn(stream, 'write').mockImplementation(((chunk: string | Uint8Array, ...rest: never[]) => {
      printed.push(String(chunk))
      return write(chunk, ...rest)
    }) as typeof stream.write)
  }
  env = await startEnv(direct, new Set())
})

afterEach(async () => {
  vi.restoreAllMocks()
  await env.close()
})

/** Every file under the folder, as bytes, with its path. */
function filesUnder(dir: string): [string, Buffer][] {
  return readdirSync(dir, { recursive: true })
    .map((name) => join(dir, String(name)))
    .filter((path) => statSync(path).isFile())
    .map((path) => [path, readFileSync(path)])
}

it('no secret is found anywhere but in the owner-only secrets file', async () => {
  const { api, dataDir, events } = env
  const secrets = Object.fromEntries(SECRET_NAMES.map((name) => [name, `SECRET-${name}-7f3c9a1e5d`]))
  for (const name of SECRET_NAMES) await api.setSecret({ name, value: secrets[name]! })
  // The puppet token also comes in through choosing a puppet.
  await api.choosePuppet({ puppet: 'wechaty-puppet-mock', token: secrets.puppetToken })
  await env.logIn()
  await env.say('shop', '小王', '代购奶粉')
  await env.say('shop', '小王', '加微信')
  await api.updateSettings({ removalNoticeTemplate: '已移出 {name}' })
  const exported = JSON.stringify(await api.exportData({}))
  await api.backupNow({})

  // Every read method's answer, as the window would see it.
  const answers: unknown[] = []
  // Every read method that takes no argument (those that do, such as one member's story, read the same tables).
  const reads = API_METHODS.filter((name) => (name.startsWith('list') || name.startsWith('get')) && API_INPUTS[name].safeParse({}).success)
  for (const method of reads) {
    answers.push(await env.client.call(method, {}))
  }
  const haystacks: [string, string | Buffer][] = [
    ['the export', exported],
    ['the event stream', JSON.stringify(events.events)],
    ['the log lines', events.events.map(describeEvent).join('\n')],
    ['what was printed', printed.join('')],
    ['the API answers', JSON.stringify(answers)],
    ...filesUnder(dataDir).filter(([path]) => !path.endsWith('secrets.json')),
  ]
  expect(haystacks.some(([where]) => where.includes(join('backups', 'qunguard-')))).toBe(true)
  for (const [where, content] of haystacks) {
    for (const [name, value] of Object.entries(secrets)) expect(content.includes(value), `${name} in ${where}`).toBe(false)
  }
  expect(statSync(join(dataDir, 'secrets.json')).mode & 0o777).toBe(0o600)
})
