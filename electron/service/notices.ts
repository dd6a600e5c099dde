// Which feed events deserve a desktop notification, and what it says. Pure: the shell shows it.
import type { ApiEvent } from '../../shared/api/contract.ts'
import type { Settings } from '../../shared/policy/settings.ts'

const TITLES: Record<string, Record<Settings['language'], string>> = {
  removal: { 'zh-CN': '已移出群聊', en: 'Member removed' },
  removal_failed: { 'zh-CN': '移出失败', en: 'Removal failed' },
  alert: { 'zh-CN': '需要你处理', en: 'Needs your attention' },
  known_offender_joined: { 'zh-CN': '违规成员重新入群', en: 'Known offender joined' },
  removal_needed: { 'zh-CN': '请你移出成员', en: 'Remove a member by hand' },
  outsider_invite: { 'zh-CN': '非管理员拉人入群', en: 'Member invited by an outsider' },
}

export function desktopNotice(event: ApiEvent, settings: Pick<Settings, 'desktopNotifications' | 'language'>): { title: string; body: string } | null {
  if (!settings.desktopNotifications || event.type !== 'feed') return null
  const { event: feed } = event
  const title = TITLES[feed.kind]?.[settings.language]
  if (!title || feed.dryRun) return null
  // A removal is news once WeChat confirmed it; everything else when it happens.
  const news = feed.kind === 'removal' ? event.change === 'updated' && feed.status === 'done' : event.change === 'created'
  if (!news) return null
  const who = [feed.memberName, feed.groupTopic].filter(Boolean).join(' · ')
  return { title, body: [who, feed.rule].filter(Boolean).join(' — ') }
}
