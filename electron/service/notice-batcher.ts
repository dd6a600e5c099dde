// Groups desktop notices: the first of a burst waits a few seconds for the rest, then one notification says them
// all, so forty failed removals after a lost connection are one notification, not forty.
import { groupNotices, type DesktopNotice } from './notices.ts'
import type { Settings } from '../../shared/policy/settings.ts'

export const NOTICE_GROUP_MS = 5000

export interface NoticeBatcher {
  add(notice: DesktopNotice): void
  /** Shows what is waiting now (quitting). */
  flush(): void
}

export function createNoticeBatcher(
  show: (notice: { title: string; body: string }) => void,
  language: () => Settings['language'],
  timers: { set: (run: () => void, ms: number) => unknown; clear: (timer: unknown) => void } = {
    set: (run, ms) => setTimeout(run, ms).unref(),
    clear: (timer) => clearTimeout(timer as NodeJS.Timeout),
  },
): NoticeBatcher {
  let waiting: DesktopNotice[] = []
  let timer: unknown = null
  const flush = () => {
    if (timer !== null) timers.clear(timer)
    timer = null
    const grouped = groupNotices(waiting, language())
    waiting = []
    if (grouped) show(grouped)
  }
  return {
    add(notice) {
      waiting.push(notice)
      if (timer === null) timer = timers.set(flush, NOTICE_GROUP_MS)
    },
    flush,
  }
}
