// What a signal's quiet alert says: the rep's private note (Chinese, like every note) and the event's plain-data
// detail, from which the window words the reason in the rep's language.
import type { SignalFindings, SignalOffence } from '../../shared/signals/decide.ts'
import type { SignalKind } from '../../shared/rules/types.ts'

const EXCERPT_LENGTH = 60

function excerpt(text: string): string {
  const chars = Array.from(text.replace(/\s+/g, ' ').trim())
  return chars.length > EXCERPT_LENGTH ? `${chars.slice(0, EXCERPT_LENGTH).join('')}…` : chars.join('')
}

/** JSON-able findings for the event's detail: the score, the top n-grams, and each behaviour finding. */
export function signalDetail(findings: SignalFindings, offence: SignalOffence): Record<string, unknown> {
  return {
    signal: offence.kind,
    score: findings.spam ? Math.round(findings.spam.score * 1000) / 1000 : null,
    topGrams: findings.spam?.top.map(({ gram, weight }) => ({ gram, weight: Math.round(weight * 100) / 100 })) ?? [],
    repeat: findings.repeat,
    newcomer: findings.newcomer,
    flood: findings.flood,
  }
}

export function signalReason(kind: SignalKind, findings: SignalFindings): string {
  switch (kind) {
    case 'spam': {
      const grams = findings.spam?.top.slice(0, 3).map((gram) => gram.gram).join('、') ?? ''
      return `疑似营销（评分 ${Math.round((findings.spam?.score ?? 0) * 100)}%${grams ? `：${grams}` : ''}）`
    }
    case 'repeat': {
      const repeat = findings.repeat
      if (repeat?.reason === 'bot_farm') return `${repeat.members} 个新成员发了几乎相同的内容`
      return `同一人在 ${repeat?.groups ?? 0} 个群发了几乎相同的内容`
    }
    case 'newcomer': {
      const newcomer = findings.newcomer
      if (newcomer?.reason === 'fast_post') return `入群 ${newcomer.seconds} 秒就发言`
      if (newcomer?.reason === 'join_burst') return `同一邀请人短时间拉了 ${newcomer.joins} 人进群`
      return '新成员发了联系方式、链接或名片'
    }
    case 'flood':
      return `一分钟内发了 ${findings.flood?.perMinute ?? 0} 条消息`
  }
}

export function signalNote(alert: { groupTopic: string; memberName: string; reason: string; text: string }): string {
  return `【群卫提醒】群「${alert.groupTopic}」中 ${alert.memberName}：${alert.reason}，请在群卫中处理（不会在群里提醒）。${alert.text ? `内容：${excerpt(alert.text)}` : ''}`
}
