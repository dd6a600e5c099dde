// The simulator's output: each moderation event as one line, in the scenario's names, once its outcome is known.
import type { Sanction } from '../../shared/policy/index.ts'
import type { EventChange, GuardEvent } from '../store/index.ts'
import type { SimulatedWorld } from './simulated-world.ts'

export type EventLine = { event: string; room: string | null; member: string | null } & Record<string, unknown>

const PRINTED_KINDS = new Set<GuardEvent['kind']>([
  'warning',
  'removal',
  'removal_failed',
  'alert',
  'known_offender_joined',
  'pardon',
  'undo',
  'action_failed',
  'image_failed',
])

/**
 * Turns the guard's event changes into lines. An event is printed once, when it stops being pending (at once when
 * nothing was queued for it): a warning when it was sent, a removal when it happened. A warning or removal that
 * failed is reported by the removal_failed or action_failed event the failure produced, not twice.
 */
export class EventLinePrinter {
  private readonly printed = new Set<number>()
  private readonly claimedSends = new Set<number>()

  private readonly start: number

  constructor(
    private readonly world: SimulatedWorld,
    private readonly clock: () => number,
    private readonly emit: (line: EventLine) => void,
  ) {
    this.start = clock()
  }

  readonly onChange = ({ event }: EventChange): void => {
    if (!PRINTED_KINDS.has(event.kind) || this.printed.has(event.id) || event.status === 'pending') return
    this.printed.add(event.id)
    const failedEffect = event.status === 'failed' && (event.kind === 'warning' || event.kind === 'removal')
    if (!failedEffect) this.emit(this.lineFor(event))
  }

  private lineFor(event: GuardEvent): EventLine {
    return {
      event: event.kind,
      room: event.groupId === null ? null : this.world.nameOf(event.groupId),
      member: event.memberId === null ? null : this.world.nameOf(event.memberId),
      ...this.detailsOf(event),
      // The QR codes an image held, named (a WeChat group invite...), on the decision they led to.
      ...(Array.isArray(event.detail.qr) ? { qr: event.detail.qr } : {}),
      ...(event.dryRun ? { dryRun: true } : {}),
      ...(event.status !== null && event.status !== 'done' ? { status: event.status } : {}),
      // When the outcome became known (a throttled warning goes out later than it was decided), in virtual minutes.
      minute: (this.clock() - this.start) / 60_000,
    }
  }

  private detailsOf(event: GuardEvent): Record<string, unknown> {
    const sanction = event.detail.sanction as Sanction | undefined
    const strike = sanction && sanction.kind !== 'none' && 'strikeNumber' in sanction ? sanction.strikeNumber : undefined
    switch (event.kind) {
      case 'warning': {
        const text = event.status === 'done' ? this.sentWarning(event) : undefined
        return { rule: event.rule, strike, limit: sanction?.kind === 'warn' ? sanction.limit : undefined, text }
      }
      case 'removal':
        return { rule: event.rule, strike, ...(event.detail.knownOffender ? { knownOffender: true } : {}) }
      case 'removal_failed':
      case 'action_failed':
        return { rule: event.rule ?? undefined, reason: event.detail.reason }
      case 'alert':
        return { rule: event.rule, ...(event.detail.divertedToRep && sanction ? { proposed: sanction.kind } : {}) }
      case 'image_failed':
        return { code: event.detail.code, ...(event.detail.baidu ? { baidu: event.detail.baidu } : {}) }
      default:
        return {}
    }
  }

  /** What the world recorded the bot saying for this warning: the first unclaimed message mentioning the member there. */
  private sentWarning(event: GuardEvent): string | undefined {
    const sent = this.world.sent()
    const index = sent.findIndex(
      (message, position) =>
        !this.claimedSends.has(position) && message.roomId === event.groupId && message.mentionIds.includes(event.memberId ?? ''),
    )
    if (index < 0) return undefined
    this.claimedSends.add(index)
    return sent[index]!.text
  }
}
