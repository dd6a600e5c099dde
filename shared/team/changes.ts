// The team change log as both sides see it: what a rep sends from its outbox, what the server appends, and what
// every rep applies. Pure data and schemas; the server validates every incoming change against these once.
import { z } from 'zod'
import { ruleInputSchema } from '../rules/ruleset.ts'

/** Made on the rep's machine (or the server, for a lead's change): the same change sent twice is one change. */
const changeId = z.string().uuid()
const text = (max: number) => z.string().max(max)

export const offenderAddedSchema = z
  .object({
    memberKey: text(300).min(1),
    memberId: text(300).nullable(),
    memberName: text(200).nullable(),
    rule: text(200).nullable(),
    /** What they did: the message that got them removed, or the rep's note. */
    reason: text(2000).nullable(),
    groupTopic: text(200).nullable(),
    at: z.number().int().nonnegative(),
  })
  .strict()

export const undoProposedSchema = z
  .object({ memberKey: text(300).min(1), memberName: text(200).nullable(), note: text(500).nullable(), at: z.number().int().nonnegative() })
  .strict()

/** What a rep may send. Removing an entry and publishing a pack are the lead's, through the admin door. */
export const REP_CHANGE_SCHEMA = z.discriminatedUnion('kind', [
  z.object({ id: changeId, kind: z.literal('offender_added'), body: offenderAddedSchema }).strict(),
  z.object({ id: changeId, kind: z.literal('undo_proposed'), body: undoProposedSchema }).strict(),
])
export const REP_CHANGES_SCHEMA = z.object({ changes: z.array(REP_CHANGE_SCHEMA).min(1).max(500) }).strict()
export type RepChange = z.infer<typeof REP_CHANGE_SCHEMA>

export const packRulesSchema = z.array(ruleInputSchema).max(5000)

export interface PackPublished {
  name: string
  version: number
  rules: z.infer<typeof packRulesSchema>
  notes: string | null
}

export interface OffenderRemoved {
  memberKey: string
  /** The entries the lead removed; an entry added after (a new removal) keeps the member on the list. */
  entryIds: string[]
}

/** One row of the log as a rep receives it. `author` is the rep's name on the team. */
export type TeamChange = { id: string; author: string; at: number } & (
  | { kind: 'offender_added'; body: z.infer<typeof offenderAddedSchema> }
  | { kind: 'undo_proposed'; body: z.infer<typeof undoProposedSchema> }
  | { kind: 'offender_removed'; body: OffenderRemoved }
  | { kind: 'pack_published'; body: PackPublished }
)

/** A page of the log: the changes after `from`, up to `to` (opaque cursors the server makes). */
export interface ChangePage {
  from: string
  to: string
  changes: TeamChange[]
  /** More changes are ready right now: ask again from `to`. */
  more: boolean
}

/** What the server pushes over the socket: a wake-up call, or the newest changes (a page, applied only if it
 * starts where the rep's cursor is; otherwise the rep asks for the page itself). */
export type TeamPush = { type: 'wake' } | ({ type: 'changes' } & ChangePage)

/** What a rep reports for the lead's page. */
export const FIGURES_SCHEMA = z
  .object({
    groups: z.number().int().nonnegative(),
    offences: z.number().int().nonnegative(),
    removals: z.number().int().nonnegative(),
    precision: z.number().min(0).max(1).nullable(),
    days: z.number().int().positive().max(365),
  })
  .strict()
export type RepFigures = z.infer<typeof FIGURES_SCHEMA>

export const FIRST_CURSOR = '0.0'

// What a rep accepts from the server: checked once where it arrives, so a broken or hostile server cannot put a
// malformed row into the rep's store (the page is refused whole and the rep keeps its cursor).
const author = { id: changeId, author: text(80), at: z.number() }
const TEAM_CHANGE_SCHEMA = z.discriminatedUnion('kind', [
  z.object({ ...author, kind: z.literal('offender_added'), body: offenderAddedSchema }),
  z.object({ ...author, kind: z.literal('undo_proposed'), body: undoProposedSchema }),
  z.object({ ...author, kind: z.literal('offender_removed'), body: z.object({ memberKey: text(300), entryIds: z.array(changeId).max(100_000) }) }),
  z.object({
    ...author,
    kind: z.literal('pack_published'),
    body: z.object({ name: text(80).min(1), version: z.number().int().positive(), rules: packRulesSchema, notes: text(2000).nullable() }),
  }),
])
const cursor = z.string().regex(/^\d{1,20}\.\d{1,20}$/)
export const CHANGE_PAGE_SCHEMA = z.object({ from: cursor, to: cursor, more: z.boolean(), changes: z.array(TEAM_CHANGE_SCHEMA).max(10_000) })
export const TEAM_PUSH_SCHEMA = z.discriminatedUnion('type', [
  z.object({ type: z.literal('wake') }),
  CHANGE_PAGE_SCHEMA.extend({ type: z.literal('changes') }),
])
