// Finding a group the way a rep types: spaces ignored, letters in any case, and pinyin initials or full pinyin for
// the Chinese (`ymj` or `yunma` finds 孕妈交流群).
import { pinyin } from 'pinyin-pro'

interface SearchKeys {
  text: string
  initials: string
  spelled: string
}

const compact = (value: string) => value.replace(/\s+/gu, '').toLowerCase()
const keysByTopic = new Map<string, SearchKeys>()

function keysOf(topic: string): SearchKeys {
  let keys = keysByTopic.get(topic)
  if (!keys) {
    const text = compact(topic)
    const syllables = pinyin(text, { toneType: 'none', type: 'array', nonZh: 'consecutive' })
    keys = { text, initials: syllables.map((syllable) => syllable[0] ?? '').join('').toLowerCase(), spelled: syllables.join('').toLowerCase() }
    keysByTopic.set(topic, keys)
  }
  return keys
}

/** Whether a group's topic is what the rep's search asks for; an empty search finds every group. */
export function topicMatches(topic: string, search: string): boolean {
  const query = compact(search)
  if (query === '') return true
  const keys = keysOf(topic)
  return keys.text.includes(query) || keys.initials.includes(query) || keys.spelled.includes(query)
}
