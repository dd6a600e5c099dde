// What a desktop notification says when something comes to need the rep (shared/api/needs-rep.ts decides what does;
// the service's count tells when an event arrives there). Pure: the shell shows it, through the batcher
// (notice-batcher.ts), which groups a burst into one.
import type { NeedsRepTopic } from '../../shared/api/needs-rep.ts'
import type { FeedEvent } from '../../shared/api/types.ts'
import type { Settings } from '../../shared/policy/settings.ts'

type Language = Settings['language']

export interface DesktopNotice {
  title: string
  body: string
  /** What kind of thing needs the rep, for the grouped notice's count. */
  topic: NoticeTopic
}

export type NoticeTopic = NeedsRepTopic

const TITLES: Record<NoticeTopic, Record<Language, string>> = {
  review: { 'zh-CN': '需要你处理', en: 'Needs your attention' },
  failure: { 'zh-CN': '操作失败', en: 'An action failed' },
  todo: { 'zh-CN': '需要你手动处理', en: 'Needs doing by hand' },
  offender: { 'zh-CN': '违规成员重新入群', en: 'Known offender joined' },
}

/** The notice for an event that has just come to need the rep; null with notifications switched off. */
export function desktopNotice(
  arrived: { event: FeedEvent; topic: NoticeTopic },
  settings: Pick<Settings, 'desktopNotifications' | 'language'>,
): DesktopNotice | null {
  if (!settings.desktopNotifications) return null
  const { event, topic } = arrived
  const who = [event.memberName, event.groupTopic].filter(Boolean).join(' · ')
  return { topic, title: TITLES[topic][settings.language], body: [who, event.rule].filter(Boolean).join(' — ') }
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
