// Voice messages through the whole guard: real speech, real decoders, the Baidu client against the local fake,
// real SQLite; transcripts judged like text, failures shown and retried, nothing judged twice.
import { statSync } from 'node:fs'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { durationOf, mp3Of, silenceWav, concatWav, resampleWav, silkOf, speakWav } from '../fakes/test-speech.ts'
import { DAY } from './guard-harness.ts'
import { createVoiceHarness, type VoiceHarness } from './voice-harness.ts'

const BANNED = '加微信有优惠'
let folder: string
let silk: Uint8Array
let mp3: Uint8Array
let seconds: number
let h: VoiceHarness

beforeAll(async () => {
  folder = mkdtempSync(join(tmpdir(), 'qunguard-voice-audio-'))
  const wav = speakWav(folder, BANNED)
  seconds = durationOf(wav)
  silk = await silkOf(folder, wav)
  mp3 = mp3Of(folder, wav)
})

afterAll(() => rmSync(folder, { recursive: true, force: true }))

afterEach(async () => {
  await h.close()
})

async function harness(options: Parameters<typeof createVoiceHarness>[0] = {}): Promise<VoiceHarness> {
  h = await createVoiceHarness(options)
  h.service.knows(BANNED, seconds)
  return h
}

const eventsOf = (kind: string) => h.store.events.list({ kind: kind as never })

describe('a voice message saying a banned phrase', () => {
  it('gets its sender warned like text, and the event says it came from voice', async () => {
    await harness()
    const id = await h.voice('alice', silk)
    await h.settle()
    const [warning] = eventsOf('warning')
    expect(warning).toMatchObject({ memberId: 'alice', rule: '广告', messageId: id, text: BANNED, status: 'done' })
    expect(warning!.detail.voice).toMatchObject({ messageId: id, hasAudio: true })
    expect(warning!.detail.hits).toEqual(expect.arrayContaining([expect.objectContaining({ term: '加微信' })]))
    expect(h.chat.said).toEqual([expect.objectContaining({ groupId: 'g1', mentionIds: ['alice'] })])
    // What reached the service: 16 kHz PCM as long as the speech, Mandarin.
    expect(h.service.received).toHaveLength(1)
    expect(h.service.received[0]!.devPid).toBe(1537)
    expect(Math.abs(h.service.received[0]!.seconds - seconds)).toBeLessThan(0.1)
  })

  it('is understood from 24 kHz MP3 (resampled, not relabelled), in the language set', async () => {
    await harness({ settings: { speechLanguage: 'cantonese' } })
    await h.voice('alice', mp3)
    await h.settle()
    expect(eventsOf('warning')).toHaveLength(1)
    expect(h.service.received[0]!.devPid).toBe(1637)
  })

  it('counts towards the same strikes as text: text, voice, text removes', async () => {
    await harness()
    await h.text('alice', '代购找我')
    await h.voice('alice', silk)
    await h.text('alice', '代购代购')
    await h.settle()
    expect(eventsOf('warning')).toHaveLength(2)
    expect(eventsOf('removal')).toHaveLength(1)
  })

  it('never holds up text messages while its file downloads', async () => {
    await harness()
    let release!: () => void
    const downloaded = new Promise<void>((resolve) => (release = resolve))
    await h.voice('alice', async () => {
      await downloaded
      return silk
    })
    await h.text('bob', '代购')
    await h.guard.flush()
    expect(eventsOf('warning').map((event) => event.memberId)).toEqual(['bob'])
    release()
    await h.settle()
    expect(eventsOf('warning').map((event) => event.memberId).sort()).toEqual(['alice', 'bob'])
  })
})

describe('nothing lost', () => {
  it('with no speech keys, shows "not transcribed: no speech keys", then transcribes once keys are saved', async () => {
    await harness({ withKeys: false })
    await h.voice('alice', silk)
    await h.settle()
    const [item] = eventsOf('voice_untranscribed')
    expect(item).toMatchObject({ status: 'needs_rep', review: 'open', memberId: 'alice' })
    expect(item!.detail.voice).toMatchObject({ reason: 'no-keys', hasAudio: true })
    expect(h.baidu.log).toEqual([])
    Object.assign(h.keys, { apiKey: h.baidu.apiKey, secretKey: h.baidu.secretKey })
    h.speech.transcriber.keysChanged()
    await h.settle()
    expect(eventsOf('warning')).toHaveLength(1)
    expect(h.store.events.get(item!.id)).toMatchObject({ status: 'done', review: 'dismissed' })
  })

  it('with the service down, shows not transcribed, then after it recovers is transcribed and judged once', async () => {
    await harness()
    h.baidu.dropNext = 1000
    await h.voice('alice', silk)
    await h.settle()
    const [item] = eventsOf('voice_untranscribed')
    expect(item).toMatchObject({ status: 'pending', review: 'open' })
    expect(item!.detail.voice).toMatchObject({ reason: 'unreachable', retrying: true })
    h.baidu.dropNext = 0
    await h.settle() // not due yet: nothing asked
    expect(h.service.received).toHaveLength(0)
    h.advance(60_000)
    await h.settle()
    expect(eventsOf('warning')).toHaveLength(1)
    expect(h.store.events.get(item!.id)!.status).toBe('done')
    h.advance(DAY)
    await h.settle()
    expect(h.service.received).toHaveLength(1)
    expect(h.chat.said).toHaveLength(1)
  })

  it('resumes a job after a restart and does it once', async () => {
    await harness()
    h.baidu.dropNext = 1000
    await h.voice('alice', silk)
    await h.settle()
    await h.restart()
    h.baidu.dropNext = 0
    h.advance(60_000)
    await h.settle()
    await h.restart()
    h.advance(DAY)
    await h.settle()
    expect(eventsOf('warning')).toHaveLength(1)
    expect(h.service.received).toHaveLength(1)
  })

  it('a file still downloading when the app stopped is shown as unavailable after the restart, not lost', async () => {
    await harness()
    await h.voice('alice', () => new Promise<Uint8Array>(() => {}), 'stuck')
    await h.restart()
    await h.settle()
    const [item] = eventsOf('voice_untranscribed')
    expect(item).toMatchObject({ messageId: 'stuck', status: 'failed', review: 'open' })
    expect(item!.detail.voice).toMatchObject({ reason: 'audio-unavailable', hasAudio: false })
  })

  it('a message delivered twice is one job', async () => {
    await harness()
    await h.voice('alice', silk, 'same')
    await h.voice('alice', silk, 'same')
    await h.settle()
    expect(h.service.received).toHaveLength(1)
  })

  it('refused keys wait for new ones without calling again', async () => {
    await harness()
    Object.assign(h.keys, { secretKey: 'wrong-secret' })
    await h.voice('alice', silk)
    await h.voice('bob', silk)
    await h.settle()
    const items = eventsOf('voice_untranscribed')
    expect(items.map((item) => (item.detail.voice as { reason: string }).reason)).toEqual(['bad-keys', 'bad-keys'])
    expect(h.baidu.count('/oauth/2.0/token')).toBe(1)
  })

  it('maps Baidu error numbers to states: busy retries, unusable audio and our bugs give up, bad keys wait', async () => {
    await harness()
    // Bad keys last: refused keys are not tried again until the rep saves new ones.
    const cases: [number, string, string][] = [
      [3305, 'busy', 'pending'],
      [3313, 'busy', 'pending'],
      [3301, 'unusable-input', 'failed'],
      [3316, 'unusable-input', 'failed'],
      [3311, 'bad-request', 'failed'],
      [3302, 'bad-keys', 'needs_rep'],
    ]
    for (const [errNo, reason, status] of cases) {
      h.baidu.route('/server_api', () => ({ json: { err_no: errNo, err_msg: 'scripted', sn: 'x' } }))
      const id = await h.voice('carol', silk, `err-${errNo}`)
      await h.settle()
      const item = eventsOf('voice_untranscribed').find((event) => event.messageId === id)
      expect(item, `err_no ${errNo}`).toMatchObject({ status })
      expect(item!.detail.voice).toMatchObject({ reason, errNo })
    }
  })

  it('unsupported audio is shown with its reason and the rep can warn by hand', async () => {
    await harness()
    await h.voice('alice', Buffer.from('<html>link expired</html>'))
    await h.voice('bob', Buffer.from('#!AMR\n\x3c'))
    await h.settle()
    const items = eventsOf('voice_untranscribed')
    expect(items.map((item) => (item.detail.voice as { reason: string }).reason).sort()).toEqual(['amr-unsupported', 'unsupported-audio'])
    const alices = items.find((item) => item.memberId === 'alice')!
    expect(alices.status).toBe('failed')
    const warning = h.guard.resolveReview(alices.id, 'warn')
    await h.guard.flush()
    expect(warning).toMatchObject({ kind: 'warning', rule: '语音消息', memberId: 'alice' })
    expect(h.chat.said).toHaveLength(1)
  })

  it('a voice message that cannot be transcribed is still judged by rules about its kind', async () => {
    await harness()
    await h.guard.updateRules([{ name: '不许发语音', match: 'kind:voice', action: 'alert' }])
    await h.voice('alice', Buffer.from('<html>link expired</html>'))
    await h.voice('bob', async () => {
      throw new Error('download failed')
    })
    await h.settle()
    expect(eventsOf('alert').map((event) => event.memberId).sort()).toEqual(['alice', 'bob'])
    const reasons = eventsOf('voice_untranscribed').map((item) => (item.detail.voice as { reason: string }).reason).sort()
    expect(reasons).toEqual(['audio-unavailable', 'unsupported-audio'])
  })

  it('a late transcript is not judged when the rep already decided by hand', async () => {
    await harness()
    h.baidu.dropNext = 1000
    await h.voice('alice', silk)
    await h.settle()
    const [item] = eventsOf('voice_untranscribed')
    h.guard.resolveReview(item!.id, 'dismiss')
    h.baidu.dropNext = 0
    h.advance(60_000)
    await h.settle()
    expect(eventsOf('warning')).toHaveLength(0)
    expect(h.service.received).toHaveLength(0)
  })
})

describe('audio kept for listening', () => {
  it('is a 0600 WAV of the decoded audio, deleted after the retention period', async () => {
    await harness({ settings: { retentionDays: 7 } })
    const id = await h.voice('alice', silk)
    await h.settle()
    const wav = h.speech.transcriber.audio(id)!
    expect(wav.subarray(0, 4).toString()).toBe('RIFF')
    const path = h.store.speechJobs.get(id)!.wavPath!
    expect(statSync(path).mode & 0o777).toBe(0o600)
    expect(statSync(join(h.dir, 'voice')).mode & 0o777).toBe(0o700)
    h.advance(6 * DAY)
    expect(h.speech.transcriber.purgeAudio()).toBe(0)
    h.advance(2 * DAY)
    expect(h.speech.transcriber.purgeAudio()).toBe(1)
    expect(h.speech.transcriber.audio(id)).toBeNull()
  })
})

describe('long voice', () => {
  it('is sent in pieces under 55 s cut at pauses, and the transcripts are joined in order', async () => {
    await harness()
    const phrase = speakWav(folder, '今天天气很好我们一起去公园散步吧', { wordsPerMinute: 120 })
    const phrase16 = resampleWav(folder, phrase, 16_000)
    const pause = silenceWav(folder, 1)
    const long = concatWav(folder, Array.from({ length: 24 }, (_, index) => (index % 2 ? pause : phrase16)))
    const total = durationOf(long)
    expect(total).toBeGreaterThan(60)
    let piece = 0
    h.service.transcribe = () => `第${++piece}段`
    await h.voice('alice', await silkOf(folder, long))
    await h.settle()
    const pieces = h.service.received.map((received) => received.seconds)
    expect(pieces.length).toBeGreaterThanOrEqual(2)
    expect(pieces.every((length) => length <= 55)).toBe(true)
    expect(Math.abs(pieces.reduce((sum, length) => sum + length, 0) - total)).toBeLessThan(0.2)
    const job = h.store.speechJobs.get('voice-1')!
    expect(job.transcript).toBe(pieces.map((_, index) => `第${index + 1}段`).join(''))
  })
})
