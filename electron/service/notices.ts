// Which feed events need the rep enough for a desktop notification, and what it says. Pure: the shell shows it,
// through the batcher (notice-batcher.ts), which groups a burst into one.
import type { ApiEvent } from '../../shared/api/contract.ts'
import type { FeedEvent } from '../../shared/api/types.ts'
import type { Settings } from '../../shared/policy/settings.ts'

type Language = Settings['language']

export interface DesktopNotice {
  title: string
  body: string
  /** What kind of thing needs the rep, for the grouped notice's count. */
  topic: NoticeTopic
}

/** What needs the rep: a review or an alert, a failed action, a to-do by hand, a known offender back in a group. */
export type NoticeTopic = 'review' | 'failure' | 'todo' | 'offender'

const TITLES: Record<NoticeTopic, Record<Language, string>> = {
  review: { 'zh-CN': '需要你处理', en: 'Needs your attention' },
  failure: { 'zh-CN': '操作失败', en: 'An action failed' },
  todo: { 'zh-CN': '需要你手动处理', en: 'Needs doing by hand' },
  offender: { 'zh-CN': '违规成员重新入群', en: 'Known offender joined' },
}

/** The topic of an event that needs the rep, or null. */
function topicOf(event: Extract<ApiEvent, { type: 'feed' }>): NoticeTopic | null {
  const feed: FeedEvent = event.event
  if (feed.dryRun) return null
  if (event.change === 'updated') return feed.status === 'needs_rep' ? 'todo' : null
  switch (feed.kind) {
    case 'alert':
    case 'outsider_invite':
    case 'voice_untranscribed':
      return 'review'
    case 'removal_needed':
      return 'todo'
    case 'removal_failed':
    case 'action_failed':
    case 'rules_invalid':
      return 'failure'
    case 'known_offender_joined':
      return 'offender'
    default:
      return null
  }
}

export function desktopNotice(event: ApiEvent, settings: Pick<Settings, 'desktopNotifications' | 'language'>): DesktopNotice | null {
  if (!settings.desktopNotifications || event.type !== 'feed') return null
  const topic = topicOf(event)
  if (!topic) return null
  const feed = event.event
  const who = [feed.memberName, feed.groupTopic].filter(Boolean).join(' · ')
  return { topic, title: TITLES[topic][settings.language], body: [who, feed.rule].filter(Boolean).join(' — ') }
}

const SUMMARY: Record<Language, { title: (count: number) => string; topic: Record<NoticeTopic, (count: number) => string> }> = {
  'zh-CN': {
    title: (count) => `群卫：${count} 件事需要你处理`,
    topic: {
      review: (count) => `${count} 条提醒或待处理`,
      failure: (count) => `${count} 个操作失败`,
      todo: (count) => `${count} 件需手动处理`,
      offender: (count) => `${count} 个违规成员重新入群`,
    },
  },
  en: {
    title: (count) => `QunGuard: ${count} things need you`,
    topic: {
      review: (count) => `${count} ${count === 1 ? 'alert or review' : 'alerts or reviews'}`,
      failure: (count) => `${count} failed ${count === 1 ? 'action' : 'actions'}`,
      todo: (count) => `${count} ${count === 1 ? 'thing' : 'things'} to do by hand`,
      offender: (count) => `${count} known ${count === 1 ? 'offender' : 'offenders'} joined`,
    },
  },
}

/** One notice for several: how many, of which kinds. A single notice stays as it is. */
export function groupNotices(notices: readonly DesktopNotice[], language: Language): { title: string; body: string } | null {
  if (notices.length === 0) return null
  if (notices.length === 1) return { title: notices[0]!.title, body: notices[0]!.body }
  const counts = new Map<NoticeTopic, number>()
  for (const notice of notices) counts.set(notice.topic, (counts.get(notice.topic) ?? 0) + 1)
  const texts = SUMMARY[language]
  return { title: texts.title(notices.length), body: [...counts].map(([topic, count]) => texts.topic[topic](count)).join(language === 'en' ? ', ' : '，') }
}
