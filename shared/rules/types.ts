// The public shapes of the rule language. Everything here is pure data, shared by the main process and the window.
import type { RuleErrorCode } from './messages.ts'

export const RULE_ACTIONS = ['warn', 'remove', 'alert', 'ignore'] as const
export type RuleAction = (typeof RULE_ACTIONS)[number]

/** Message kinds that `kind:NAME` terms test for; the guard tells the engine which kinds a message has. */
export const MESSAGE_KINDS = ['text', 'voice', 'link', 'miniprogram', 'card', 'image', 'qrcode', 'file', 'video'] as const
export type MessageKind = (typeof MESSAGE_KINDS)[number]

/** Kinds the engine finds in what a message says (shared/rules/kinds), as it finds `link` there too. */
export const TEXT_KINDS = ['phone', 'wechat-id'] as const
export type TextKind = (typeof TEXT_KINDS)[number]

/** A rule as written in a rules file or sent by the window: everything but name and match is optional. */
export interface RuleInput {
  name: string
  match: string
  reply?: string | null
  action?: RuleAction
  enabled?: boolean
  /** 'all' groups, or a list of group ids (or topics) the rule applies to. */
  scope?: 'all' | string[]
  /** Record what would have happened, do nothing. */
  dryRun?: boolean
}

/** A rule with every default filled in. */
export interface Rule {
  name: string
  match: string
  reply: string | null
  action: RuleAction
  enabled: boolean
  scope: 'all' | string[]
  dryRun: boolean
}

/** Where in an expression's text something is: 1-based line and column, 0-based UTF-16 offset. */
export interface SourcePosition {
  line: number
  column: number
  offset: number
}

/** A problem with one rule; `position` is within the rule's match expression when the fault lies there. */
export interface RuleProblem {
  rule: string
  index: number
  /** In English; `code` and `params` let the window say it in the rep's language (see messages.ts). */
  message: string
  code?: RuleErrorCode
  params?: Record<string, string>
  position?: SourcePosition
}

export type TermKind = 'word' | 'phrase' | 'regex' | 'sounds' | 'kind'

/** One matched term, located in the ORIGINAL message text as a half-open UTF-16 range. */
export interface TermHit {
  term: string
  kind: TermKind
  start: number
  end: number
}

export interface RuleExplanation {
  name: string
  hits: TermHit[]
}

export interface Explanation {
  /** The text the engine reads: NFKC, lower case, simplified, letters and digits only. */
  compact: string
  /** Rules that matched, in rule-set order, with the terms that made them match. */
  matched: RuleExplanation[]
  /** Every kind the message has: those the context gave and those found in its text. */
  kinds: (MessageKind | TextKind)[]
}

/** What the engine is told about a message besides its text. */
export interface MessageContext {
  /** Group id and topic, for rule scopes; absent means "no group", which only scope 'all' rules accept. */
  groupId?: string
  groupTopic?: string
  kinds?: readonly MessageKind[]
}
