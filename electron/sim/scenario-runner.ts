// Runs a scenario through the real service: Wechaty on the simulated world's puppet, the guard with its store in a
// temporary SQLite file, the real policy and action queue, all on a virtual clock. Each line is handled completely
// (decision, actions, events) before the next; time only moves on "wait", and then through every moment an action
// was due, as the app's timers would.
import { mkdtemp, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import type { Settings } from '../../shared/policy/index.ts'
import type { RuleInput } from '../../shared/rules/types.ts'
import { createGuard, OverrideError, type FlushReport, type Guard } from '../guard/index.ts'
import { createQrReader, type ImageTextReader, type QrReader } from '../images/index.ts'
import { memberKey } from '../guard/index.ts'
import { createSpeech, type Speech } from '../speech/index.ts'
import { openStore, SettingError, type Store } from '../store/index.ts'
import type { BotHost } from '../wechat/bot-host.ts'
import type { HostError } from '../wechat/host-errors.ts'
import { EventLinePrinter, type EventLine } from './event-lines.ts'
import { ScenarioError, type ScenarioStep } from './scenario.ts'
import { createSimulatedBot, startAndLogIn } from './simulated-bot.ts'
import { SimulatedWorld, SimulationError } from './simulated-world.ts'
import { VirtualClock } from './virtual-clock.ts'

const MINUTE_MS = 60_000

export interface ScenarioRun {
  scenarioFile: string
  steps: readonly ScenarioStep[]
  rules: RuleInput[]
  /** Settings before the first line (the CLI's --warnings, say). */
  settings?: Partial<Settings>
  onEvent: (line: EventLine) => void
  /** Reads text in images (Baidu OCR; a fake of it in tests), used while the imageTextRecognition setting is on. */
  imageText?: ImageTextReader
  /** Things worth telling the author that are not errors ("nothing to pardon"), by scenario line. */
  onNote?: (line: number, note: string) => void
  /** A Baidu-protocol speech service for voice lines; without it voice shows as "not transcribed: no speech keys". */
  speech?: { baseUrl: string; apiKey: string; secretKey: string }
}

export interface ScenarioOutcome {
  /** Errors the guard raised while handling WeChat events: a scenario that causes any is a bug to look at. */
  inboxErrors: HostError[]
  /** Everything the bot said, by group name (null: a private chat, such as notes to the rep's File Transfer chat). */
  botSaid: { room: string | null; text: string }[]
}

interface Simulation {
  images: QrReader
  world: SimulatedWorld
  clock: VirtualClock
  store: Store
  guard: Guard
  host: BotHost
  speech: Speech
  scenarioDir: string
}

/** Throws ScenarioError for a line WeChat or the guard cannot carry out; the guard's rule errors pass through. */
export async function runScenario(run: ScenarioRun): Promise<ScenarioOutcome> {
  const dataDir = await mkdtemp(path.join(tmpdir(), 'qunguard-sim-'))
  const store = openStore(path.join(dataDir, 'guard.sqlite'))
  let simulation: Simulation | null = null
  try {
    simulation = await startSimulation(store, dataDir, run)
    for (const step of run.steps) {
      try {
        await perform(simulation, step, run.onNote ?? (() => {}))
        await settle(simulation)
      } catch (error) {
        if (error instanceof SimulationError || error instanceof OverrideError || error instanceof SettingError) {
          throw new ScenarioError(run.scenarioFile, [{ line: step.line, message: error.message }])
        }
        throw error
      }
    }
    // What the rate limit held back still goes out after the last line, as it would in the app: nothing is dropped.
    await runDueUntil(simulation, Number.POSITIVE_INFINITY)
    const { host, world } = simulation
    return {
      inboxErrors: host.errors().filter((error) => error.source === 'inbox'),
      botSaid: world.sent().map(({ roomId, text }) => ({ room: roomId === null ? null : world.nameOf(roomId), text })),
    }
  } finally {
    if (simulation) {
      await simulation.speech.transcriber.stop()
      await simulation.guard.stop()
      await simulation.host.stop()
      await simulation.images.close()
    }
    store.close()
    await rm(dataDir, { recursive: true, force: true })
  }
}

async function startSimulation(store: Store, dataDir: string, run: ScenarioRun): Promise<Simulation> {
  const clock = new VirtualClock()
  const world = new SimulatedWorld(clock.now)
  const host = await createSimulatedBot(world, { dataDir, now: clock.now })
  const images = createQrReader()
  const speechService = run.speech
  let guard: Guard | null = null
  const speech = createSpeech({
    store,
    dataDir,
    keys: () => ({ apiKey: speechService?.apiKey ?? null, secretKey: speechService?.secretKey ?? null }),
    clock: clock.now,
    judge: (message, produced) => guard!.judgeProduced(message, produced),
    // On a virtual clock a real back-off sleep only slows the rehearsal; retries later in time still follow the clock.
    calls: { sleep: async () => {} },
  })
  const imageText = run.imageText ? { imageText: run.imageText } : {}
  guard = createGuard({ store, chat: host.chat, clock: clock.now, images, ...imageText, media: [speech.transcriber] })
  store.settings.update({ ...run.settings, ...(speechService ? { speechBaseUrl: speechService.baseUrl } : {}) })
  await guard.updateRules(run.rules)
  guard.subscribe(new EventLinePrinter(world, clock.now, run.onEvent).onChange)
  host.attach(guard)
  await startAndLogIn(host, world)
  return { images, world, clock, store, guard, host, speech, scenarioDir: path.dirname(run.scenarioFile) }
}

async function perform(simulation: Simulation, step: ScenarioStep, onNote: (line: number, note: string) => void): Promise<void> {
  const note = (text: string) => onNote(step.line, text)
  const { world, clock, store, guard } = simulation
  switch (step.op) {
    case 'room': {
      const { id: name, topic, owner, admins, members, otherMembers, rolesHidden } = step
      world.createRoom({ name, topic, owner, admins, members, otherMembers, rolesHidden })
      return
    }
    case 'say':
      world.say(step.room, step.from, step.text, step.kind)
      return
    case 'image':
      world.postImage(step.room, step.from, await readScenarioFile(simulation, 'image', step.file))
      return
    case 'voice':
      world.sayVoice(step.room, step.from, await readScenarioFile(simulation, 'audio file', step.audio))
      return
    case 'join':
      world.join(step.room, step.who, step.inviter)
      return
    case 'wait':
      return advanceTo(simulation, clock.now() + step.minutes * MINUTE_MS)
    case 'settings': {
      const { op: _op, line: _line, ...changes } = step
      store.settings.update(changes)
      return
    }
    case 'allow':
      return allow(simulation, step.who)
    case 'pardon': {
      const groupId = world.roomId(step.room)
      const key = store.members.get(groupId, world.contactId(step.who))?.memberKey
      if (!key || !guard.pardon({ groupId, memberKey: key })) note(`nothing to pardon for "${step.who}" in "${step.room}"`)
      return
    }
    case 'undo': {
      const groupId = world.roomId(step.room)
      const memberId = world.contactId(step.who)
      const removal = store.events
        .list({ groupId, kind: 'removal' })
        .find((event) => event.memberId === memberId && event.status === 'done' && !event.overridden && !event.dryRun)
      if (removal) guard.undoRemoval(removal.id)
      else note(`no removal of "${step.who}" from "${step.room}" to undo`)
      return
    }
    case 'fault':
      for (let k = 0; k < step.times; k++) world.puppet.injectFault(step.operation, step.fault)
      return
    case 'rep-is-admin':
      store.groups.setRepIsAdmin(world.roomId(step.room), true)
      return
    default:
      return repActsOn(simulation, step, note)
  }
}

/** A file a scenario line names, relative to the scenario file. */
async function readScenarioFile({ scenarioDir }: Simulation, what: string, file: string): Promise<Uint8Array> {
  try {
    return await readFile(path.resolve(scenarioDir, file))
  } catch (error) {
    throw new SimulationError(`cannot read the ${what} "${file}": ${(error as NodeJS.ErrnoException).code ?? String(error)}`)
  }
}

/** The rep's buttons on a member's card: naming staff, closing a task, acting on a join card. */
function repActsOn(
  { world, store, guard, clock }: Simulation,
  step: Extract<ScenarioStep, { op: 'staff' | 'task' | 'join-card' }>,
  note: (text: string) => void,
): void {
  const groupId = world.roomId(step.room)
  const memberId = world.contactId(step.who)
  const key = store.members.get(groupId, memberId)?.memberKey
  if (step.op === 'staff') {
    if (!key) throw new SimulationError(`QunGuard has not seen "${step.who}" in "${step.room}" yet`)
    store.groups.setStaff({ groupId, memberKey: key, name: step.who, addedAt: clock.now() }, true)
    return
  }
  const events = store.events.list({ groupId, limit: 1000 }).filter((event) => event.memberId === memberId)
  if (step.op === 'task') {
    const task = events.find((event) => event.status === 'needs_rep' && !event.overridden)
    if (task) guard.resolveTask(task.id, step.outcome)
    else note(`no open task for "${step.who}" in "${step.room}"`)
    return
  }
  const card = events.find((event) => (event.kind === 'known_offender_joined' || event.kind === 'outsider_invite') && event.detail.resolution === undefined)
  if (card) guard.resolveJoin(card.id, step.choice)
  else note(`no open join card for "${step.who}" in "${step.room}"`)
}

/** The rep's allow-list holds members by identity, so the member is looked up in a group they are in. */
async function allow({ world, store, host, clock }: Simulation, who: string): Promise<void> {
  const groupName = world.roomsOf(who)[0]
  const member = groupName ? await host.chat.member(world.roomId(groupName), world.contactId(who)) : null
  if (!groupName || !member) throw new SimulationError(`"${who}" is in no group, so there is no member to allow-list`)
  const key = memberKey(world.roomId(groupName), member)
  store.allowList.add({ memberKey: key, groupId: null, name: member.name, note: null, addedAt: clock.now() })
}

/** Lets the bot catch up and runs every action due now, until nothing more happens; returns the last flush report. */
async function settle({ world, guard, speech }: Simulation): Promise<FlushReport> {
  for (;;) {
    await world.echoes.settled()
    const voice = await speech.transcriber.flush()
    const report = await guard.flush()
    await world.echoes.settled()
    if (report.ran === 0 && report.expired === 0 && voice.ran === 0) {
      // Voice retries fall due like actions: the clock stops at whichever comes first.
      const voiceDueAt = speech.transcriber.nextDueAt()
      const nextDueAt = [report.nextDueAt, voiceDueAt].filter((at): at is number => at !== null)
      return { ...report, nextDueAt: nextDueAt.length ? Math.min(...nextDueAt) : null }
    }
  }
}

/** Moves the clock through every moment an action falls due, up to `target`, as the app's timers would. */
async function runDueUntil(simulation: Simulation, target: number): Promise<void> {
  const { clock } = simulation
  for (;;) {
    const { nextDueAt, loggedOut } = await settle(simulation)
    if (loggedOut || nextDueAt === null || nextDueAt > target || nextDueAt <= clock.now()) return
    clock.advance(nextDueAt - clock.now())
  }
}

async function advanceTo(simulation: Simulation, target: number): Promise<void> {
  await runDueUntil(simulation, target)
  simulation.clock.advance(target - simulation.clock.now())
}
