// The login state the window shows: what the user has to do next (scan, confirm on the phone) and who is logged in.
// The shapes live with the window's API; statuses: stopped, starting, then waiting (QR shown) / scanned / confirmed,
// or timeout / cancel, then logged-in or failed (the puppet could not start; see error), and logged-out.
import { ScanStatus } from 'wechaty'
import type { LoginState, LoginStatus, PuppetName } from '../../shared/api/types.ts'

export type { LoginState, LoginStatus }

/** Who is logged in. */
export type LoginAccount = NonNullable<LoginState['account']>

export type LoginStateListener = (state: LoginState) => void

const SCAN_STATUSES: Record<ScanStatus, LoginStatus> = {
  [ScanStatus.Unknown]: 'waiting',
  [ScanStatus.Waiting]: 'waiting',
  [ScanStatus.Scanned]: 'scanned',
  [ScanStatus.Confirmed]: 'confirmed',
  [ScanStatus.Timeout]: 'timeout',
  [ScanStatus.Cancel]: 'cancel',
}

/** Holds the current state and tells subscribers about every change. */
export class LoginStateStore {
  private state: LoginState
  private readonly listeners = new Set<LoginStateListener>()

  constructor(
    puppet: PuppetName,
    private readonly now: () => number = Date.now,
  ) {
    this.state = { status: 'stopped', puppet, qrUrl: null, account: null, error: null, since: now() }
  }

  current(): LoginState {
    return this.state
  }

  subscribe(listener: LoginStateListener): () => void {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }

  starting(): void {
    this.update({ status: 'starting', qrUrl: null, error: null })
  }

  scan(qrUrl: string, status: ScanStatus): void {
    const loginStatus = SCAN_STATUSES[status] ?? 'waiting'
    // A QR code is only worth showing while it can still be scanned.
    this.update({ status: loginStatus, qrUrl: loginStatus === 'waiting' && qrUrl ? qrUrl : null })
  }

  loggedIn(account: LoginAccount): void {
    this.update({ status: 'logged-in', qrUrl: null, account, error: null })
  }

  loggedOut(): void {
    this.update({ status: 'logged-out', qrUrl: null, account: null })
  }

  failed(error: string): void {
    this.update({ status: 'failed', qrUrl: null, account: null, error })
  }

  stopped(): void {
    this.update({ status: 'stopped', qrUrl: null, account: null })
  }

  private update(change: Partial<LoginState>): void {
    this.state = { ...this.state, ...change, since: this.now() }
    for (const listener of this.listeners) listener(this.state)
  }
}
