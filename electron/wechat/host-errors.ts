// The bot host's record of errors: kept, shown, never fatal.
import { redactSecrets } from './puppet-choice.ts'
import { errorText } from '../../shared/text/error-text.ts'

export interface HostError {
  time: number
  /** 'wechaty': reported by Wechaty or the puppet (often spurious); 'inbox': the guard failed to handle an event. */
  source: 'wechaty' | 'inbox'
  message: string
}

export type HostErrorListener = (error: HostError) => void

const KEPT_ERRORS = 100

export class HostErrorLog {
  private readonly kept: HostError[] = []
  private readonly listeners = new Set<HostErrorListener>()

  constructor(
    private readonly secrets: readonly (string | undefined)[],
    private readonly now: () => number,
  ) {}

  record(source: HostError['source'], error: unknown): HostError {
    const text = errorText(error)
    const entry: HostError = { time: this.now(), source, message: redactSecrets(text, this.secrets) }
    this.kept.push(entry)
    if (this.kept.length > KEPT_ERRORS) this.kept.shift()
    for (const listener of this.listeners) listener(entry)
    return entry
  }

  /** The most recent errors, oldest first. */
  list(): readonly HostError[] {
    return [...this.kept]
  }

  latest(): HostError | undefined {
    return this.kept.at(-1)
  }

  subscribe(listener: HostErrorListener): () => void {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }
}
