// One log line per event, for the headless server's stdout. Names and rules only: no message text (the chat is the
// customers'), no QR URL and no secrets.
import type { ApiEvent } from '../../shared/api/contract.ts'

const quote = (value: string) => JSON.stringify(value)

export function describeEvent(event: ApiEvent): string | null {
  switch (event.type) {
    case 'feed': {
      const { event: feed } = event
      const group = feed.groupTopic ?? feed.groupId
      const fields = [
        `${feed.kind}${event.change === 'updated' ? ' updated' : ''}`,
        group ? `group=${quote(group)}` : null,
        feed.memberName ? `member=${quote(feed.memberName)}` : null,
        feed.rule ? `rule=${quote(feed.rule)}` : null,
        feed.status ? `status=${feed.status}` : null,
        feed.dryRun ? 'dry-run' : null,
      ]
      return fields.filter(Boolean).join(' ')
    }
    case 'login':
      return `login ${event.state.status}${event.state.account ? ` account=${quote(event.state.account.name)}` : ''}${event.state.error ? ` error=${quote(event.state.error)}` : ''}`
    case 'groups':
      return `groups ${event.groups.length}`
    case 'rules':
      return `rules saved ${event.rules.length}`
    case 'settings':
      return 'settings saved'
    case 'restart':
      return 'restore staged: stop and start the server to finish it (the current database is kept aside)'
    default:
      return null
  }
}
