import { describe, expect, it } from 'vitest'
import { topicMatches } from '../../renderer/src/screens/groups/group-search.ts'

describe('topicMatches: the groups screen’s search', () => {
  it.each([
    ['孕妈交流群', '孕妈', true],
    ['孕妈交流群', '孕妈 交流', true],
    ['孕妈 交流群', '孕妈交流', true],
    ['孕妈交流群', 'ymj', true],
    ['孕妈交流群', 'YMJ', true],
    ['孕妈交流群', 'yunma', true],
    ['孕妈交流群', 'ymq', false],
    ['VIP 福利二群', 'vip福利', true],
    ['VIP 福利二群', 'flq', false],
    ['VIP 福利二群', 'fleq', true],
    ['母婴大群', '', true],
  ])('%s / %s -> %s', (topic, search, expected) => {
    expect(topicMatches(topic, search)).toBe(expected)
  })
})
