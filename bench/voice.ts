// Voice: how fast the WebAssembly decoders turn SILK and MP3 into 16 kHz PCM (target: at least 100 times faster
// than real time), how long one decode would stall the message loop on the main thread (why it runs in a worker),
// and the text-message p99 latency while voice messages arrive (target: unchanged within noise). Real speech from
// espeak-ng; recognition by the local Baidu fake, so the service's own latency is not what is measured.
import { spawn, type ChildProcess } from 'node:child_process'
import { once } from 'node:events'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { STARTER_RULES } from '../shared/rules/starter-rules.ts'
import { createGuard, type Guard } from '../electron/guard/index.ts'
import { createSimulatedBot, startAndLogIn } from '../electron/sim/simulated-bot.ts'
import { SimulatedWorld } from '../electron/sim/simulated-world.ts'
import { createInlineDecoder, createSpeech, createWorkerDecoder, type AudioDecoder } from '../electron/speech/index.ts'
import { openStore } from '../electron/store/index.ts'
import { silenceWechatyLog } from '../electron/wechat/bot-host.ts'
import { concatWav, durationOf, mp3Of, resampleWav, silenceWav, silkOf, speakWav } from '../test/fakes/test-speech.ts'
import { longestStallMs } from './measure.ts'

const TEXT_MESSAGES = 1500
/** One voice message for this many text messages. */
const VOICE_EVERY = 10
/** A busy set of groups: a text message every 25 ms (40 a second), which this machine keeps up with. */
const POST_INTERVAL_MS = 25

function percentile(sorted: readonly number[], fraction: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(fraction * sorted.length))]!
}

async function medianMs(runs: number, task: () => Promise<unknown>): Promise<number> {
  await task()
  const times: number[] = []
  for (let k = 0; k < runs; k++) {
    const started = process.hrtime.bigint()
    await task()
    times.push(Number(process.hrtime.bigint() - started) / 1e6)
  }
  return times.sort((a, b) => a - b)[Math.floor(runs / 2)]!
}

interface FakeService {
  url: string
  apiKey: string
  secretKey: string
  process: ChildProcess
}

/** The Baidu fake in a child process, so its work is not counted as the guard's. */
async function startFakeService(): Promise<FakeService> {
  const script = resolve(import.meta.dirname, '../test/fakes/fake-baidu-process.ts')
  const child = spawn(process.execPath, [resolve(import.meta.dirname, '../node_modules/tsx/dist/cli.mjs'), script, '今天团购的纸尿裤还有货吗'], {
    stdio: ['ignore', 'pipe', 'inherit'],
  })
  const [line] = (await once(child.stdout!, 'data')) as [Buffer]
  return { ...(JSON.parse(line.toString()) as Omit<FakeService, 'process'>), process: child }
}

interface Recording {
  silk: Uint8Array
  mp3: Uint8Array
  seconds: number
}

/** A phrase said `times` times with pauses between: long for the decode figures, a typical voice message for latency. */
async function makeSpeech(folder: string, times: number): Promise<Recording> {
  const phrase = resampleWav(folder, speakWav(folder, '大家好，今天团购的纸尿裤还有货吗，想多买两箱'), 16_000)
  const pause = silenceWav(folder, 0.5)
  const wav = concatWav(folder, Array.from({ length: 2 * times - 1 }, (_, index) => (index % 2 ? pause : phrase)))
  return { silk: await silkOf(folder, wav), mp3: mp3Of(folder, wav), seconds: durationOf(wav) }
}

async function decoding(log: (line: string) => void, speech: Recording): Promise<Record<string, number>> {
  const inline = createInlineDecoder()
  const worker = createWorkerDecoder()
  const figures: Record<string, number> = { audioSeconds: Number(speech.seconds.toFixed(2)) }
  for (const [format, bytes] of [['silk', speech.silk], ['mp3', speech.mp3]] as const) {
    const inlineMs = await medianMs(5, () => inline.decode(bytes))
    const workerMs = await medianMs(5, () => worker.decode(bytes))
    const mainThreadStall = await longestStallMs(() => inline.decode(bytes))
    const workerStall = await longestStallMs(() => worker.decode(bytes))
    const perSecond = inlineMs / speech.seconds
    Object.assign(figures, {
      [`${format}MsPerAudioSecond`]: Number(perSecond.toFixed(3)),
      [`${format}TimesRealTime`]: Math.round(1000 / perSecond),
      [`${format}WorkerMs`]: Number(workerMs.toFixed(1)),
      [`${format}MainThreadStallMs`]: Number(mainThreadStall.toFixed(1)),
      [`${format}WorkerStallMs`]: Number(workerStall.toFixed(1)),
    })
    log(
      `decode ${format.toUpperCase()} (${speech.seconds.toFixed(1)} s of speech): ${perSecond.toFixed(2)} ms per second of audio = ` +
        `${Math.round(1000 / perSecond)}x real time (target 100x); in the worker ${workerMs.toFixed(1)} ms per file; ` +
        `longest event-loop stall: on the main thread ${mainThreadStall.toFixed(1)} ms, with the worker ${workerStall.toFixed(1)} ms`,
    )
  }
  await worker.close()
  return figures
}

/** Text latency (post to decision) through Wechaty, the guard and SQLite, with or without voice arriving. */
async function textLatency(speech: Recording, voice: { decoder: () => AudioDecoder } | null): Promise<{ p50: number; p99: number; voiceDone: number }> {
  silenceWechatyLog()
  const dir = mkdtempSync(join(tmpdir(), 'qunguard-bench-voice-'))
  const baidu = await startFakeService()
  const world = new SimulatedWorld(Date.now)
  for (let g = 0; g < 10; g++) world.createRoom({ name: `g${g}`, topic: `团购群${g}`, owner: 'bot', members: [], otherMembers: 49 })
  const store = openStore(join(dir, 'qunguard.sqlite'))
  store.settings.update({ speechBaseUrl: baidu.url })
  const host = await createSimulatedBot(world, { dataDir: dir, now: Date.now })
  let guard: Guard | null = null
  const transcriber = createSpeech({
    store,
    dataDir: dir,
    keys: () => ({ apiKey: baidu.apiKey, secretKey: baidu.secretKey }),
    clock: Date.now,
    judge: (message, produced) => guard!.judgeProduced(message, produced),
    decoder: voice ? voice.decoder() : createInlineDecoder(),
  }).transcriber
  guard = createGuard({ store, chat: host.chat, media: [transcriber] })
  await guard.updateRules(STARTER_RULES)
  const posted = new Map<string, bigint>()
  const latencies: number[] = []
  host.attach({
    onMessage: async (message) => {
      await guard.onMessage(message)
      const start = posted.get(message.id)
      if (start !== undefined && message.kind === 'text') latencies.push(Number(process.hrtime.bigint() - start) / 1e6)
    },
    onJoin: (join) => guard.onJoin(join),
    onGroupsChanged: (changed) => guard.onGroupsChanged(changed),
  })
  await startAndLogIn(host, world)
  guard.start()
  transcriber.start()
  // Messages on a fixed schedule, each timed from when it was due: a stall of the event loop delays the posting as
  // well, and is counted, instead of hiding in a loop that posts the next message only when it gets round to it.
  const started = process.hrtime.bigint()
  for (let k = 0; k < TEXT_MESSAGES; k++) {
    const due = started + BigInt(k * POST_INTERVAL_MS * 1e6)
    const wait = Number(due - process.hrtime.bigint()) / 1e6
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait))
    const room = `g${k % 10}`
    const member = `${room}-member-${1 + ((k * 7919) % 49)}`
    if (voice && k % VOICE_EVERY === 0) world.sayVoice(room, member, k % (2 * VOICE_EVERY) === 0 ? speech.silk : speech.mp3)
    posted.set(world.say(room, member, '请问这款纸尿裤有L码吗？'), due)
  }
  await world.echoes.settled()
  await transcriber.flush()
  const voiceDone = store.speechJobs.countByStatus().done ?? 0
  await transcriber.stop()
  await guard.stop()
  await host.stop()
  store.close()
  baidu.process.kill('SIGTERM')
  rmSync(dir, { recursive: true, force: true })
  const sorted = latencies.sort((a, b) => a - b)
  return { p50: percentile(sorted, 0.5), p99: percentile(sorted, 0.99), voiceDone }
}

async function latencyUnderVoice(log: (line: string) => void, speech: Recording): Promise<Record<string, number>> {
  const baseline = await textLatency(speech, null)
  const withWorker = await textLatency(speech, { decoder: () => createWorkerDecoder() })
  const inline = await textLatency(speech, { decoder: () => createInlineDecoder() })
  const voices = TEXT_MESSAGES / VOICE_EVERY
  log(
    `text latency, ${TEXT_MESSAGES} messages at ${1000 / POST_INTERVAL_MS}/s, each timed from when it was due: alone p50 ${baseline.p50.toFixed(2)} ms, p99 ${baseline.p99.toFixed(2)} ms; ` +
      `with ${voices} voice messages of ${speech.seconds.toFixed(0)} s arriving (decoded in the worker): p50 ${withWorker.p50.toFixed(2)} ms, ` +
      `p99 ${withWorker.p99.toFixed(2)} ms (${(withWorker.p99 / baseline.p99).toFixed(2)}x); ` +
      `decoded on the main thread instead: p99 ${inline.p99.toFixed(2)} ms (${(inline.p99 / baseline.p99).toFixed(2)}x); ` +
      `voice transcribed ${withWorker.voiceDone}/${voices}`,
  )
  return {
    baselineP50Ms: Number(baseline.p50.toFixed(2)),
    baselineP99Ms: Number(baseline.p99.toFixed(2)),
    workerP50Ms: Number(withWorker.p50.toFixed(2)),
    workerP99Ms: Number(withWorker.p99.toFixed(2)),
    workerP99Ratio: Number((withWorker.p99 / baseline.p99).toFixed(2)),
    inlineP99Ms: Number(inline.p99.toFixed(2)),
    inlineP99Ratio: Number((inline.p99 / baseline.p99).toFixed(2)),
    voiceMessages: voices,
    voiceTranscribed: withWorker.voiceDone,
  }
}

export async function runVoiceBench(log: (line: string) => void): Promise<Record<string, unknown>> {
  const folder = mkdtempSync(join(tmpdir(), 'qunguard-bench-speech-'))
  try {
    const long = await makeSpeech(folder, 8)
    const typical = await makeSpeech(folder, 2)
    return { decode: await decoding(log, long), textLatency: await latencyUnderVoice(log, typical) }
  } finally {
    rmSync(folder, { recursive: true, force: true })
  }
}
