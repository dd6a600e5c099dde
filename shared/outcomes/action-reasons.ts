// Why an action in WeChat did not happen (or may not have), as a code with parameters, so the window says it in the
// rep's language and the rep's notes in Chinese. Stored in event details as { reasonCode, reasonParams } beside
// the Chinese text in `reason`.

export const ACTION_REASON_CODES = [
  // Refusals: final, retrying cannot help.
  'puppet_cannot',
  'roles_unknown',
  'bot_not_admin',
  'target_is_admin',
  'member_not_in_group',
  'bot_not_in_group',
  'unknown_contact',
  'still_in_group',
  'not_back_in_group',
  'wechat_refused',
  // Failures on the way: a removal or re-add is retried, a message is not (it may have gone out).
  'logged_out',
  'timeout',
  'disconnected',
  'unknown_error',
  // Outcomes the guard cannot know.
  'delivery_unknown',
  'interrupted_send',
] as const
export type ActionReasonCode = (typeof ACTION_REASON_CODES)[number]

export interface ActionReason {
  code: ActionReasonCode
  params?: Record<string, string>
}

export type ReasonLanguage = 'en' | 'zh-CN'

type Texts = Record<ActionReasonCode, (p: Record<string, string>) => string>

const zh: Texts = {
  puppet_cannot: () => '当前登录方式（协议）不支持这项操作，请在微信里手动处理',
  member_not_in_group: () => '对方不在群内',
  roles_unknown: () => '无法确定群卫登录的账号是否为群主或管理员（可在“群组”中说明）',
  bot_not_admin: () => '群卫登录的账号不是群主或管理员，不能移出成员',
  target_is_admin: () => '对方是群主或管理员，不能移出',
  bot_not_in_group: () => '群卫登录的账号已不在群内',
  unknown_contact: () => '找不到这个联系人',
  still_in_group: () => '移出后对方仍在群内',
  not_back_in_group: () => '拉回后对方仍不在群内（可能需对方接受邀请）',
  wechat_refused: (p) => p.message ?? '微信拒绝了操作',
  logged_out: () => '微信未登录',
  timeout: (p) => `微信响应超时（已尝试 ${p.attempts ?? '1'} 次）`,
  disconnected: (p) => `与微信的连接中断（已尝试 ${p.attempts ?? '1'} 次）`,
  unknown_error: (p) => `未知错误：${p.message ?? ''}`,
  delivery_unknown: (p) => `消息可能未送达（${p.message ?? '发送后没有得到微信的确认'}），为免重复不再重发`,
  interrupted_send: () => '发送时程序中断，无法确定是否已送达',
}

const en: Texts = {
  puppet_cannot: () => 'the WeChat protocol in use cannot do this: please do it in WeChat',
  member_not_in_group: () => 'the member is not in the group',
  roles_unknown: () => 'QunGuard cannot tell whether the account is the owner or an admin here (say so in Groups if it is)',
  bot_not_admin: () => 'the account QunGuard is logged in as is neither owner nor admin of the group',
  target_is_admin: () => 'the member is the owner or an admin',
  bot_not_in_group: () => 'the account is no longer in the group',
  unknown_contact: () => 'the contact is unknown',
  still_in_group: () => 'the member is still in the group after the removal',
  not_back_in_group: () => 'the member is still not in the group (they may need to accept an invitation)',
  wechat_refused: (p) => `WeChat refused: ${p.message ?? ''}`,
  logged_out: () => 'WeChat is not logged in',
  timeout: (p) => `WeChat did not answer in time (${p.attempts ?? '1'} attempt(s))`,
  disconnected: (p) => `the connection to WeChat dropped (${p.attempts ?? '1'} attempt(s))`,
  unknown_error: (p) => `unknown error: ${p.message ?? ''}`,
  delivery_unknown: (p) =>
    `the message may not have been delivered (${p.message ?? 'WeChat never confirmed it'}); not sent again, to avoid a duplicate`,
  interrupted_send: () => 'the app stopped while sending: the message may not have been delivered; not sent again',
}

const TEXTS: Record<ReasonLanguage, Texts> = { en, 'zh-CN': zh }

export function actionReasonText(reason: ActionReason, language: ReasonLanguage): string {
  return TEXTS[language][reason.code](reason.params ?? {})
}

/** What an event's detail carries about a failure, for the window and the CLI. */
export function reasonDetail(reason: ActionReason): { reason: string; reasonCode: ActionReasonCode; reasonParams: Record<string, string> } {
  return { reason: actionReasonText(reason, 'zh-CN'), reasonCode: reason.code, reasonParams: reason.params ?? {} }
}

export function isActionReasonCode(value: unknown): value is ActionReasonCode {
  return typeof value === 'string' && (ACTION_REASON_CODES as readonly string[]).includes(value)
}
