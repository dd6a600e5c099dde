// What several screens and the header need at once, loaded once and kept current by the event stream.
import { createContext, useContext, type ReactNode } from 'react'
import type { GroupView, LoginState, RuleView, SettingsView } from '../../../shared/api/types.ts'
import { useApi } from '../api/ApiProvider.tsx'
import { useLiveResource, type LiveResource } from '../api/useLiveResource.ts'
import { mergeGroups } from './merge-groups.ts'

export interface AppData {
  login: LiveResource<LoginState>
  settings: LiveResource<SettingsView>
  rules: LiveResource<RuleView[]>
  groups: LiveResource<GroupView[]>
}

const AppDataContext = createContext<AppData | null>(null)

export function AppDataProvider({ children }: { children: ReactNode }) {
  const api = useApi()
  const login = useLiveResource(() => api.getLoginState({}), (current, event) => (event.type === 'login' ? event.state : current))
  const settings = useLiveResource(() => api.getSettings({}), (current, event) => (event.type === 'settings' ? event.settings : current))
  const rules = useLiveResource(() => api.listRules({}), (current, event) => (event.type === 'rules' ? event.rules : current))
  const groups = useLiveResource(
    () => api.listGroups({}),
    (current, event) => (event.type === 'groups' ? mergeGroups(current ?? [], event.groups) : current),
  )
  return <AppDataContext.Provider value={{ login, settings, rules, groups }}>{children}</AppDataContext.Provider>
}

export function useAppData(): AppData {
  const data = useContext(AppDataContext)
  if (!data) throw new Error('useAppData outside <AppDataProvider>')
  return data
}
