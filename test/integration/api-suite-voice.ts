// The contract suite, voice part: "test the keys", a voice message transcribed and judged in the live service, its
// audio for the play button. The speech service is the local Baidu fake, reached through the base URL setting.
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { FakeBaidu } from '../fakes/fake-baidu.ts'
import { FakeBaiduSpeech } from '../fakes/fake-baidu-speech.ts'
import { durationOf, silkOf, speakWav } from '../fakes/test-speech.ts'
import type { ApiEnv } from './api-harness.ts'
import { refusal } from './api-suite-config.ts'

const PHRASE = '加微信领优惠'

export function voiceTests(env: () => ApiEnv): void {
  describe('voice', () => {
    let folder: string
    let silk: Uint8Array
    let baidu: FakeBaidu

    beforeAll(async () => {
      folder = mkdtempSync(join(tmpdir(), 'qunguard-api-voice-'))
      const wav = speakWav(folder, PHRASE)
      silk = await silkOf(folder, wav)
      baidu = await new FakeBaidu().start()
      new FakeBaiduSpeech(baidu).knows(PHRASE, durationOf(wav))
    })

    afterAll(async () => {
      await baidu.stop()
      rmSync(folder, { recursive: true, force: true })
    })

    it('"test the keys" reports success or the exact reason, and never shows a key', async () => {
      const { api, events } = env()
      expect(await api.testSpeechKeys({})).toEqual({ ok: false, reason: 'no-keys', errNo: null })
      await api.updateSettings({ speechBaseUrl: baidu.url })
      await api.setSecret({ name: 'speechApiKey', value: baidu.apiKey })
      await api.setSecret({ name: 'speechSecretKey', value: 'not-the-secret' })
      expect(await api.testSpeechKeys({})).toEqual({ ok: false, reason: 'bad-keys', errNo: null })
      await api.setSecret({ name: 'speechSecretKey', value: baidu.secretKey })
      expect(await api.testSpeechKeys({})).toEqual({ ok: true })
      expect(JSON.stringify(events.events)).not.toContain(baidu.secretKey)
      expect((await refusal(api.updateSettings({ speechBaseUrl: 'vop.baidu.com' }))).code).toBe('bad_input')
    })

    it('judges a voice message by its transcript, and plays its audio', async () => {
      const { api, events, world } = env()
      await api.updateSettings({ speechBaseUrl: baidu.url })
      await api.setSecret({ name: 'speechApiKey', value: baidu.apiKey })
      await api.setSecret({ name: 'speechSecretKey', value: baidu.secretKey })
      const from = events.mark()
      const messageId = world.sayVoice('shop', '小王', silk)
      const warning = await events.feed({ kind: 'warning', status: 'done' }, from)
      expect(warning).toMatchObject({ rule: '广告', text: PHRASE, messageId })
      expect(warning.detail.voice).toMatchObject({ messageId, hasAudio: true })
      const { wavBase64 } = await api.getVoiceAudio({ messageId })
      expect(Buffer.from(wavBase64, 'base64').subarray(0, 4).toString()).toBe('RIFF')
      expect((await refusal(api.getVoiceAudio({ messageId: 'nope' }))).code).toBe('not_found')
    })

    it('shows a voice message as not transcribed when no keys are saved', async () => {
      const { events, world } = env()
      const from = events.mark()
      const messageId = world.sayVoice('shop', '小李', silk)
      const item = await events.feed({ kind: 'voice_untranscribed', messageId }, from)
      expect(item).toMatchObject({ status: 'needs_rep', review: 'open', memberName: '小李' })
      expect(item.detail.voice).toMatchObject({ reason: 'no-keys', hasAudio: true })
    })
  })
}
