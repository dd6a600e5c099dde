// Repetition: the same or nearly the same text posted by one member in several monitored groups within a window, or
// by several members who joined recently (a bot farm). Pure state: the caller passes every time in.
import { similarity, type Signature } from '../near-duplicate.ts'

export interface RepetitionSettings {
  windowMs: number
  /** Distinct groups, this one included, in which one member posted it. */
  minGroups: number
  /** Distinct recently joined members, this one included, who posted it. */
  farmMembers: number
  /** Estimated Jaccard similarity of 2-grams above which two texts count as the same. */
  minSimilarity: number
}

export interface RepeatPost {
  signature: Signature
  groupId: string
  memberKey: string
  at: number
  /** Joined the group recently (the newcomer window). */
  recentJoiner: boolean
}

export type RepeatFinding =
  | { reason: 'same_member'; groups: number }
  | { reason: 'bot_farm'; members: number }

/** Posts kept per band: a flood of one text cannot make a lookup slow. */
const MAX_PER_BAND = 64

export class RepetitionTracker {
  private readonly posts: RepeatPost[] = []
  private readonly byBand = new Map<string, RepeatPost[]>()

  /** Records the post and says whether it repeats earlier ones. */
  record(post: RepeatPost, settings: RepetitionSettings): RepeatFinding | null {
    this.forgetBefore(post.at - settings.windowMs)
    const similar = new Set<RepeatPost>()
    for (const band of post.signature.bands) {
      for (const earlier of this.byBand.get(band) ?? []) {
        if (!similar.has(earlier) && similarity(earlier.signature, post.signature) >= settings.minSimilarity) similar.add(earlier)
      }
    }
    this.remember(post)

    const groups = new Set([post.groupId])
    const farm = new Set(post.recentJoiner ? [post.memberKey] : [])
    for (const earlier of similar) {
      if (earlier.memberKey === post.memberKey) groups.add(earlier.groupId)
      if (earlier.recentJoiner) farm.add(earlier.memberKey)
    }
    if (groups.size >= settings.minGroups) return { reason: 'same_member', groups: groups.size }
    if (post.recentJoiner && farm.size >= settings.farmMembers) return { reason: 'bot_farm', members: farm.size }
    return null
  }

  private remember(post: RepeatPost): void {
    this.posts.push(post)
    for (const band of post.signature.bands) {
      const list = this.byBand.get(band) ?? []
      list.push(post)
      if (list.length > MAX_PER_BAND) list.shift()
      this.byBand.set(band, list)
    }
  }

  /** Posts arrive roughly in time order, so the old ones are at the front. */
  private forgetBefore(cutoff: number): void {
    let drop = 0
    while (drop < this.posts.length && this.posts[drop]!.at < cutoff) drop++
    if (drop === 0) return
    for (const old of this.posts.splice(0, drop)) {
      for (const band of old.signature.bands) {
        const list = this.byBand.get(band)
        if (!list) continue
        const kept = list.filter((candidate) => candidate !== old)
        if (kept.length) this.byBand.set(band, kept)
        else this.byBand.delete(band)
      }
    }
  }
}
