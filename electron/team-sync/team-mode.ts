// Team mode for one rep's service: join (check the token with the server, remember the link, start following),
// leave (stop, forget the team's data; the rep's own rules, events and groups stay), and the team card's view.
import { ApiError } from '../../shared/api/errors.ts'
import type { TeamView } from '../../shared/api/types.ts'
import type { Store } from '../store/index.ts'
import { parseServerUrl, TeamClient } from './team-client.ts'
import { startTeamSync, type TeamSync } from './team-sync.ts'

export interface TeamTokenStore {
  get(): string | null
  set(token: string): void
}

export interface TeamModeOptions {
  store: Store
  token: TeamTokenStore
  clock: () => number
  /** The team card changed: connection, counts, packs. */
  onChange(view: TeamView): void
  /** The rule set changed (a pack version, a subscription, a switch). */
  onRulesChanged(): void
}

export interface TeamMode {
  view(): TeamView
  join(serverUrl: string, token: string): Promise<TeamView>
  leave(): Promise<TeamView>
  setPackSubscribed(pack: string, subscribed: boolean): TeamView
  setRuleEnabled(pack: string, rule: string, enabled: boolean): TeamView
  /** For tests and the bench: reads the team's log up to now. */
  pull(): Promise<void>
  stop(): Promise<void>
}

export function createTeamMode(options: TeamModeOptions): TeamMode {
  const { store, clock } = options
  let sync: TeamSync | null = null

  function view(): TeamView {
    const link = store.team.link()
    if (!link) return { joined: false }
    return {
      joined: true,
      serverUrl: link.serverUrl,
      team: link.team,
      rep: link.rep,
      role: link.role,
      connected: sync?.connected() ?? false,
      syncedAt: link.syncedAt,
      error: link.error,
      offenders: store.team.offenderCount(),
      unsent: store.team.outboxSize(),
      packs: store.team.packs().map((pack) => ({
        name: pack.name,
        version: pack.version,
        notes: pack.notes,
        author: pack.author,
        publishedAt: pack.publishedAt,
        subscribed: pack.subscribed,
        diff: pack.diff,
        rules: pack.rules.map((rule) => ({
          name: rule.name,
          match: rule.match,
          action: rule.action ?? 'warn',
          switchedOff: pack.switchedOff.includes(rule.name),
        })),
      })),
    }
  }

  const changed = () => options.onChange(view())

  function follow(token: string): void {
    sync = startTeamSync({
      store,
      token,
      clock,
      onApplied: () => {
        options.onRulesChanged()
        changed()
      },
      onStatus: changed,
    })
  }

  const saved = options.token.get()
  if (store.team.link() && saved) follow(saved)

  return {
    view,
    async join(serverUrl, token) {
      if (store.team.link()) throw new ApiError('conflict', 'this rep is in a team already: leave it first', { reason: 'team_joined_already' })
      const origin = parseServerUrl(serverUrl)
      const identity = await new TeamClient(origin, token.trim()).me()
      options.token.set(token.trim())
      store.team.join({ serverUrl: origin, team: identity.team, rep: identity.name, role: identity.role, joinedAt: clock() })
      follow(token.trim())
      await sync!.pull().catch(() => {
        // The first read can fail on a flaky network; the sync retries by itself and the card shows the error.
      })
      options.onRulesChanged()
      return view()
    },
    async leave() {
      if (!store.team.link()) throw new ApiError('conflict', 'this rep is not in a team', { reason: 'team_not_joined' })
      await sync?.stop()
      sync = null
      store.team.leave()
      options.token.set('')
      options.onRulesChanged()
      return view()
    },
    setPackSubscribed(pack, subscribed) {
      if (!store.team.setSubscribed(pack, subscribed)) throw new ApiError('not_found', `the team has no pack "${pack}"`)
      options.onRulesChanged()
      return view()
    },
    setRuleEnabled(pack, rule, enabled) {
      if (!store.team.setRuleOff(pack, rule, !enabled)) throw new ApiError('not_found', `the team pack "${pack}" has no rule "${rule}"`)
      options.onRulesChanged()
      return view()
    },
    pull: async () => sync?.pull(),
    async stop() {
      await sync?.stop()
      sync = null
    },
  }
}
