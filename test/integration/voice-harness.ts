// A guard with the voice transcriber on a real SQLite file, the real decoders (worker) and the Baidu client
// talking to the local fake of Baidu's speech service; real espeak-ng speech as voice messages.
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createGuard, type Guard } from '../../electron/guard/index.ts'
import { createSpeech, type Speech, type SpeechKeys } from '../../electron/speech/index.ts'
import { openStore, type Store } from '../../electron/store/index.ts'
import type { IncomingMessage } from '../../electron/wechat/chat-port.ts'
import type { Settings } from '../../shared/policy/index.ts'
import { FakeBaidu } from '../fakes/fake-baidu.ts'
import { FakeBaiduSpeech } from '../fakes/fake-baidu-speech.ts'
import { RULES, standardWorld, T0, type FakeChat } from './guard-harness.ts'

export interface VoiceHarness {
  dir: string
  store: Store
  guard: Guard
  speech: Speech
  chat: FakeChat
  baidu: FakeBaidu
  service: FakeBaiduSpeech
  keys: SpeechKeys
  now(): number
  advance(ms: number): void
  /** Delivers a voice message carrying `audio`; resolves when the guard has taken it (not when it is transcribed). */
  voice(senderId: string, audio: Uint8Array | (() => Promise<Uint8Array>), id?: string): Promise<string>
  text(senderId: string, text: string): Promise<string>
  /** Fetches, decodes, transcribes and judges whatever is due, then runs the outbound queue. */
  settle(): Promise<void>
  /** The app dies (nothing is stopped or awaited) and starts again on the same data folder. */
  restart(): Promise<void>
  close(): Promise<void>
}

export async function createVoiceHarness(options: { settings?: Partial<Settings>; withKeys?: boolean } = {}): Promise<VoiceHarness> {
  const dir = mkdtempSync(join(tmpdir(), 'qunguard-voice-'))
  const path = join(dir, 'qunguard.sqlite')
  const baidu = await new FakeBaidu().start()
  const service = new FakeBaiduSpeech(baidu)
  let time = T0
  let count = 0
  const clock = () => time
  const keys: SpeechKeys = options.withKeys === false ? { apiKey: null, secretKey: null } : { apiKey: baidu.apiKey, secretKey: baidu.secretKey }

  function build(store: Store, chat: FakeChat): { guard: Guard; speech: Speech } {
    // The guard judges transcripts; the transcriber is one of its media steps: bound late, as in the service.
    let guard: Guard | null = null
    const speech = createSpeech({
      store,
      dataDir: dir,
      keys: () => keys,
      clock,
      judge: (message, produced) => guard!.judgeProduced(message, produced),
      calls: { sleep: async () => {}, timeoutMs: 2_000, retries: 1 },
      log: () => {},
    })
    guard = createGuard({ store, chat, clock, media: [speech.transcriber] })
    return { guard, speech }
  }

  const store = openStore(path)
  store.settings.update({ speechBaseUrl: baidu.url, ...options.settings })
  const chat = standardWorld()
  const harness: VoiceHarness = {
    dir,
    store,
    chat,
    baidu,
    service,
    keys,
    ...build(store, chat),
    now: clock,
    advance(ms) {
      time += ms
    },
    async voice(senderId, audio, id = `voice-${++count}`) {
      const message: IncomingMessage = {
        id,
        groupId: 'g1',
        senderId,
        kind: 'voice',
        text: '',
        time,
        media: async () => ({ bytes: typeof audio === 'function' ? await audio() : audio, name: 'voice.sil' }),
      }
      await harness.guard.onMessage(message)
      return id
    },
    async text(senderId, text) {
      const id = `text-${++count}`
      await harness.guard.onMessage({ id, groupId: 'g1', senderId, kind: 'text', text, time })
      return id
    },
    async settle() {
      await harness.speech.transcriber.flush()
      await harness.guard.flush()
    },
    async restart() {
      harness.store.close()
      harness.store = openStore(path)
      Object.assign(harness, build(harness.store, harness.chat))
    },
    async close() {
      await harness.speech.transcriber.stop()
      harness.store.close()
      await baidu.stop()
      rmSync(dir, { recursive: true, force: true })
    },
  }
  await harness.guard.updateRules(RULES)
  await harness.guard.onGroupsChanged([...chat.groups.values()].map((entry) => entry.group))
  return harness
}
