// Newcomers: members who joined less than N hours ago and post a link, card, QR code, phone number or WeChat id, or
// post within seconds of joining; and a burst of joins by one inviter.
import type { MessageKind } from '../../rules/types.ts'

export interface NewcomerSettings {
  /** A member counts as new for this long after joining. */
  newcomerMs: number
  /** Posting this soon after joining is itself suspicious. */
  fastPostMs: number
}

export type NewcomerFinding =
  | { reason: 'contact'; what: 'link' | 'card' | 'qrcode' | 'miniprogram' | 'phone' | 'wechat_id' }
  | { reason: 'fast_post'; seconds: number }
  | { reason: 'join_burst'; joins: number; inviterId: string }

const CONTACT_KINDS = ['link', 'card', 'qrcode', 'miniprogram'] as const
const PHONE = /1[3-9]\d{9}/u
/** On the compact text: a WeChat word (or a homophone the folding did not catch) followed by an id-like run. */
const WECHAT_ID = /(?:微信|威信|薇信|维信|v信|vx|wx|加v)号?[a-z][a-z0-9]{5,19}/u
const URL = /https?:\/\/|www\.|\.(?:com|cn|cc|vip|top|net)\b/iu

export function isRecentJoiner(joinedAt: number | null, now: number, settings: NewcomerSettings): boolean {
  return joinedAt !== null && now - joinedAt < settings.newcomerMs
}

export function newcomerFinding(
  post: { joinedAt: number | null; at: number; kinds: readonly MessageKind[]; text: string; compact: string },
  settings: NewcomerSettings,
): NewcomerFinding | null {
  if (!isRecentJoiner(post.joinedAt, post.at, settings)) return null
  const kind = CONTACT_KINDS.find((candidate) => post.kinds.includes(candidate))
  if (kind) return { reason: 'contact', what: kind }
  if (URL.test(post.text)) return { reason: 'contact', what: 'link' }
  if (PHONE.test(post.compact)) return { reason: 'contact', what: 'phone' }
  if (WECHAT_ID.test(post.compact)) return { reason: 'contact', what: 'wechat_id' }
  const since = post.at - post.joinedAt!
  if (since < settings.fastPostMs) return { reason: 'fast_post', seconds: Math.max(0, Math.round(since / 1000)) }
  return null
}

/** Counts joins per inviter and group within a window. */
export class JoinBurstTracker {
  private readonly joins = new Map<string, number[]>()

  record(
    join: { groupId: string; inviterId: string; members: number; at: number },
    settings: { windowMs: number; minJoins: number },
  ): NewcomerFinding | null {
    const key = `${join.groupId}\u0000${join.inviterId}`
    const times = (this.joins.get(key) ?? []).filter((time) => time > join.at - settings.windowMs)
    const before = times.length
    for (let k = 0; k < join.members; k++) times.push(join.at)
    this.joins.set(key, times.slice(-settings.minJoins))
    if (this.joins.size > 10_000) {
      for (const [other, list] of this.joins) if (list.at(-1)! <= join.at - settings.windowMs) this.joins.delete(other)
    }
    // Only the join that makes it a burst raises it: one alert per burst, not one per member after it.
    return before < settings.minJoins && times.length >= settings.minJoins ? { reason: 'join_burst', joins: times.length, inviterId: join.inviterId } : null
  }
}
