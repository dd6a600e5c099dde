// Voice messages to transcripts, with nothing lost: the guard hands each admitted voice message over as a media
// step; it becomes a persisted job (SQLite), the file is fetched, decoded in a worker and kept as WAV, the
// recognizer transcribes it in pieces, and the transcript is judged like typed text in the same transaction that
// marks the job done. Failures retry, wait for keys, or give up, and are always shown in the feed.
import type { JudgeProduced, MediaStep } from '../guard/index.ts'
import type { SpeechJob, Store } from '../store/index.ts'
import type { IncomingMessage } from '../wechat/chat-port.ts'
import { AudioError } from './audio-failures.ts'
import type { AudioDecoder } from './decoder-pool.ts'
import { classifyFailure, retryDelayMs, type FailureOutcome } from './failure-policy.ts'
import type { SpeechRecognizer } from './recognizer.ts'
import { splitAtPauses } from './split.ts'
import { closeUntranscribed, repDecided, showUntranscribed, voiceDetail } from './voice-events.ts'
import type { VoiceFiles } from './voice-files.ts'
import { SPEECH_SAMPLE_RATE } from './decode.ts'
import { errorText } from '../../shared/text/error-text.ts'

const DAY_MS = 24 * 60 * 60 * 1000
/** A puppet download that takes longer is given up as unavailable, so a job never waits on it for ever. */
const FETCH_TIMEOUT_MS = 60_000
const PURGE_INTERVAL_MS = 60 * 60 * 1000

export interface VoiceTranscriberOptions {
  store: Store
  decoder: AudioDecoder
  recognizer: SpeechRecognizer
  files: VoiceFiles
  /** Judges a transcript through the guard (Guard.judgeProduced); late-bound because the guard is built with this step. */
  judge: JudgeProduced
  clock: () => number
  /** Where our own bugs go (a request the service calls malformed); never given keys or audio. */
  log?: (line: string) => void
}

export interface VoiceTranscriber extends MediaStep {
  /** Runs every job that is due now, after waiting for files still being fetched. */
  flush(): Promise<{ ran: number }>
  /** Timer mode: jobs run as they come due, and old audio is deleted hourly. */
  start(): void
  stop(): Promise<void>
  /** When the next queued job falls due (a retry), or null. */
  nextDueAt(): number | null
  /** The speech keys or service address changed: jobs waiting for keys try again. */
  keysChanged(): void
  /** The WAV file of a voice message, while it is kept. */
  audio(messageId: string): Buffer | null
  /** Deletes audio and finished jobs of messages older than the retention period. */
  purgeAudio(): number
}

/** The voice message a job is about, as the guard judges it (its text comes with the produced text). */
function messageOf(job: SpeechJob): IncomingMessage {
  return { id: job.messageId, groupId: job.groupId, senderId: job.senderId, kind: 'voice', text: '', time: job.at }
}

export function createVoiceTranscriber(options: VoiceTranscriberOptions): VoiceTranscriber {
  const { store, decoder, recognizer, files, clock } = options
  const log = options.log ?? ((line: string) => console.error(`[voice] ${line}`))
  const fetches = new Set<Promise<void>>()
  let tail: Promise<unknown> = Promise.resolve()
  let timer: NodeJS.Timeout | null = null
  let purgeTimer: NodeJS.Timeout | null = null
  let started = false
  let stopped = false

  /** Records a failed attempt; call inside a transaction. */
  function recordFailure(job: SpeechJob, outcome: FailureOutcome): void {
    if (outcome.log) log(`message ${job.messageId}: ${outcome.log}`)
    const now = clock()
    const failure = { code: outcome.code, errNo: outcome.errNo }
    persistDecoded(job)
    if (outcome.next === 'retry') store.speechJobs.retryLater(job.messageId, failure, now + retryDelayMs(job.attempts))
    else if (outcome.next === 'wait-for-keys') store.speechJobs.waitForKeys(job.messageId, failure)
    else store.speechJobs.fail(job.messageId, failure, now)
    // The feed is touched only when what it shows changes, not on every retry.
    const unchanged = job.eventId !== null && job.failure === outcome.code && outcome.next === 'retry'
    if (!unchanged) showUntranscribed(store, store.speechJobs.get(job.messageId)!, outcome, now)
  }

  /**
   * A job that gives up is still judged, with no text: rules about the kind alone (`kind:voice`) apply to it as to
   * any voice message. Jobs that will be retried or wait for keys are judged once they have their transcript.
   */
  async function settleFailure(job: SpeechJob, outcome: FailureOutcome): Promise<void> {
    if (outcome.next !== 'give-up' || repDecided(store, job)) {
      store.transaction(() => recordFailure(job, outcome))
      return
    }
    try {
      await options.judge(messageOf(job), { text: '', detail: { voice: voiceDetail(job) }, commit: () => recordFailure(job, outcome) })
    } catch (error) {
      // The guard could not judge it now (WeChat unreachable...): the failure is recorded all the same, never lost.
      log(`message ${job.messageId}: judging without a transcript failed: ${errorText(error)}`)
      store.transaction(() => recordFailure(job, outcome))
    }
  }

  async function fetchAudio(message: IncomingMessage): Promise<void> {
    let timer: NodeJS.Timeout | undefined
    try {
      if (!message.media) throw new AudioError('audio-unavailable', 'the message carries no file')
      const timeout = new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new AudioError('audio-unavailable', `no file within ${FETCH_TIMEOUT_MS} ms`)), FETCH_TIMEOUT_MS)
        timer.unref()
      })
      const media = await Promise.race([message.media(), timeout])
      // Stopped meanwhile: the store may be closed; the job is still 'fetching' and the next start reports it.
      if (stopped) return
      store.speechJobs.attachAudio(message.id, media.bytes, clock())
    } catch (error) {
      if (stopped) return
      // Queued without audio: the job then gives up as 'audio-unavailable' through the same path as any other failure.
      store.speechJobs.attachAudio(message.id, null, clock())
    } finally {
      clearTimeout(timer)
    }
    poke()
  }

  async function pcmOf(job: SpeechJob): Promise<{ pcm: Int16Array; job: SpeechJob }> {
    if (job.wavPath !== null) {
      const pcm = files.readPcm(job.wavPath)
      if (!pcm) throw new AudioError('audio-unavailable', 'the decoded audio was deleted')
      return { pcm, job }
    }
    if (!job.audio) throw new AudioError('audio-unavailable', 'the puppet did not hand the file over')
    const decoded = await decoder.decode(job.audio)
    const wavPath = files.save(job.messageId, decoded.pcm)
    // Recorded with the job's outcome (persistDecoded), not in a write of its own: one disk sync less per message.
    return { pcm: decoded.pcm, job: { ...job, format: decoded.format, wavPath, durationMs: decoded.durationMs, audio: null } }
  }

  /** Inside the transaction that records the job's outcome: the WAV replaces the stored file. */
  function persistDecoded(job: SpeechJob): void {
    if (job.wavPath !== null && job.format !== null && job.durationMs !== null) {
      store.speechJobs.recordDecoded(job.messageId, { format: job.format, wavPath: job.wavPath, durationMs: job.durationMs })
    }
  }

  async function transcribe(pcm: Int16Array): Promise<string> {
    const language = store.settings.get('speechLanguage')
    const texts: string[] = []
    // Pieces in order, one at a time: the transcript reads as it was spoken, and the service sees one call at a time.
    for (const piece of splitAtPauses(pcm, SPEECH_SAMPLE_RATE, recognizer.maxPieceSeconds)) {
      texts.push(await recognizer.recognize(piece, language))
    }
    return texts.filter((text) => text !== '').join(language === 'english' ? ' ' : '')
  }

  async function runJob(queued: SpeechJob): Promise<void> {
    let job = queued
    try {
      const audio = await pcmOf(job)
      job = audio.job
      const transcript = repDecided(store, job) ? null : await transcribe(audio.pcm)
      await judgeTranscript(job, transcript)
    } catch (error) {
      await settleFailure(job, classifyFailure(error, job.attempts))
    }
  }

  /** A null transcript: the rep decided by hand meanwhile, so the job ends without judging. */
  async function judgeTranscript(job: SpeechJob, transcript: string | null): Promise<void> {
    const commit = () => {
      persistDecoded(job)
      store.speechJobs.finish(job.messageId, transcript, clock())
      closeUntranscribed(store, job)
    }
    if (transcript === null) {
      store.transaction(commit)
      return
    }
    await options.judge(messageOf(job), { text: transcript, detail: { voice: voiceDetail(job) }, commit })
  }

  async function drain(): Promise<{ ran: number }> {
    await Promise.all([...fetches])
    let ran = 0
    for (let job = store.speechJobs.nextDue(clock()); job; job = store.speechJobs.nextDue(clock())) {
      await runJob(job)
      ran++
    }
    return { ran }
  }

  function schedule(): void {
    if (!started) return
    if (timer) clearTimeout(timer)
    const dueAt = store.speechJobs.nextDueAt()
    if (dueAt === null) return
    timer = setTimeout(() => void flush(), Math.max(0, dueAt - clock()))
    timer.unref()
  }

  function flush(): Promise<{ ran: number }> {
    const run = tail.then(drain)
    tail = run.catch(() => undefined).then(schedule)
    return run
  }

  function poke(): void {
    if (started) void flush()
  }

  function purgeAudio(): number {
    const before = clock() - store.settings.get('retentionDays') * DAY_MS
    const expired = store.speechJobs.withWavBefore(before)
    for (const job of expired) {
      files.remove(job.wavPath!)
      store.speechJobs.forgetWav(job.messageId)
    }
    store.speechJobs.purgeFinishedBefore(before)
    return expired.length
  }

  // Files that were still downloading when the app stopped cannot be fetched again: the puppet's message is gone.
  for (const job of store.speechJobs.interruptedFetches()) store.speechJobs.attachAudio(job.messageId, null, clock())

  return {
    kinds: ['voice'],
    async take(message, member) {
      const job = { messageId: message.id, groupId: message.groupId, senderId: message.senderId, memberKey: member.key, memberName: member.displayName, at: message.time }
      if (!store.speechJobs.insert(job, clock())) return
      // Not awaited: the next message is not held up by a download.
      const fetching = fetchAudio(message).finally(() => fetches.delete(fetching))
      fetches.add(fetching)
    },
    flush,
    start() {
      started = true
      purgeAudio()
      purgeTimer ??= setInterval(purgeAudio, PURGE_INTERVAL_MS)
      purgeTimer.unref()
      void flush()
    },
    async stop() {
      started = false
      stopped = true
      if (timer) clearTimeout(timer)
      if (purgeTimer) clearInterval(purgeTimer)
      timer = purgeTimer = null
      // Downloads in progress are not waited for: a stuck puppet must not keep the app from closing.
      await tail
      await decoder.close()
    },
    nextDueAt: () => store.speechJobs.nextDueAt(),
    keysChanged() {
      store.speechJobs.wakeWaitingForKeys(clock())
      poke()
    },
    audio(messageId) {
      const job = store.speechJobs.get(messageId)
      return job?.wavPath ? files.read(job.wavPath) : null
    },
    purgeAudio,
  }
}
