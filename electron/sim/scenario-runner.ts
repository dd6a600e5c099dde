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
        await perform(simulation, step, run.onNote ?? (() => {}), run.scenarioFile)
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
  const guard = createGuard({ store, chat: host.chat, clock: clock.now, images, ...(run.imageText ? { imageText: run.imageText } : {}) })
  store.settings.update(run.settings ?? {})
  guard.updateRules(run.rules)
  guard.subscribe(new EventLinePrinter(world, clock.now, run.onEvent).onChange)
  host.attach(guard)
  await startAndLogIn(host, world)
  return { images, world, clock, store, guard, host }
}

async function perform(simulation: Simulation, step: ScenarioStep, onNote: (line: number, note: string) => void, scenarioFile: string): Promise<void> {
  const note = (text: string) => onNote(step.line, text)
  const { world, clock, store, guard } = simulation
  switch (step.op) {
    case 'room': {
      const { id: name, topic, owner, admins, members, otherMembers } = step
      world.createRoom({ name, topic, owner, admins, members, otherMembers })
      return
    }
    case 'say':
      world.say(step.room, step.from, step.text, step.kind)
      return
    case 'image': {
      const file = path.resolve(path.dirname(scenarioFile), step.file)
      const bytes = await readFile(file).catch((error: NodeJS.ErrnoException) => {
        throw new SimulationError(`cannot read the image "${step.file}" (${file}): ${error.code ?? error.message}`)
      })
      world.postImage(step.room, step.from, bytes)
      return
    }
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
  }
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
async function settle({ world, guard }: Simulation): Promise<FlushReport> {
  for (;;) {
    await world.echoes.settled()
    const report = await guard.flush()
    await world.echoes.settled()
    if (report.ran === 0 && report.expired === 0) return report
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
