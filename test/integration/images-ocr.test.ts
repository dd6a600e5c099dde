// Text in images through Baidu's general OCR, on the shared Baidu client, against a local fake of Baidu; and through
// the guard on the simulator, only while the rep has it switched on.
import { writeFile } from 'node:fs/promises'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { BaiduError, createBaiduClient, type BaiduClient } from '../../electron/baidu/index.ts'
import { createImageTextReader, GENERAL_OCR_PATH } from '../../electron/images/index.ts'
import type { EventLine } from '../../electron/sim/event-lines.ts'
import { parseScenario } from '../../electron/sim/scenario.ts'
import { runScenario } from '../../electron/sim/scenario-runner.ts'
import { FakeBaidu } from '../fakes/fake-baidu.ts'
import { photoWithoutQr } from '../fakes/photos.ts'
import { scratchDir } from './cli-harness.ts'

const fake = new FakeBaidu()
let imagesSeen: Buffer[] = []

beforeAll(async () => {
  fake.route(GENERAL_OCR_PATH, (request, baidu) => {
    if (!baidu.validToken(request.query.get('access_token'))) return { json: { error_code: 110, error_msg: 'Access token invalid or no longer valid' } }
    if (!request.contentType.startsWith('application/x-www-form-urlencoded')) return { json: { error_code: 216100, error_msg: 'invalid param' } }
    const image = Buffer.from(new URLSearchParams(request.body).get('image') ?? '', 'base64')
    if (image[0] !== 0xff || image[1] !== 0xd8) return { json: { error_code: 216201, error_msg: 'image format error' } }
    imagesSeen.push(image)
    return { json: { log_id: 1, words_result_num: 2, words_result: [{ words: '宝妈兼职日结' }, { words: '加我微信 job_2024' }] } }
  })
  await fake.start()
})
afterAll(() => fake.stop())

function client(keys: { apiKey: string; secretKey: string } | null = fake): BaiduClient {
  return createBaiduClient({ baseUrl: () => fake.url, credentials: () => keys, sleep: async () => {}, backoffMs: 1, timeoutMs: 2000 })
}

describe('Baidu general OCR', () => {
  it('sends the photo as a JPEG of at most 2048 px and returns the lines it reads', async () => {
    imagesSeen = []
    const reader = createImageTextReader(client())
    expect(await reader.read(await photoWithoutQr(3000, 2000))).toEqual(['宝妈兼职日结', '加我微信 job_2024'])
    expect(imagesSeen).toHaveLength(1)
  })

  it('coded failures: no keys, bad keys, an image Baidu cannot use, a busy service', async () => {
    const failure = async (reader: ReturnType<typeof createImageTextReader>) => (await reader.read(await photoWithoutQr(200, 200)).catch((error: unknown) => error)) as BaiduError
    expect((await failure(createImageTextReader(client(null)))).code).toBe('no-keys')
    expect((await failure(createImageTextReader(client({ apiKey: fake.apiKey, secretKey: 'wrong' })))).code).toBe('bad-keys')
    fake.scripted.push({ json: { access_token: 'x', expires_in: 100 } }, { json: { error_code: 216202, error_msg: 'image size error' } })
    expect((await failure(createImageTextReader(client())))).toMatchObject({ code: 'unusable-input', errNo: 216202 })
    const busy = { json: { error_code: 18, error_msg: 'Open api qps request limit reached' } }
    fake.scripted.push({ json: { access_token: 'x', expires_in: 100 } }, busy, busy, busy)
    expect((await failure(createImageTextReader(client())))).toMatchObject({ code: 'busy', errNo: 18 })
  })
})

describe('text in images on the simulator', () => {
  async function rehearse(settings: { imageTextRecognition: boolean }) {
    const dir = scratchDir()
    await writeFile(path.join(dir, 'flyer.jpg'), await photoWithoutQr())
    const scenarioFile = path.join(dir, 'scenario.jsonl')
    const text = [
      { op: 'room', id: 'r1', topic: '宝妈群', owner: 'bot', members: ['alice'] },
      { op: 'image', room: 'r1', from: 'alice', file: 'flyer.jpg' },
    ]
      .map((line) => JSON.stringify(line))
      .join('\n')
    await writeFile(scenarioFile, text)
    const events: EventLine[] = []
    await runScenario({
      scenarioFile,
      steps: parseScenario(text, scenarioFile),
      rules: [{ name: '兼职', match: '兼职日结', action: 'remove' }],
      settings,
      imageText: createImageTextReader(client()),
      onEvent: (line) => events.push(line),
    })
    return events.map(({ minute: _minute, ...line }) => line)
  }

  it('is judged like a message when the rep has switched it on', async () => {
    expect(await rehearse({ imageTextRecognition: true })).toEqual([{ event: 'removal', room: 'r1', member: 'alice', rule: '兼职', strike: 1 }])
  })

  it('is never sent to Baidu while it is off (the default)', async () => {
    const before = fake.count(GENERAL_OCR_PATH)
    expect(await rehearse({ imageTextRecognition: false })).toEqual([])
    expect(fake.count(GENERAL_OCR_PATH)).toBe(before)
  })
})
