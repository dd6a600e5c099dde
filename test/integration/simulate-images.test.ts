// Image messages through the whole path on the simulator: the scenario's photo file, Wechaty on the simulated
// puppet, the guard, the real QR decoder in its worker, the rules (kind:qrcode, decoded text, decoded links).
import { writeFile } from 'node:fs/promises'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import type { EventLine } from '../../electron/sim/event-lines.ts'
import { parseScenario } from '../../electron/sim/scenario.ts'
import { runScenario } from '../../electron/sim/scenario-runner.ts'
import { ScenarioError } from '../../electron/sim/scenario.ts'
import { photoWithoutQr, photoWithQr } from '../fakes/photos.ts'
import { scratchDir } from './cli-harness.ts'

const RULES = [
  { name: '群二维码', match: 'kind:qrcode & kind:link(weixin.qq.com)', action: 'remove' as const },
  { name: '博彩码', match: 'kind:qrcode & 博彩', action: 'remove' as const },
  { name: '淘宝链接', match: 'kind:link(taobao.com)', action: 'warn' as const, reply: '请勿发外部链接' },
  { name: '二维码', match: 'kind:qrcode', action: 'alert' as const },
]

async function rehearse(lines: object[], files: Record<string, Buffer>) {
  const dir = scratchDir()
  for (const [name, bytes] of Object.entries(files)) await writeFile(path.join(dir, name), bytes)
  const scenarioFile = path.join(dir, 'scenario.jsonl')
  const text = [{ op: 'room', id: 'r1', topic: '宝妈群', owner: 'bot', members: ['alice', 'bob', 'carol', 'dave'] }, ...lines].map((line) => JSON.stringify(line)).join('\n')
  await writeFile(scenarioFile, text)
  const events: EventLine[] = []
  const outcome = await runScenario({ scenarioFile, steps: parseScenario(text, scenarioFile), rules: RULES, onEvent: (line) => events.push(line) })
  expect(outcome.inboxErrors).toEqual([])
  return events
}

describe('photos on the simulator', () => {
  it('reads QR codes, names WeChat group invites, and judges the decoded text and links', async () => {
    const files = {
      'invite.png': await photoWithQr({ text: 'https://weixin.qq.com/g/AbC123' }),
      'casino.jpg': await photoWithQr({ text: '博彩 大奖 等你来', format: 'jpeg', inverted: true }),
      'shop.jpg': await photoWithQr({ text: 'https://item.taobao.com/item.htm?id=9', format: 'jpeg', rotateDegrees: 20 }),
      'baby.jpg': await photoWithoutQr(),
    }
    const events = await rehearse(
      [
        { op: 'image', room: 'r1', from: 'alice', file: 'invite.png' },
        { op: 'image', room: 'r1', from: 'bob', file: 'casino.jpg' },
        { op: 'image', room: 'r1', from: 'carol', file: 'shop.jpg' },
        { op: 'image', room: 'r1', from: 'dave', file: 'baby.jpg' },
      ],
      files,
    )
    expect(events.map(({ minute: _minute, ...line }) => line)).toEqual([
      { event: 'removal', room: 'r1', member: 'alice', rule: '群二维码', strike: 1, qr: [{ kind: 'wechat-group', text: 'https://weixin.qq.com/g/AbC123' }] },
      { event: 'removal', room: 'r1', member: 'bob', rule: '博彩码', strike: 1, qr: [{ kind: 'text', text: '博彩 大奖 等你来' }] },
      {
        event: 'warning',
        room: 'r1',
        member: 'carol',
        rule: '淘宝链接',
        strike: 1,
        limit: 2,
        text: '@carol 请勿发外部链接',
        qr: [{ kind: 'link', text: 'https://item.taobao.com/item.htm?id=9' }],
      },
    ])
  })

  it('an image that cannot be read is recorded, and the next one is still judged', async () => {
    const events = await rehearse(
      [
        { op: 'image', room: 'r1', from: 'alice', file: 'broken.jpg' },
        { op: 'image', room: 'r1', from: 'bob', file: 'code.png' },
      ],
      { 'broken.jpg': Buffer.from('this is not a jpeg'), 'code.png': await photoWithQr({ text: '随便扫' }) },
    )
    expect(events.map(({ minute: _minute, ...line }) => line)).toEqual([
      { event: 'image_failed', room: 'r1', member: 'alice', code: 'image-unreadable' },
      { event: 'alert', room: 'r1', member: 'bob', rule: '二维码', qr: [{ kind: 'text', text: '随便扫' }] },
    ])
  })

  it('a missing image file is an error at its line', async () => {
    const error = await rehearse([{ op: 'image', room: 'r1', from: 'alice', file: 'nowhere.png' }], {}).catch((caught: unknown) => caught)
    expect(error).toBeInstanceOf(ScenarioError)
    expect((error as ScenarioError).problems).toEqual([{ line: 2, message: expect.stringMatching(/cannot read the image "nowhere.png".*ENOENT/u) }])
  })
})
