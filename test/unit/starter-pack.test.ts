// The starter rules on a labelled chat set of mother-and-baby groups (test/fixtures/starter-pack): precision first.
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { compileRuleSet } from '../../shared/rules/index.ts'
import { STARTER_RULES } from '../../shared/rules/starter-rules.ts'

const FIXTURES = path.resolve(import.meta.dirname, '../fixtures/starter-pack')
const PRECISION_FLOOR = 0.97
const RECALL_FLOOR = 0.6

function readSet(file: string): { topic: string; text: string }[] {
  return readFileSync(path.join(FIXTURES, file), 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => {
      const [topic, text] = line.split('\t')
      return { topic: topic!, text: text! }
    })
}

const ordinary = readSet('ordinary.tsv')
const marketing = readSet('marketing.tsv')
const pack = compileRuleSet(STARTER_RULES)
/** What a new installation would act on: any rule but an 'ignore' one, on a text message. */
const flagged = (text: string) => {
  const rule = pack.first(text, { kinds: ['text'] })
  return rule !== null && rule.action !== 'ignore'
}

describe('the starter pack on mother-and-baby group chat', () => {
  it('the set is as large and varied as promised', () => {
    expect(ordinary.length).toBeGreaterThanOrEqual(300)
    expect(ordinary.filter((message) => message.topic === 'hard-wechat').length).toBeGreaterThanOrEqual(100)
    expect(marketing.length).toBeGreaterThanOrEqual(200)
    expect(new Set(marketing.map((message) => message.topic)).size).toBeGreaterThanOrEqual(9)
    expect(new Set([...ordinary, ...marketing].map((message) => message.text)).size).toBe(ordinary.length + marketing.length)
  })

  // The set written with the pack, and two written by others who never saw it (see the fixtures' README).
  it.each(['.', 'held-out-1', 'held-out-2'])(`meets the floors on %s: precision >= ${PRECISION_FLOOR}, recall >= ${RECALL_FLOOR}`, (set) => {
    const falseAlarms = readSet(path.join(set, 'ordinary.tsv')).filter((message) => flagged(message.text))
    const wanted = readSet(path.join(set, 'marketing.tsv'))
    const caught = wanted.filter((message) => flagged(message.text))
    const precision = caught.length / (caught.length + falseAlarms.length)
    const recall = caught.length / wanted.length
    expect(precision, `false alarms: ${falseAlarms.map((message) => message.text).join(' / ')}`).toBeGreaterThanOrEqual(PRECISION_FLOOR)
    expect(recall).toBeGreaterThanOrEqual(RECALL_FLOOR)
  })

  it('catches some of every kind of offence', () => {
    for (const topic of new Set(marketing.map((message) => message.topic))) {
      const ofTopic = marketing.filter((message) => message.topic === topic)
      expect(ofTopic.filter((message) => flagged(message.text)).length / ofTopic.length, topic).toBeGreaterThanOrEqual(0.5)
    }
  })

  it.each(['宝宝加辅食以后便秘了，微信群里有妈妈知道怎么办吗', '我已经加了团长微信', '一比一还原了小猪佩奇的造型'])('leaves %j alone', (text) => {
    expect(pack.match(text, { kinds: ['text'] })).toEqual([])
  })
})
