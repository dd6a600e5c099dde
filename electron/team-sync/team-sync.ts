// Keeps one rep in step with their team. The team's log is the truth: the socket's pushes and wake-up calls only
// say when to read it. A pushed page is applied when it starts at the stored cursor, otherwise the rep reads the
// log from its cursor; applying and moving the cursor are one SQLite transaction. Changes made here wait in the
// outbox (filled by the store, in the transaction that recorded the removal) and are sent whenever the server is
// reachable; the server ignores an id it has, so a resend after a lost reply adds nothing.
import { ApiError } from '../../shared/api/errors.ts'
import type { ChangePage, RepChange, TeamPush } from '../../shared/team/changes.ts'
import type { Store } from '../store/index.ts'
import { measureFigures } from './figures.ts'
import { TeamClient } from './team-client.ts'

const PAGE = 5000
const OUTBOX_BATCH = 200
const RETRY_MIN_MS = 250
const PAGE_ATTEMPTS = 4
const RETRY_MAX_MS = 15_000
const OUTBOX_POLL_MS = 5_000
const FIGURES_MS = 5 * 60_000

export interface TeamSyncOptions {
  store: Store
  token: string
  clock?: () => number
  /** After pages are applied: pack versions may have changed the rules. */
  onApplied?: (changes: number) => void
  /** The connection came up or went down. */
  onStatus?: (status: { connected: boolean; error: string | null }) => void
}

export interface TeamSync {
  /** Reads the log up to now (also used by tests and the bench to wait for a state). */
  pull(): Promise<void>
  /** Sends the outbox now. */
  flush(): Promise<void>
  connected(): boolean
  stop(): Promise<void>
}

/** Runs one job at a time; a call while it runs asks for one more run after it. */
function serial(job: () => Promise<void>): () => Promise<void> {
  let running: Promise<void> | null = null
  let again = false
  const run = async (): Promise<void> => {
    do {
      again = false
      await job()
    } while (again)
  }
  return () => {
    if (running) {
      again = true
      return running
    }
    running = run().finally(() => {
      running = null
    })
    return running
  }
}

/** A page read that failed on the way (a dropped connection) is tried again a few times before the whole catch-up
 * gives up and reconnects: a long bootstrap should not stall on one reset. Progress is kept either way (the cursor). */
async function retrying<T>(read: () => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await read()
    } catch (error) {
      if (!(error instanceof ApiError) || error.code !== 'unavailable' || attempt >= PAGE_ATTEMPTS) throw error
      await new Promise((resolve) => setTimeout(resolve, RETRY_MIN_MS * attempt))
    }
  }
}

export function startTeamSync(options: TeamSyncOptions): TeamSync {
  const { store } = options
  const clock = options.clock ?? Date.now
  const link = store.team.link()
  if (!link) throw new Error('startTeamSync: this rep has not joined a team')
  const client = new TeamClient(link.serverUrl, options.token)
  let socket: { close(): void } | null = null
  let isConnected = false
  let stopped = false
  let retryMs = RETRY_MIN_MS
  let retryTimer: NodeJS.Timeout | null = null
  /** Work that touches the store; stop() waits for it, so the store can be closed right after. */
  const inFlight = new Set<Promise<void>>()

  function status(error: string | null): void {
    if (stopped) return
    if (error) store.team.setSyncState({ error })
    options.onStatus?.({ connected: isConnected, error })
  }

  /** Applies a page; false when it does not start at the cursor (another read moved it, or a frame was missed). */
  function apply(page: ChangePage): boolean {
    const applied = store.transaction(() => {
      const result = store.team.applyPage(page)
      for (const update of result?.updatedPacks ?? []) {
        store.events.add({
          kind: 'team_pack_updated',
          at: clock(),
          rule: null,
          detail: { pack: update.name, version: update.version, author: update.author, ...update.diff },
        })
      }
      return result !== null
    })
    if (applied && page.changes.length) options.onApplied?.(page.changes.length)
    return applied
  }

  const pull = serial(async () => {
    for (;;) {
      const cursor = store.team.link()?.cursor
      if (cursor === undefined || stopped) return
      const page = await retrying(() => client.pull(cursor, PAGE))
      if (!apply(page)) continue
      if (!page.more) return
    }
  })

  /** A change the server refused stays out of the outbox's way, and the rep hears about it in the feed. */
  function setAside(change: RepChange, reason: string): void {
    store.transaction(() => {
      store.team.refuse(change.id, reason)
      store.events.add({
        kind: 'action_failed',
        at: clock(),
        memberKey: change.body.memberKey || null,
        memberName: change.body.memberName,
        detail: { reason, teamChangeId: change.id, teamChangeKind: change.kind },
      })
    })
  }

  const flush = serial(async () => {
    for (;;) {
      const entries = store.team.outbox(OUTBOX_BATCH)
      if (entries.length === 0 || stopped) return
      const changes = entries.map(({ id, kind, body }) => ({ id, kind, body }) as RepChange)
      try {
        await client.push(changes)
        store.team.sent(changes.map((change) => change.id))
      } catch (error) {
        if (!(error instanceof ApiError) || error.code !== 'bad_input') throw error
        // One bad entry must not hold back the others: send them one by one and set the refused ones aside.
        for (const change of changes) {
          try {
            await client.push([change])
            store.team.sent([change.id])
          } catch (single) {
            if (!(single instanceof ApiError) || single.code !== 'bad_input') throw single
            setAside(change, single.message)
          }
        }
      }
    }
  })

  const report = async () => {
    await client.reportFigures(measureFigures(store, clock()))
  }

  /** Everything that follows (re)connecting; a failure drops the socket, so reconnecting retries it all. */
  async function catchUp(): Promise<void> {
    const work = catchUpOnce()
    inFlight.add(work)
    await work
    inFlight.delete(work)
  }

  async function catchUpOnce(): Promise<void> {
    try {
      await Promise.all([pull(), flush()])
      await report()
      if (!stopped) store.team.setSyncState({ syncedAt: clock(), error: null })
      retryMs = RETRY_MIN_MS
    } catch (error) {
      status((error as Error).message)
      socket?.close()
    }
  }

  function onPush(push: TeamPush): void {
    // The server says "wake" once it follows this socket: from then on every change is pushed or woken for.
    if (!isConnected) {
      isConnected = true
      status(null)
    }
    let applied = false
    try {
      applied = push.type === 'changes' && apply(push)
    } catch (error) {
      // The store refused it (a full disk...): say so and read from the cursor, which did not move.
      status((error as Error).message)
    }
    if (!applied) void catchUp()
  }

  function connect(): void {
    retryTimer = null
    if (stopped) return
    socket = client.connect(onPush, (reason) => {
      socket = null
      const was = isConnected
      isConnected = false
      if (stopped) return
      if (was) status(reason)
      retryTimer = setTimeout(connect, retryMs)
      retryMs = Math.min(retryMs * 2, RETRY_MAX_MS)
    })
  }

  // New outbox rows come from removals the guard records; a short poll sends them without coupling to the guard.
  const outboxTimer = setInterval(() => {
    if (isConnected && store.team.outboxSize() > 0) flush().catch((error: Error) => status(error.message))
  }, OUTBOX_POLL_MS)
  const figuresTimer = setInterval(() => {
    if (isConnected) report().catch(() => {})
  }, FIGURES_MS)
  outboxTimer.unref()
  figuresTimer.unref()
  const unsubscribe = store.events.subscribe((change) => {
    if (isConnected && change.event.kind === 'removal' && store.team.outboxSize() > 0) {
      flush().catch((error: Error) => status(error.message))
    }
  })
  connect()

  return {
    pull,
    flush,
    connected: () => isConnected,
    async stop() {
      stopped = true
      unsubscribe()
      clearInterval(outboxTimer)
      clearInterval(figuresTimer)
      if (retryTimer) clearTimeout(retryTimer)
      socket?.close()
      await Promise.allSettled([...inFlight, pull(), flush()])
    },
  }
}
