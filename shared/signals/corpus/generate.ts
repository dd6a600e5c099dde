// The starter corpus, generated deterministically from the template families and the slot vocabulary (a seeded
// generator: the same corpus on every machine and every run). Whole families are held out: every fourth family of
// each label goes to the held-out split, so no phrasing in it was seen in training.
import type { Label } from '../naive-bayes.ts'
import type { Family } from './family.ts'
import { HAM_FAMILIES } from './ham-families.ts'
import { SPAM_FAMILIES } from './spam-families.ts'
import { SLOTS } from './vocabulary.ts'

export type CorpusSplit = 'train' | 'heldout'

export interface CorpusMessage {
  text: string
  label: Label
  family: string
  category: string
  split: CorpusSplit
}

const MESSAGES_PER_FAMILY = 26
const ATTEMPTS_PER_FAMILY = 600
const HELD_OUT_EVERY = 4

// Openings and endings people type around a message. Some are shared by both labels on purpose, so that the
// decoration says nothing about the label on its own.
const OPENINGS: Record<Label, readonly string[]> = {
  spam: ['', '', '', '【福利】', '🔥', '各位宝妈，', '打扰一下，', '姐妹们，', '重要通知：', '大家好，'],
  ham: ['', '', '', '姐妹们，', '请问', '大家好，', '问一下，', '@所有人 ', '[捂脸]', '唉，'],
}
const ENDINGS: Record<Label, readonly string[]> = {
  spam: ['', '', '', '！', '！！', '～', '，速来', '，名额有限', '👍', '，先到先得', '。'],
  ham: ['', '', '', '～', '？', '。', '啊', '呀', '😂', '，谢谢大家', '[呲牙]'],
}

/** mulberry32: a tiny seeded generator, enough for picking words. */
function seededRandom(seed: number): () => number {
  let state = seed >>> 0
  return () => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

function pick<T>(random: () => number, items: readonly T[]): T {
  return items[Math.floor(random() * items.length)]!
}

export function fillTemplate(template: string, random: () => number): string {
  return template.replace(/\{(\w+)\}/gu, (_, slot: string) => {
    const values = SLOTS[slot]
    if (!values) throw new Error(`template "${template}" names an unknown slot {${slot}}`)
    return pick(random, values)
  })
}

function familyMessages(family: Family, label: Label, split: CorpusSplit, random: () => number): CorpusMessage[] {
  const texts = new Set<string>()
  for (let attempt = 0; attempt < ATTEMPTS_PER_FAMILY && texts.size < MESSAGES_PER_FAMILY; attempt++) {
    const body = fillTemplate(pick(random, family.templates), random)
    texts.add(`${pick(random, OPENINGS[label])}${body}${pick(random, ENDINGS[label])}`)
  }
  return [...texts].map((text) => ({ text, label, family: family.id, category: family.category, split }))
}

function labelMessages(families: readonly Family[], label: Label, random: () => number): CorpusMessage[] {
  return families.flatMap((family, index) =>
    familyMessages(family, label, index % HELD_OUT_EVERY === HELD_OUT_EVERY - 1 ? 'heldout' : 'train', random),
  )
}

let cached: readonly CorpusMessage[] | null = null

/** The whole starter corpus: spam then ham, each message tagged with its family and split. */
export function starterCorpus(): readonly CorpusMessage[] {
  if (!cached) {
    const random = seededRandom(20_240_612)
    cached = Object.freeze([...labelMessages(SPAM_FAMILIES, 'spam', random), ...labelMessages(HAM_FAMILIES, 'ham', random)])
  }
  return cached
}

export function corpusSplit(split: CorpusSplit): CorpusMessage[] {
  return starterCorpus().filter((message) => message.split === split)
}
