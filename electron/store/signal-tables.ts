// The tables behind the signals (electron/signals/): the classifier model, member join times, the LLM call budget,
// and the training evidence read from the events and the message history.
import type { ModelData } from '../../shared/signals/naive-bayes.ts'
import type { Database } from './sql.ts'

export type ModelSource = 'starter' | 'retrained'

export interface StoredModel {
  version: number
  trainedAt: number
  source: ModelSource
  verdictsSinceRetrain: number
  data: ModelData
}

/** One piece of training evidence from the rep's data (see shared/signals/training.ts for the weights). */
export interface EvidenceRow {
  text: string
  label: 'spam' | 'ham'
  evidence: 'verdict' | 'weak_spam' | 'weak_ham'
}

export interface SignalTables {
  model(): StoredModel | null
  /** Replaces the current model. */
  saveModel(model: StoredModel): void
  /** Saves a model changed by one verdict, keeping its version and training date. */
  updateModel(data: ModelData, verdictsSinceRetrain: number): void
  recordJoin(join: { groupId: string; memberId: string; inviterId: string | null; at: number }): void
  joinedAt(groupId: string, memberId: string): number | null
  /** Counts one call against the day's budget; false (and nothing counted) when the budget is spent. */
  takeLlmCall(day: string, budget: number): boolean
  llmCalls(day: string): number
  /** Everything the full retrain learns from the rep's data, at `now`. */
  evidence(now: number, historyLimit: number): EvidenceRow[]
}

const WEEK_MS = 7 * 24 * 60 * 60 * 1000

export function createSignalTables(db: Database): SignalTables {
  const selectModel = db.prepare<[], { version: number; trained_at: number; source: ModelSource; verdicts_since_retrain: number; data: string }>(
    'SELECT * FROM signal_model WHERE id = 1',
  )
  const upsertModel = db.prepare<[{ version: number; trainedAt: number; source: ModelSource; verdicts: number; data: string }]>(
    `INSERT INTO signal_model (id, version, trained_at, source, verdicts_since_retrain, data)
     VALUES (1, @version, @trainedAt, @source, @verdicts, @data)
     ON CONFLICT (id) DO UPDATE SET version = excluded.version, trained_at = excluded.trained_at,
       source = excluded.source, verdicts_since_retrain = excluded.verdicts_since_retrain, data = excluded.data`,
  )
  const updateData = db.prepare<[string, number]>('UPDATE signal_model SET data = ?, verdicts_since_retrain = ? WHERE id = 1')
  const upsertJoin = db.prepare<[{ groupId: string; memberId: string; inviterId: string | null; at: number }]>(
    `INSERT INTO member_joins (group_id, member_id, inviter_id, at) VALUES (@groupId, @memberId, @inviterId, @at)
     ON CONFLICT (group_id, member_id) DO UPDATE SET inviter_id = excluded.inviter_id, at = excluded.at`,
  )
  const selectJoin = db.prepare<[string, string], { at: number }>('SELECT at FROM member_joins WHERE group_id = ? AND member_id = ?')
  const selectCalls = db.prepare<[string], { calls: number }>('SELECT calls FROM llm_calls WHERE day = ?')
  const countCall = db.prepare<[string]>(
    'INSERT INTO llm_calls (day, calls) VALUES (?, 1) ON CONFLICT (day) DO UPDATE SET calls = calls + 1',
  )
  const selectEvidence = db.prepare<[{ weekAgo: number; historyLimit: number }], EvidenceRow>(
    `SELECT text, CASE verdict WHEN 'confirmed' THEN 'spam' ELSE 'ham' END AS label, 'verdict' AS evidence
       FROM events WHERE hit = 1 AND verdict IS NOT NULL AND text IS NOT NULL
     UNION ALL
     -- A resolved review is a verdict too (warn and remove say spam, dismiss says not), unless one was also given.
     SELECT text, CASE review WHEN 'dismissed' THEN 'ham' ELSE 'spam' END, 'verdict'
       FROM events WHERE review IN ('warned', 'removed', 'dismissed') AND verdict IS NULL AND text IS NOT NULL
         AND json_extract(detail, '$.loweredBy') IS NULL
     UNION ALL
     -- Rule hits the rep let stand for a week; not the signals' own alerts, or the model would teach itself.
     SELECT text, 'spam', 'weak_spam'
       FROM events WHERE hit = 1 AND verdict IS NULL AND overridden = 0 AND dry_run = 0 AND text IS NOT NULL
         AND kind IN ('warning', 'removal') AND at < @weekAgo AND rule NOT LIKE 'signal:%'
     UNION ALL
     SELECT * FROM (
       SELECT m.text, 'ham', 'weak_ham' FROM messages m
       WHERE m.text <> '' AND NOT EXISTS (SELECT 1 FROM events e WHERE e.message_id = m.id)
       ORDER BY m.at DESC LIMIT @historyLimit
     )`,
  )

  return {
    model() {
      const row = selectModel.get()
      if (!row) return null
      return {
        version: row.version,
        trainedAt: row.trained_at,
        source: row.source,
        verdictsSinceRetrain: row.verdicts_since_retrain,
        data: JSON.parse(row.data) as ModelData,
      }
    },
    saveModel: (model) =>
      void upsertModel.run({
        version: model.version,
        trainedAt: model.trainedAt,
        source: model.source,
        verdicts: model.verdictsSinceRetrain,
        data: JSON.stringify(model.data),
      }),
    updateModel: (data, verdicts) => void updateData.run(JSON.stringify(data), verdicts),
    recordJoin: (join) => void upsertJoin.run(join),
    joinedAt: (groupId, memberId) => selectJoin.get(groupId, memberId)?.at ?? null,
    takeLlmCall(day, budget) {
      if ((selectCalls.get(day)?.calls ?? 0) >= budget) return false
      countCall.run(day)
      return true
    },
    llmCalls: (day) => selectCalls.get(day)?.calls ?? 0,
    evidence: (now, historyLimit) => selectEvidence.all({ weekAgo: now - WEEK_MS, historyLimit }),
  }
}
