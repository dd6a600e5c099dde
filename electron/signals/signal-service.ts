// The guard's signals: everything it knows about a message besides the rules. Scores it, checks repetition,
// newcomers and floods, tells the rule engine which signal kinds the message has, records a quiet alert when no rule
// matched, learns from the rep's clicks, and asks the optional LLM without ever holding up the message loop.
import type { ReviewChoice } from '../../shared/policy/index.ts'
import type { AnyKind } from '../../shared/rules/types.ts'
import { compactText } from '../../shared/rules/normalize.ts'
import { FloodTracker } from '../../shared/signals/behaviour/flood.ts'
import { JoinBurstTracker, isRecentJoiner, newcomerFinding } from '../../shared/signals/behaviour/newcomer.ts'
import { RepetitionTracker } from '../../shared/signals/behaviour/repetition.ts'
import { signalKinds, signalOffence, type SignalFindings } from '../../shared/signals/decide.ts'
import type { Label, ScoredGram } from '../../shared/signals/naive-bayes.ts'
import { signatureOfCompact } from '../../shared/signals/near-duplicate.ts'
import type { GuardEvent, Store, Verdict } from '../store/index.ts'
import type { KnownMember } from '../guard/member-identity.ts'
import type { IncomingMessage } from '../wechat/chat-port.ts'
import { createClassifier, type Classifier } from './classifier.ts'
import { recordSignalOffence, type SignalSubject } from './record-signal.ts'
import { retrainInWorker, type RetrainRunner } from './retrain-runner.ts'
import { createSecondOpinions, type SecondOpinionOptions } from './second-opinions.ts'
import { createFailureLog } from './failure-log.ts'

const MINUTE_MS = 60_000
const HOUR_MS = 60 * MINUTE_MS
/** Texts shorter than this (compact characters) are too common to call repetition. */
const REPEAT_MIN_CHARS = 8
const REPEAT_MIN_SIMILARITY = 0.6
/** Assessments kept by message id: a message the store refused is judged again later, and must not count twice. */
const REMEMBERED_ASSESSMENTS = 1000

export interface SignalAssessment {
  findings: SignalFindings
  /** The signal kinds for the rule scope. */
  kinds: AnyKind[]
}

export interface SignalService {
  readonly classifier: Classifier
  assess(message: IncomingMessage, groupId: string, member: KnownMember, now: number): SignalAssessment
  /** When no rule matched: records the signals' quiet alert, if any. Call inside the message's transaction. */
  recordIfAny(subject: SignalSubject, assessment: SignalAssessment, now: number): number | null
  /** After the transaction: asks the LLM when the score is uncertain. Returns at once. */
  secondOpinion(subject: SignalSubject, assessment: SignalAssessment, alertId: number | null): void
  /** Records the join; returns a quiet alert's event id for a burst of joins by one inviter. */
  onJoin(subject: Omit<SignalSubject, 'message'>, inviterId: string | null, members: number, now: number): number | null
  learnFromVerdict(event: GuardEvent, next: Verdict | null): void
  learnFromReview(event: GuardEvent, choice: ReviewChoice | 'dismiss'): void
  /** Settles when background work (second opinions, a retrain) is done. */
  idle(): Promise<void>
}

export interface SignalServiceOptions {
  store: Store
  clock: () => number
  /** The LLM's API key, from the secrets file; null when unset. */
  llmApiKey?: () => string | null
  runRetrain?: RetrainRunner
}

const labelOfVerdict = (verdict: Verdict | null): Label | null => (verdict === null ? null : verdict === 'confirmed' ? 'spam' : 'ham')

export function createSignalService(options: SignalServiceOptions): SignalService {
  const { store, clock } = options
  const failures = createFailureLog(store, clock)
  const classifier = createClassifier({
    store,
    clock,
    runRetrain: options.runRetrain ?? retrainInWorker,
    onRetrainFailed: (error) => failures.record('retrain_failed', { reason: error.message }),
  })
  const repetition = new RepetitionTracker()
  const floods = new FloodTracker()
  const joinBursts = new JoinBurstTracker()
  const secondOpinions = createSecondOpinions({ store, clock, apiKey: options.llmApiKey ?? (() => null), failures } satisfies SecondOpinionOptions)

  /** The n-grams are worked out only for a score that may be shown: an alert, or a question to the LLM. */
  function scoreOf(text: string, settings: { spamAlertThreshold: number; llmBandLow: number }): { score: number; top: ScoredGram[] } {
    const score = classifier.spamScore(text)
    if (score < Math.min(settings.spamAlertThreshold, settings.llmBandLow)) return { score, top: [] }
    return { score, top: classifier.score(text).top }
  }

  function assessOnce(message: IncomingMessage, groupId: string, member: KnownMember, now: number): SignalAssessment {
    const settings = store.settings.all()
    const compact = compactText(message.text)
    const joinedAt = store.signals.joinedAt(groupId, member.id)
    const newcomerSettings = { newcomerMs: settings.newcomerHours * HOUR_MS, fastPostMs: settings.newcomerFastSeconds * 1000 }
    const signature = signatureOfCompact(compact, REPEAT_MIN_CHARS)
    const repeat = signature
      ? repetition.record(
          { signature, groupId, memberKey: member.key, at: now, recentJoiner: isRecentJoiner(joinedAt, now, newcomerSettings) },
          {
            windowMs: settings.repeatWindowMinutes * MINUTE_MS,
            minGroups: settings.repeatMinGroups,
            farmMembers: settings.repeatFarmMembers,
            minSimilarity: REPEAT_MIN_SIMILARITY,
          },
        )
      : null
    const findings: SignalFindings = {
      spam: compact === '' ? null : scoreOf(message.text, settings),
      repeat,
      newcomer: newcomerFinding({ joinedAt, at: now, kinds: [message.kind], text: message.text, compact }, newcomerSettings),
      flood: floods.record(groupId, member.key, now, settings.floodPerMinute),
    }
    return { findings, kinds: signalKinds(findings, settings) }
  }

  const assessed = new Map<string, SignalAssessment>()

  return {
    classifier,
    assess(message, groupId, member, now) {
      const earlier = assessed.get(message.id)
      if (earlier) return earlier
      const assessment = assessOnce(message, groupId, member, now)
      assessed.set(message.id, assessment)
      if (assessed.size > REMEMBERED_ASSESSMENTS) assessed.delete(assessed.keys().next().value!)
      return assessment
    },
    recordIfAny(subject, assessment, now) {
      const offence = signalOffence(assessment.findings, store.settings.all())
      return offence ? recordSignalOffence(store, subject, assessment.findings, offence, now) : null
    },
    secondOpinion: (subject, assessment, alertId) => secondOpinions.consider(subject, assessment.findings, alertId),
    onJoin(subject, inviterId, members, now) {
      store.signals.recordJoin({ groupId: subject.group.id, memberId: subject.member.id, inviterId, at: now })
      const settings = store.settings.all()
      if (!inviterId || !settings.newcomerAlerts) return null
      const burst = joinBursts.record(
        { groupId: subject.group.id, inviterId, members, at: now },
        { windowMs: settings.joinBurstMinutes * MINUTE_MS, minJoins: settings.joinBurstCount },
      )
      if (!burst) return null
      const findings: SignalFindings = { spam: null, repeat: null, newcomer: burst, flood: null }
      return recordSignalOffence(store, { ...subject, message: { id: null, text: '' } }, findings, { kind: 'newcomer', action: 'alert' }, now)
    },
    learnFromVerdict(event, next) {
      if (event.text) classifier.learnVerdict(event.text, labelOfVerdict(event.verdict), labelOfVerdict(next))
    },
    learnFromReview(event, choice) {
      // A burst of joins has no text to learn from.
      if (!event.text) return
      classifier.learnVerdict(event.text, null, choice === 'dismiss' ? 'ham' : 'spam')
    },
    async idle() {
      await Promise.all([secondOpinions.idle(), classifier.idle()])
    },
  }
}
