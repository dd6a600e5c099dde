// Baidu's short speech recognition (/server_api) on the fake platform: it checks the request as the real service
// does (token, every JSON field, `len` against the decoded bytes, at most 60 s) and "recognises" the phrases a test
// taught it by their duration, so audio that arrives stretched or squeezed (wrong sample rate) is not understood.
import type { FakeAnswer, FakeBaidu, FakeRequest } from './fake-baidu.ts'

export interface ReceivedSpeech {
  devPid: number
  cuid: string
  seconds: number
  pcm: Int16Array
}

const DEV_PIDS = new Set([1537, 1737, 1637, 1837])
const DURATION_TOLERANCE_SECONDS = 0.25

export class FakeBaiduSpeech {
  readonly received: ReceivedSpeech[] = []
  private readonly phrases: { text: string; seconds: number }[] = []
  /** Overrides the duration lookup, e.g. to name each piece of a long recording. */
  transcribe: ((speech: ReceivedSpeech) => string | null) | null = null

  constructor(fake: FakeBaidu) {
    fake.route('/server_api', (request, self) => this.answer(request, self))
  }

  /** Answers `text` for audio lasting `seconds`. */
  knows(text: string, seconds: number): this {
    this.phrases.push({ text, seconds })
    return this
  }

  private answer(request: FakeRequest, fake: FakeBaidu): FakeAnswer {
    const fail = (errNo: number, message: string): FakeAnswer => ({ json: { err_no: errNo, err_msg: message, sn: 'fake-sn' } })
    if (!request.contentType.startsWith('application/json')) return fail(3300, 'content type must be json')
    let body: Record<string, unknown>
    try {
      body = JSON.parse(request.body) as Record<string, unknown>
    } catch {
      return fail(3300, 'speech json parse error')
    }
    const { format, rate, channel, cuid, token, dev_pid: devPid, speech, len } = body
    if (format !== 'pcm' || rate !== 16000 || channel !== 1) return fail(3311, 'format, rate or channel not supported')
    if (typeof cuid !== 'string' || cuid === '' || cuid.length > 60) return fail(3300, 'cuid missing')
    if (typeof devPid !== 'number' || !DEV_PIDS.has(devPid)) return fail(3300, 'dev_pid not supported')
    if (!fake.validToken(token)) return fail(3302, 'authentication failed')
    if (typeof speech !== 'string' || speech === '' || typeof len !== 'number') return fail(3300, 'speech or len missing')
    const bytes = Buffer.from(speech, 'base64')
    if (bytes.length !== len) return fail(3312, `len ${len} is not the speech's ${bytes.length} bytes`)
    if (bytes.length % 2 !== 0) return fail(3311, 'pcm must be 16-bit')
    const seconds = bytes.length / 2 / 16000
    if (seconds > 60) return fail(3310, 'speech too long')
    const pcm = new Int16Array(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.length))
    const received = { devPid, cuid, seconds, pcm }
    this.received.push(received)
    const text = this.transcribe ? this.transcribe(received) : this.byDuration(seconds)
    if (text === null) return fail(3301, 'speech quality error')
    return { json: { err_no: 0, err_msg: 'success.', corpus_no: '6433214037620997779', sn: 'fake-sn', result: [text] } }
  }

  private byDuration(seconds: number): string | null {
    const match = this.phrases.find((phrase) => Math.abs(phrase.seconds - seconds) <= DURATION_TOLERANCE_SECONDS)
    return match?.text ?? null
  }
}
