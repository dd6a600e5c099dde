// The real bot host, running on the simulated world's puppet.
import { BotHost } from '../wechat/bot-host.ts'
import type { SimulatedWorld } from './simulated-world.ts'

export interface SimulatedBotOptions {
  /** Where the bot keeps its session file. */
  dataDir: string
  now: () => number
}

/** A bot host on the world's puppet that reports back to the world's echoes; attach an inbox, then start it. */
export async function createSimulatedBot(world: SimulatedWorld, options: SimulatedBotOptions): Promise<BotHost> {
  const host = await BotHost.create({
    puppet: { name: 'wechaty-puppet-mock' },
    puppetInstance: world.puppet,
    dataDir: options.dataDir,
    now: options.now,
  })
  host.onHandled((handled) => world.echoes.handled(handled))
  return host
}

/** Starts the host and logs the bot in through the scan flow, returning once the bot knows its groups. */
export async function startAndLogIn(host: BotHost, world: SimulatedWorld): Promise<void> {
  await host.start()
  world.logIn()
  await world.echoes.settled()
}
