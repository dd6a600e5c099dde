// The one implementation of the contract. Both doors (Electron IPC, HTTP/WebSocket) and the tests reach it through
// createDispatch, which has already validated every input; what is checked here is state: that the event exists,
// that a reorder names exactly the current rules, and so on. A refused command changes nothing.
import { ApiError, type ApiEvent, type ApiInput, type QunGuardApi } from '../../shared/api/contract.ts'
import type { BackupView, LoginState, PuppetName } from '../../shared/api/types.ts'
import { acknowledgeable, type NeedsRepView } from '../../shared/api/needs-rep.ts'
import { backtestSteps } from '../../shared/rules/backtest.ts'
import { RuleSetError, type CompiledRuleSet, type Rule } from '../../shared/rules/index.ts'
import { BaiduError } from '../baidu/index.ts'
import type { Guard } from '../guard/index.ts'
import { OverrideError } from '../guard/index.ts'
import { BackupError } from '../backup/index.ts'
import { compileRulesInSlices } from '../rules/in-slices.ts'
import { exportData, importData, ImportError } from '../transfer/index.ts'
import { SettingError, type EventQuery, type GuardEvent, type Store } from '../store/index.ts'
import { feedCsv } from '../../shared/api/feed-csv.ts'
import { memberStoryView } from './member-story.ts'
import type { TeamMode } from '../team-sync/team-mode.ts'
import type { SecretStore } from './secrets.ts'
import { capabilitiesOf } from '../../shared/capabilities/index.ts'
import { signalsView } from './signals-view.ts'
import { feedEventView, groupViews, ruleViews, settingsView, statsView } from './views.ts'

const DEFAULT_FEED_PAGE = 50
const DEFAULT_HISTORY = 100_000
const EXPORT_LIMIT = 1_000_000

/** Local time as a spreadsheet reads it: 2026-12-01 08:30:05. */
function localTime(at: number): string {
  const date = new Date(at)
  const pad = (n: number) => String(n).padStart(2, '0')
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())} ${pad(date.getHours())}:${pad(date.getMinutes())}:${pad(date.getSeconds())}`
}

export interface ApiDeps {
  store: Store
  guard: Guard
  secrets: SecretStore
  clock: () => number
  emit(event: ApiEvent): void
  bot: {
    state(): LoginState
    login(): Promise<void>
    logout(): Promise<void>
    /** Restarts the bot on another puppet, trying `token` if given; false when it did not start. */
    switchTo(puppet: PuppetName, token?: string): Promise<boolean>
  }
  /** What needs the rep now; recount() after the events were replaced wholesale (an import). */
  needsRep: { view(): NeedsRepView; ids(): number[]; recount(): void }
  speech: {
    /** Resolves when the keys work; throws a coded error (BaiduError) otherwise. */
    checkKeys(): Promise<void>
    audio(messageId: string): Buffer | null
    /** Keys or the service address changed: voice waiting for keys tries again. */
    keysChanged(): void
  }
  backups: {
    list(): BackupView[]
    now(): Promise<unknown>
    /** Checks the backup and stages it for the next start; throws BackupError on a refused one. */
    stage(name: string): void
  }
  team: TeamMode
}

function eventOrThrow(store: Store, eventId: number): GuardEvent {
  const event = store.events.get(eventId)
  if (!event) throw new ApiError('not_found', `there is no event ${eventId}`)
  return event
}

/** Turns the guard's own refusals into API errors the window can show. */
async function refusing<T>(work: () => T | Promise<T>): Promise<T> {
  try {
    return await work()
  } catch (error) {
    if (error instanceof OverrideError) throw new ApiError('conflict', error.message)
    if (error instanceof SettingError) throw new ApiError('bad_input', error.message)
    if (error instanceof ImportError) throw new ApiError('bad_input', error.message, { problems: error.problems })
    if (error instanceof RuleSetError) throw new ApiError('bad_input', `the rules do not compile: ${error.message}`, { problems: error.problems })
    if (error instanceof BackupError) {
      const code = error.code === 'backup_missing' ? 'not_found' : error.code === 'service_running' ? 'conflict' : 'bad_input'
      throw new ApiError(code, error.message, { code: error.code, params: error.params })
    }
    throw error
  }
}

/** The rules an import would store, read in a transaction that is then rolled back (nothing is written). */
function rulesOfImport(store: Store, file: unknown): { rules: Rule[]; counts: ReturnType<typeof importData> } {
  let preview: { rules: Rule[]; counts: ReturnType<typeof importData> } | null = null
  try {
    store.transaction(() => {
      const counts = importData(store, file)
      preview = { rules: store.rules.list(), counts }
      throw ROLL_BACK
    })
  } catch (error) {
    if (error !== ROLL_BACK) throw error
  }
  return preview!
}
const ROLL_BACK = new Error('rolled back on purpose')

/** Yields to the event loop so progress events reach the window while a long backtest runs. */
const nextTick = () => new Promise<void>((resolve) => setImmediate(resolve))

export function createApi(deps: ApiDeps): QunGuardApi {
  const { store, guard, secrets, clock } = deps
  const rules = () => ruleViews(store.rules.list(), guard.rulePrecision())
  const groups = () => groupViews(store, clock(), capabilitiesOf(deps.bot.state().puppet))
  const settings = () => settingsView(store, secrets)
  const feed = (event: GuardEvent) => feedEventView(store, event)
  /** The feed's filters as the store takes them: "needs me" is the events the count holds now. */
  const eventQueryOf = ({ needsRep, ...filters }: ApiInput<'exportFeed'>): EventQuery => ({
    ...filters,
    ...(needsRep ? { ids: deps.needsRep.ids() } : {}),
  })
  const allowList = () => store.allowList.list().map(({ memberKey, name, note, addedAt }) => ({ memberKey, name, note, addedAt }))

  // The saved rules compiled, kept until they change: a rep runs several backtests while editing.
  let saved: { revision: number; set: Promise<CompiledRuleSet> } | null = null
  function savedSet(): Promise<CompiledRuleSet> {
    const revision = store.rules.revision()
    if (saved?.revision !== revision) saved = { revision, set: compileRulesInSlices(store.rules.list()) }
    return saved.set
  }

  async function withRulesInUse<T>(change: T | Promise<T>): Promise<T> {
    const result = await change
    await guard.refreshRules()
    return result
  }

  function knownGroups(ids: readonly string[]): void {
    const unknown = ids.filter((id) => !store.groups.get(id))
    if (unknown.length) throw new ApiError('not_found', `unknown group${unknown.length > 1 ? 's' : ''}: ${unknown.join(', ')}`)
  }

  function setGroups(ids: readonly string[], apply: (id: string) => void) {
    knownGroups(ids)
    store.transaction(() => ids.forEach(apply))
    const views = groups()
    deps.emit({ type: 'groups', groups: views })
    return views
  }

  async function saveRules(inputs: unknown[]) {
    try {
      await guard.updateRules(inputs as never)
    } catch (error) {
      if (error instanceof RuleSetError) return { ok: false as const, problems: error.problems }
      throw error
    }
    const views = rules()
    deps.emit({ type: 'rules', rules: views })
    return { ok: true as const, rules: views }
  }

  return {
    getLoginState: async () => deps.bot.state(),
    getHealth: async () => guard.health.view(),
    listGroups: async ({ search }) => {
      const needle = search?.trim().toLowerCase()
      return needle ? groups().filter((group) => group.topic.toLowerCase().includes(needle)) : groups()
    },
    listRules: async () => rules(),
    listFeed: async ({ limit = DEFAULT_FEED_PAGE, ...filters }) => {
      const events = store.events.list({ ...eventQueryOf(filters), limit: limit + 1 })
      const page = events.slice(0, limit)
      return { items: page.map(feed), nextBeforeId: events.length > limit ? page.at(-1)!.id : null }
    },
    listReviews: async () => store.events.openReviews().map(feed),
    getStats: async ({ days = 30, until }) => statsView(store, Math.min(until ?? clock(), clock()), days),
    getSettings: async () => settings(),
    listAllowList: async () => allowList(),
    listHistory: async ({ limit = DEFAULT_HISTORY }) => store.messages.history(limit),
    getNeedsRep: async () => deps.needsRep.view(),
    backtest: async ({ rules: inputs, limit = DEFAULT_HISTORY }) => {
      let edited: CompiledRuleSet
      try {
        edited = await compileRulesInSlices(inputs as never)
      } catch (error) {
        if (error instanceof RuleSetError) return { scanned: 0, newlyCaught: [], noLongerCaught: [], changedRule: 0, problems: error.problems }
        throw error
      }
      const topics = new Map(store.groups.list().map((group) => [group.id, group.topic]))
      const steps = backtestSteps(await savedSet(), edited, store.messages.history(limit), (groupId) => topics.get(groupId))
      for (;;) {
        const step = steps.next()
        if (step.done) return { ...step.value, problems: [] }
        deps.emit({ type: 'backtest', ...step.value })
        await nextTick()
      }
    },

    choosePuppet: async ({ puppet, token }) => {
      // Saved only once the puppet has started: a choice that cannot start (a bad token, a missing package) must
      // not be what the next start of the app tries again. The previous choice and token stay saved.
      if (await deps.bot.switchTo(puppet, token ?? secrets.get('puppetToken') ?? undefined)) {
        if (token !== undefined) secrets.set('puppetToken', token)
        store.settings.update({ puppet })
      }
      return deps.bot.state()
    },
    login: async () => {
      await deps.bot.login()
      return deps.bot.state()
    },
    logout: async () => {
      await deps.bot.logout()
      return deps.bot.state()
    },
    saveRules: async ({ rules: inputs }) => saveRules(inputs),
    reorderRules: async ({ names }) => {
      const current = store.rules.list()
      const byName = new Map(current.map((rule) => [rule.name, rule]))
      if (names.length !== current.length || new Set(names).size !== names.length || names.some((name) => !byName.has(name))) {
        throw new ApiError('conflict', 'a new order must name every current rule exactly once')
      }
      const result = await saveRules(names.map((name) => byName.get(name)!))
      if (!result.ok) throw new ApiError('conflict', 'the saved rules no longer compile')
      return result.rules
    },
    setGroupsMonitored: async ({ groupIds, monitored }) => setGroups(groupIds, (id) => store.groups.setMonitored(id, monitored)),
    setGroupsQuiet: async ({ groupIds, quiet }) => setGroups(groupIds, (id) => store.groups.setQuiet(id, quiet)),
    pardon: async ({ eventId }) => {
      const event = eventOrThrow(store, eventId)
      if (event.kind !== 'warning' || !event.groupId || !event.memberKey || event.strikeId === null) {
        throw new ApiError('conflict', `event ${eventId} is not a warning`)
      }
      if (event.overridden) throw new ApiError('conflict', `warning ${eventId} was already pardoned`)
      const pardoned = guard.pardon({ groupId: event.groupId, memberKey: event.memberKey, strikeId: event.strikeId })
      if (!pardoned) throw new ApiError('conflict', `the strike of warning ${eventId} has expired or was revoked already`)
      // The groups screen counts warnings of the last 7 days: a pardoned one no longer counts.
      deps.emit({ type: 'groups', groups: groups() })
      return feed(store.events.get(eventId)!)
    },
    undoRemoval: ({ eventId, allowList }) =>
      refusing(async () => {
        eventOrThrow(store, eventId)
        const undo = guard.undoRemoval(eventId, { allowList: allowList ?? false })
        // An undone removal no longer counts in the groups screen's 7 days.
        deps.emit({ type: 'groups', groups: groups() })
        await guard.flush()
        const settled = store.events.get(undo.id)!
        if (settled.status === 'needs_rep') {
          return { outcome: 'needs_rep' as const, event: feed(settled), instructions: String(settled.detail.repTodo ?? '') }
        }
        return { outcome: settled.status === 'done' ? ('readded' as const) : ('pending' as const), event: feed(settled) }
      }),
    setVerdict: async ({ eventId, verdict }) => {
      const event = eventOrThrow(store, eventId)
      if (!event.hit) throw new ApiError('conflict', `event ${eventId} is not a rule hit`)
      guard.setVerdict(eventId, verdict)
      // A verdict moves the rule's precision, which the rule list shows.
      deps.emit({ type: 'rules', rules: rules() })
      return feed(store.events.get(eventId)!)
    },
    resolveReview: ({ eventId, decision }) =>
      refusing(async () => {
        eventOrThrow(store, eventId)
        guard.resolveReview(eventId, decision)
        return { review: feed(store.events.get(eventId)!), decision }
      }),
    addToAllowList: async ({ memberKey, name, note }) => {
      store.allowList.add({ memberKey, groupId: null, name, note: note ?? null, addedAt: clock() })
      return allowList()
    },
    removeFromAllowList: async ({ memberKey }) => {
      // The list shows every entry of the member, for every group or one (an undone removal adds one for its
      // group); taking the member off removes them all, so nothing the window showed is left behind.
      const entries = store.allowList.list().filter((entry) => entry.memberKey === memberKey)
      if (entries.length === 0) throw new ApiError('not_found', `${memberKey} is not on the allow-list`)
      store.transaction(() => entries.forEach((entry) => store.allowList.remove(memberKey, entry.groupId)))
      return allowList()
    },
    updateSettings: (changes) =>
      refusing(async () => {
        store.settings.update(changes)
        if (changes.speechBaseUrl !== undefined) deps.speech.keysChanged()
        const view = settings()
        deps.emit({ type: 'settings', settings: view })
        return view
      }),
    setSecret: async ({ name, value }) => {
      secrets.set(name, value)
      if (name !== 'puppetToken') deps.speech.keysChanged()
      return settings()
    },
    getVoiceAudio: async ({ messageId }) => {
      const wav = deps.speech.audio(messageId)
      if (!wav) throw new ApiError('not_found', `no audio is kept for message ${messageId}`)
      return { wavBase64: wav.toString('base64') }
    },
    testSpeechKeys: async () => {
      try {
        await deps.speech.checkKeys()
        return { ok: true }
      } catch (error) {
        if (!(error instanceof BaiduError)) throw error
        return { ok: false, reason: error.code, errNo: error.errNo }
      }
    },
    setGroupsRepAdmin: async ({ groupIds, repIsAdmin }) => setGroups(groupIds, (id) => store.groups.setRepIsAdmin(id, repIsAdmin)),
    setGroupStaff: async ({ groupId, memberKey, name, staff }) =>
      setGroups([groupId], () => store.groups.setStaff({ groupId, memberKey, name, addedAt: clock() }, staff)),
    resolveTask: ({ eventId, outcome }) =>
      refusing(async () => {
        eventOrThrow(store, eventId)
        const task = feed(guard.resolveTask(eventId, outcome))
        // A removal the rep did by hand counts in the groups' removals of the week.
        deps.emit({ type: 'groups', groups: groups() })
        return task
      }),
    resolveJoinCard: ({ eventId, choice }) =>
      refusing(async () => {
        eventOrThrow(store, eventId)
        return feed(guard.resolveJoin(eventId, choice))
      }),
    getSignals: async () => signalsView(store, guard, clock()),
    retrainClassifier: async () => {
      try {
        await guard.signals.classifier.retrain()
      } catch (error) {
        throw new ApiError('unavailable', `the retrain failed: ${(error as Error).message}`)
      }
      return signalsView(store, guard, clock())
    },
    resetClassifier: async () => {
      guard.signals.classifier.reset()
      return signalsView(store, guard, clock())
    },
    getMember: async ({ memberKey }) => {
      const story = memberStoryView(store, memberKey, clock())
      if (!story) throw new ApiError('not_found', `there is no event about member ${memberKey}`)
      return story
    },
    removeMember: ({ groupId, memberKey }) =>
      refusing(async () => {
        knownGroups([groupId])
        const removal = guard.removeByHand({ groupId, memberKey })
        return feed(removal)
      }),
    exportFeed: async (filters) => {
      const events = store.events.list({ ...eventQueryOf(filters), limit: EXPORT_LIMIT }).map(feed)
      return { csv: feedCsv(events, localTime), count: events.length }
    },
    listBackups: async () => deps.backups.list(),
    backupNow: () =>
      refusing(async () => {
        await deps.backups.now()
        return deps.backups.list()
      }),
    restoreBackup: ({ name }) =>
      refusing(async () => {
        deps.backups.stage(name)
        deps.emit({ type: 'restart', reason: 'restore' })
        return { name, restartRequired: true as const }
      }),
    exportData: async () => exportData(store, clock()),
    importData: ({ file }) =>
      refusing(async () => {
        // The file's rules are compiled before anything is written: rules that do not compile change nothing.
        const { rules: fileRules, counts: imported } = rulesOfImport(store, file)
        await guard.updateRules(fileRules, () => importData(store, file))
        deps.emit({ type: 'rules', rules: rules() })
        deps.emit({ type: 'settings', settings: settings() })
        deps.emit({ type: 'groups', groups: groups() })
        deps.needsRep.recount()
        return { imported }
      }),
    getTeam: async () => deps.team.view(),
    // A change to the team's rules answers once the guard judges with them, as a save does.
    joinTeam: ({ serverUrl, token }) => withRulesInUse(deps.team.join(serverUrl, token)),
    leaveTeam: () => withRulesInUse(deps.team.leave()),
    setTeamPackSubscribed: async ({ pack, subscribed }) => withRulesInUse(deps.team.setPackSubscribed(pack, subscribed)),
    setTeamRuleEnabled: async ({ pack, rule, enabled }) => withRulesInUse(deps.team.setRuleEnabled(pack, rule, enabled)),
    setKnownOffender: ({ memberKey, marked, reason }) =>
      refusing(async () => {
        if (store.events.list({ memberKey, limit: 1 }).length === 0) throw new ApiError('not_found', `there is no event about member ${memberKey}`)
        if (marked) guard.markOffender({ memberKey, reason: reason ?? null })
        else guard.unmarkOffender(memberKey)
        return memberStoryView(store, memberKey, clock())!
      }),
    acknowledgeEvent: async ({ eventId }) => {
      const event = eventOrThrow(store, eventId)
      if (!acknowledgeable(feed(event))) throw new ApiError('conflict', `event ${eventId} is not a failure or an alert left to the rep`)
      store.events.annotate(eventId, { acknowledgedAt: clock() })
      return feed(store.events.get(eventId)!)
    },
  }
}
