// Voice on real Wechaty and the mock puppet, through `simulate`: real speech files (SILK, MP3, WAV), the Baidu fake
// on 127.0.0.1 given with --speech-url/--speech-key/--speech-secret.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { runCli } from '../../electron/cli/commands.ts'
import type { EventLine } from '../../electron/sim/event-lines.ts'
import { FakeBaidu } from '../fakes/fake-baidu.ts'
import { FakeBaiduSpeech } from '../fakes/fake-baidu-speech.ts'
import { durationOf, mp3Of, silkOf, speakWav, writeBytes } from '../fakes/test-speech.ts'

const RULES = path.resolve(import.meta.dirname, '../fixtures/scenarios/rules.yaml')
const PHRASE = '想要资料的加微信找我'
const ROOM = '{"op":"room","id":"r1","topic":"孕妈交流群","owner":"bot","admins":[],"members":["alice","bob"]}'

let folder: string
let baidu: FakeBaidu
let phraseSeconds: number

beforeAll(async () => {
  folder = mkdtempSync(path.join(tmpdir(), 'qunguard-sim-voice-'))
  const wav = speakWav(folder, PHRASE)
  writeBytes(folder, 'offer.sil', await silkOf(folder, wav))
  writeBytes(folder, 'offer.mp3', mp3Of(folder, wav))
  // wechat4u's habit: any voice file is called .sil, here a WAV.
  writeBytes(folder, 'offer-wav.sil', readFileSync(wav))
  phraseSeconds = durationOf(wav)
})

afterAll(() => rmSync(folder, { recursive: true, force: true }))

beforeEach(async () => {
  baidu = await new FakeBaidu().start()
  new FakeBaiduSpeech(baidu).knows(PHRASE, phraseSeconds)
})

afterEach(async () => {
  await baidu.stop()
})

async function simulate(lines: string[], speech = true) {
  const scenario = path.join(folder, `scenario-${Math.random().toString(36).slice(2)}.jsonl`)
  writeFileSync(scenario, [ROOM, ...lines].join('\n'))
  let stdout = ''
  let stderr = ''
  const io = { stdout: { write: (text: string) => (stdout += text) }, stderr: { write: (text: string) => (stderr += text) } }
  const keys = speech ? ['--speech-url', baidu.url, '--speech-key', baidu.apiKey, '--speech-secret', baidu.secretKey] : []
  const exitCode = await runCli(['simulate', '--rules', RULES, '--scenario', scenario, ...keys], io)
  const events = stdout.split('\n').filter(Boolean).map((line) => JSON.parse(line) as EventLine)
  return { exitCode, events, stderr }
}

const voice = (file: string) => `{"op":"voice","room":"r1","from":"alice","audio":"${file}"}`
const text = (words: string) => `{"op":"say","room":"r1","from":"alice","text":"${words}"}`
/** A voice event line without what only voice adds. */
function asText({ voice: _voice, transcript: _transcript, ...line }: EventLine) {
  return line
}

describe('simulate with voice', () => {
  it('warns, warns and removes for voice offences exactly as for the same words typed', async () => {
    const typed = await simulate([text(PHRASE), text(PHRASE), text(PHRASE)])
    const spoken = await simulate([voice('offer.sil'), voice('offer.mp3'), voice('offer-wav.sil')])
    expect(spoken.exitCode).toBe(0)
    expect(spoken.stderr).toBe('')
    expect(spoken.events.map(asText)).toEqual(typed.events)
    expect(spoken.events[0]).toMatchObject({ event: 'warning', voice: true, transcript: PHRASE })
  })

  it('without speech keys, shows every voice message as not transcribed: no speech keys', async () => {
    const { events } = await simulate([voice('offer.sil')], false)
    expect(events).toEqual([expect.objectContaining({ event: 'voice_untranscribed', member: 'alice', reason: 'no-keys', status: 'needs_rep' })])
  })

  it('with the service down at first, the message is transcribed once it recovers, and warned once', async () => {
    baidu.dropNext = 3 // the first attempt and both of its retries
    const { events } = await simulate([voice('offer.sil'), '{"op":"wait","minutes":5}'])
    expect(events.map((line) => line.event).sort()).toEqual(['voice_untranscribed', 'warning'])
    expect(events.find((line) => line.event === 'voice_untranscribed')).toMatchObject({ transcribed: true })
    expect(baidu.count('/server_api')).toBe(1)
  })

  it('names a missing audio file by its scenario line', async () => {
    const { exitCode, stderr } = await simulate([voice('nothing-here.sil')])
    expect(exitCode).toBe(2)
    expect(stderr).toMatch(/:2: error: cannot read the audio file "nothing-here.sil": ENOENT/)
  })

  it('refuses --speech-url without its keys, and a URL that is not one', async () => {
    const scenario = path.join(folder, 'plain.jsonl')
    writeFileSync(scenario, ROOM)
    const io = { stdout: { write: () => true }, stderr: { write: (text: string) => ((last = text), true) } }
    let last = ''
    expect(await runCli(['simulate', '--rules', RULES, '--scenario', scenario, '--speech-url', baidu.url], io)).toBe(2)
    expect(last).toContain('go together')
    expect(await runCli(['simulate', '--rules', RULES, '--scenario', scenario, '--speech-url', 'ftp://x', '--speech-key', 'k', '--speech-secret', 's'], io)).toBe(2)
    expect(last).toContain('http:// or https://')
  })
})
