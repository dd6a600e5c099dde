// Click a member anywhere (a feed card, a review, the allow-list) to see their whole story across every monitored
// group, and act from there. One drawer for the whole window, opened through useOpenMember().
import { createContext, useCallback, useContext, useState, type ReactNode } from 'react'
import { Typography } from 'antd'
import { MemberStoryDrawer } from './MemberStoryDrawer.tsx'

const OpenMemberContext = createContext<((memberKey: string) => void) | null>(null)

export function MemberStoryProvider({ children }: { children: ReactNode }) {
  const [memberKey, setMemberKey] = useState<string | null>(null)
  const open = useCallback((key: string) => setMemberKey(key), [])
  return (
    <OpenMemberContext.Provider value={open}>
      {children}
      {memberKey && <MemberStoryDrawer memberKey={memberKey} onClose={() => setMemberKey(null)} />}
    </OpenMemberContext.Provider>
  )
}

export function useOpenMember(): (memberKey: string) => void {
  const open = useContext(OpenMemberContext)
  if (!open) throw new Error('useOpenMember outside <MemberStoryProvider>')
  return open
}

/** A member's name that opens their story; plain text when the member is not known by key. */
export function MemberName({ memberKey, name, strong = true }: { memberKey: string | null; name: string; strong?: boolean }) {
  const open = useOpenMember()
  if (!memberKey) return <Typography.Text strong={strong}>{name}</Typography.Text>
  return (
    <Typography.Link strong={strong} onClick={() => open(memberKey)} data-testid="member-link">
      {name}
    </Typography.Link>
  )
}
