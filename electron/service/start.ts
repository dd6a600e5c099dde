// The composition root: the store, the guard, the bot and the API, wired once, for both doors.
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import type { ApiEvent, QunGuardApi } from '../../shared/api/contract.ts'
import type { LoginState } from '../../shared/api/types.ts'
import type { Settings } from '../../shared/policy/settings.ts'
import { STARTER_RULES } from '../../shared/rules/starter-rules.ts'
import { applyStagedRestore, backupPath, listBackups, markServiceRunning, stageRestore, startDailyBackups, type DailyBackups } from '../backup/index.ts'
import { createGuard } from '../guard/index.ts'
import { createImageTextReader, createQrReader } from '../images/index.ts'
import { createDispatch, type Dispatch } from '../server/dispatch.ts'
import { createSpeech } from '../speech/index.ts'
import { createModerationHealth } from '../health/moderation-health.ts'
import { checkIntegrity, setAside } from '../health/integrity.ts'
import { lockDataFolder, type FolderLock } from '../instance/folder-lock.ts'
import { createPrivateFile } from '../instance/private-files.ts'
import { DATABASE_FILE, openStore } from '../store/index.ts'
import { createRulesTable } from '../store/rules.ts'
import type { ChatGroup, ChatInbox } from '../wechat/chat-port.ts'
import type { HandledListener } from '../wechat/bot-host.ts'
import type { PuppetInstance } from '../wechat/puppet-choice.ts'
import { catchPuppetFaults } from '../wechat/puppet-faults.ts'
import { createApi } from './api.ts'
import { createNeedsRepCount, type NeedsRepChange } from './needs-rep-count.ts'
import { BotSlot } from './bot-slot.ts'
import { SecretStore, type SecretBox } from './secrets.ts'
import { createTeamMode } from '../team-sync/team-mode.ts'
import { feedEventView, groupViews, ruleViews } from './views.ts'

export { DATABASE_FILE }

export interface ServiceOptions {
  dataDir: string
  secretBox?: SecretBox | null
  clock?: () => number
  /** The simulated WeChat of the demo: used whenever the mock puppet is chosen. */
  mockPuppet?: () => PuppetInstance
  /** Start with this puppet instead of the saved choice (the demo). */
  puppet?: Settings['puppet']
  /** Run the outbound queue on timers (the app); tests flush by hand. */
  timers?: boolean
  /** Told when the bot has finished with each WeChat event (a simulated world's echoes use it to know it caught up). */
  onHandled?: HandledListener
  /** The data folder's lock, when the caller took it first (the server, before binding its port); else taken here. */
  lock?: FolderLock
  /** Where moderation pauses and resumes are logged (stderr by default). */
  log?: (line: string) => void
}

export interface RunningService {
  api: QunGuardApi
  dispatch: Dispatch
  subscribe(listener: (event: ApiEvent) => void): () => void
  settings(): Settings
  /** Told at once of how many things need the rep, then of every change (with the event that arrived, if one did). */
  onNeedsRepChange(listener: (change: NeedsRepChange) => void): () => void
  loginState(): LoginState
  /** Today's backup and the rest of the backups folder. */
  backups: DailyBackups
  close(): Promise<void>
}

/** The rules of a damaged file, when they can still be read: the rep keeps moderating with their own rules. */
function salvageRules(path: string) {
  try {
    const db = new Database(path, { readonly: true, fileMustExist: true })
    try {
      return createRulesTable(db).list()
    } finally {
      db.close()
    }
  } catch {
    return null
  }
}

export async function startService(options: ServiceOptions): Promise<RunningService> {
  // Before anything touches the folder: a second instance must not even open the database.
  const lock = options.lock ?? lockDataFolder(options.dataDir)
  try {
    return await startLocked(options, lock)
  } catch (error) {
    lock.release()
    throw error
  }
}

async function startLocked(options: ServiceOptions, lock: FolderLock): Promise<RunningService> {
  const clock = options.clock ?? Date.now
  const databasePath = join(options.dataDir, DATABASE_FILE)
  // A restore the rep asked for in the window happens here, before anything opens the database.
  const restore = applyStagedRestore(options.dataDir, clock())
  const health = createModerationHealth({ clock, log: options.log })
  const integrity = checkIntegrity(databasePath)
  let damagedFile: string | null = null
  if (!integrity.ok) damagedFile = setAside(databasePath, clock())
  const firstRun = !existsSync(databasePath)
  createPrivateFile(databasePath)
  const store = openStore(databasePath)
  const unmark = markServiceRunning(options.dataDir)
  const secrets = new SecretStore(options.dataDir, options.secretBox ?? null)

  const listeners = new Set<(event: ApiEvent) => void>()
  const emit = (event: ApiEvent) => listeners.forEach((listener) => listener(event))
  const needsRep = createNeedsRepCount(store)
  const needsRepListeners = new Set<(change: NeedsRepChange) => void>()
  const needsRepChanged = (change: NeedsRepChange) => {
    needsRepListeners.forEach((listener) => listener(change))
    emit({ type: 'needsRep', count: change.count })
  }

  // The guard is the inbox; the window hears about group changes once the guard has stored them.
  const inbox: ChatInbox = {
    onMessage: (message) => guard.onMessage(message),
    onJoin: (join) => guard.onJoin(join),
    async onGroupsChanged(groups: ChatGroup[]) {
      await guard.onGroupsChanged(groups)
      emit({ type: 'groups', groups: groupViews(store, clock(), slot.chat.capabilities()) })
    },
  }
  let loggedIn = false
  const slot: BotSlot = new BotSlot(
    {
      dataDir: options.dataDir,
      inbox,
      now: clock,
      token: () => secrets.get('puppetToken') ?? undefined,
      mockPuppet: options.mockPuppet,
      onHandled: options.onHandled,
      onLoginState(state) {
        if ((state.status === 'logged-in') !== loggedIn) {
          loggedIn = !loggedIn
          try {
            guard.recordEvent({ kind: loggedIn ? 'login' : 'logout', detail: { account: state.account, puppet: state.puppet } })
          } catch (error) {
            // The login itself must go on; the feed line is the only thing lost, and the health state says why.
            if (health.failed('inbox', error) === null) throw error
          }
          // Actions held back while logged out can go now, not at the queue's next timer.
          if (loggedIn) guard.wakeQueue()
        }
        emit({ type: 'login', state })
      },
      onError(error) {
        // A message the guard failed to handle is the rep's business; Wechaty's own noise is not.
        if (error.source === 'inbox') guard.recordEvent({ kind: 'action_failed', detail: { reason: error.message } })
      },
    },
    options.puppet ?? store.settings.get('puppet'),
  )
  // Created after the slot it acts through; the slot only calls the inbox once a bot runs, below.
  // The transcriber judges through the guard it is a media step of: bound late.
  const speech = createSpeech({
    store,
    dataDir: options.dataDir,
    keys: () => ({ apiKey: secrets.get('speechApiKey'), secretKey: secrets.get('speechSecretKey') }),
    clock,
    judge: (message, produced) => guard.judgeProduced(message, produced),
  })
  // Baidu OCR shares the speech keys and client; the guard only calls it while the imageTextRecognition setting is on.
  const images = createQrReader()
  const imageText = createImageTextReader(speech.client)
  const guard = createGuard({ store, chat: slot.chat, clock, health, timers: options.timers, images, imageText, media: [speech.transcriber],
    signals: { llmApiKey: () => secrets.get('llmApiKey') },
  })
  if (damagedFile) {
    health.damagedAtStart(damagedFile)
    const salvaged = salvageRules(damagedFile)
    await guard.updateRules(salvaged?.length ? salvaged : STARTER_RULES)
  } else if (firstRun) await guard.updateRules(STARTER_RULES)
  health.subscribe((view) => emit({ type: 'health', health: view }))
  if (restore instanceof Error) guard.recordEvent({ kind: 'action_failed', detail: { reason: restore.message, code: restore.code, params: restore.params } })
  const backups = startDailyBackups({
    store,
    dataDir: options.dataDir,
    clock,
    timers: options.timers ?? true,
    onError: (error) => guard.recordEvent({ kind: 'action_failed', detail: { reason: `backup failed: ${error.message}`, code: 'backup_failed' } }),
  })

  guard.subscribe((change) => {
    const event = feedEventView(store, change.event)
    emit({ type: 'feed', change: change.type, event })
    const changed = needsRep.apply(event)
    if (changed) needsRepChanged(changed)
  })

  const team = createTeamMode({
    store,
    token: { get: () => secrets.get('teamToken'), set: (token) => secrets.set('teamToken', token) },
    clock,
    onChange: (view) => emit({ type: 'team', team: view }),
    onRulesChanged: () => emit({ type: 'rules', rules: ruleViews(store.rules.list(), guard.rulePrecision()) }),
  })

  const api = createApi({
    store,
    guard,
    secrets,
    clock,
    emit,
    team,
    bot: {
      state: () => slot.state(),
      login: () => slot.login(store.settings.get('puppet')),
      logout: () => slot.logout(),
      switchTo: (puppet, token) => slot.use(puppet, token),
    },
    needsRep: {
      view: () => ({ count: needsRep.count(), topics: needsRep.byTopic() }),
      ids: () => needsRep.ids(),
      recount() {
        needsRep.recount()
        needsRepChanged({ count: needsRep.count(), arrived: null })
      },
    },
    speech: {
      checkKeys: () => speech.checkKeys(),
      audio: (messageId) => speech.transcriber.audio(messageId),
      keysChanged: () => speech.transcriber.keysChanged(),
    },
    backups: {
      list: () => listBackups(options.dataDir).map(({ name, day, bytes, at }) => ({ name, day, bytes, at })),
      now: () => backups.now(),
      stage: (name) => stageRestore(options.dataDir, backupPath(options.dataDir, name)),
    },
  })

  if (options.timers ?? true) {
    guard.start()
    speech.transcriber.start()
  }
  const releasePuppetFaults = catchPuppetFaults((error) => void slot.puppetFault(error))
  // Compiled in slices before the first message can come, so that none is judged without the rules.
  await guard.refreshRules()
  await slot.use(options.puppet ?? store.settings.get('puppet'))

  return {
    api,
    dispatch: createDispatch(api),
    subscribe(listener) {
      listeners.add(listener)
      return () => listeners.delete(listener)
    },
    settings: () => store.settings.all(),
    onNeedsRepChange(listener) {
      needsRepListeners.add(listener)
      listener({ count: needsRep.count(), arrived: null })
      return () => needsRepListeners.delete(listener)
    },
    loginState: () => slot.state(),
    backups,
    async close() {
      await speech.transcriber.stop()
      await team.stop()
      await guard.stop()
      await slot.stop()
      await backups.stop()
      await images.close()
      await guard.signals.idle()
      releasePuppetFaults()
      store.close()
      unmark()
      lock.release()
    },
  }
}
