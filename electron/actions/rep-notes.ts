// The private notes the rep gets in their File Transfer chat. Short, Chinese, and enough to act on without the app.

const EXCERPT_LENGTH = 60

function excerpt(text: string): string {
  const chars = Array.from(text.replace(/\s+/g, ' ').trim())
  return chars.length > EXCERPT_LENGTH ? `${chars.slice(0, EXCERPT_LENGTH).join('')}…` : chars.join('')
}

interface Offence {
  groupTopic: string
  memberName: string
  rule: string
  text: string
}

export function alertNote(offence: Offence): string {
  return `【群卫提醒】群「${offence.groupTopic}」中 ${offence.memberName} 触发规则「${offence.rule}」：${excerpt(offence.text)}`
}

export function reviewNote(offence: Offence, proposal: 'warn' | 'remove'): string {
  const proposed = proposal === 'warn' ? '警告' : '移出群聊'
  return `【群卫待处理】静默模式：群「${offence.groupTopic}」中 ${offence.memberName} 触发规则「${offence.rule}」，建议${proposed}，请在群卫中处理。内容：${excerpt(offence.text)}`
}

export function knownOffenderNote(join: {
  groupTopic: string
  memberName: string
  previousGroupTopic: string
  previousRule: string | null
  removing: boolean
}): string {
  const why = join.previousRule ? `因「${join.previousRule}」` : ''
  const next = join.removing ? '，群卫将把其移出' : '，请留意'
  return `【群卫提醒】${join.memberName} 曾${why}被移出群「${join.previousGroupTopic}」，现加入了群「${join.groupTopic}」${next}。`
}

export function markedOffenderNote(join: { groupTopic: string; memberName: string; reason: string | null; removing: boolean }): string {
  const why = join.reason ? `（原因：${excerpt(join.reason)}）` : ''
  const next = join.removing ? '，群卫将把其移出' : '，请留意'
  return `【群卫提醒】${join.memberName} 曾被你标记为违规成员${why}，现加入了群「${join.groupTopic}」${next}。`
}

export function removalNeededNote(task: { groupTopic: string; memberName: string; rule: string | null; reason: string }): string {
  const why = task.rule ? `（规则「${task.rule}」）` : ''
  return `【群卫待办】请把 ${task.memberName} 移出群「${task.groupTopic}」${why}：${task.reason}。移出后在群卫中点“已移出”。`
}

export function outsiderInviteNote(join: { groupTopic: string; memberName: string; inviterName: string; removing: boolean }): string {
  const next = join.removing ? '，群卫将把其移出' : '，请留意'
  return `【群卫提醒】${join.inviterName} 把 ${join.memberName} 拉进了群「${join.groupTopic}」（不是你或你指定的管理员邀请的）${next}。`
}

export function readdTodo(failure: { groupTopic: string; memberName: string; reason: string }): string {
  return `无法直接将 ${failure.memberName} 拉回群「${failure.groupTopic}」（${failure.reason}），请向其发送群邀请。`
}

export function sendFailedNote(failure: { groupTopic: string; reason: string }): string {
  return `【群卫】在群「${failure.groupTopic}」发送消息失败：${failure.reason}。`
}
