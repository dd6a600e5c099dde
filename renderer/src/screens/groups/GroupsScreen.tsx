import { SearchOutlined } from '@ant-design/icons'
import { Alert, Input, Select } from 'antd'
import { useCallback, useDeferredValue, useMemo, useState } from 'react'
import type { GroupView } from '../../../../shared/api/types.ts'
import { useApi } from '../../api/ApiProvider.tsx'
import { useCommand } from '../../components/useCommand.ts'
import { useT } from '../../i18n/index.tsx'
import { useAppData } from '../../state/AppData.tsx'
import { mergeGroups } from '../../state/merge-groups.ts'
import { GroupBulkActions } from './GroupBulkActions.tsx'
import { topicMatches } from './group-search.ts'
import { GroupTable } from './GroupTable.tsx'

export type GroupSwitch = 'monitored' | 'quiet' | 'repIsAdmin'
/** Filters in the toolbar rather than the column headers' funnels, which the keyboard cannot reach. */
type Tristate = 'any' | 'yes' | 'no'
const TRISTATES: Tristate[] = ['any', 'yes', 'no']
const passes = (filter: Tristate, value: boolean) => filter === 'any' || (filter === 'yes') === value

export default function GroupsScreen() {
  const t = useT()
  const api = useApi()
  const { groups } = useAppData()
  const [search, setSearch] = useState('')
  const [selected, setSelected] = useState<string[]>([])
  const [monitored, setMonitored] = useState<Tristate>('any')
  const [canRemove, setCanRemove] = useState<Tristate>('any')
  const query = useDeferredValue(search)

  const all = useMemo(() => groups.data ?? [], [groups.data])
  const shown = useMemo(
    () => all.filter((group) => topicMatches(group.topic, query) && passes(monitored, group.monitored) && passes(canRemove, group.removal === 'yes')),
    [all, query, monitored, canRemove],
  )
  const cannotRemove = useMemo(() => all.filter((group) => group.monitored && group.removal !== 'yes').length, [all])

  const toggle = useCommand(
    (groupIds: string[], which: GroupSwitch, on: boolean) => {
      if (which === 'monitored') return api.setGroupsMonitored({ groupIds, monitored: on })
      if (which === 'quiet') return api.setGroupsQuiet({ groupIds, quiet: on })
      return api.setGroupsRepAdmin({ groupIds, repIsAdmin: on })
    },
    { onDone: (changed: GroupView[]) => groups.set((current) => mergeGroups(current ?? [], changed)) },
  )

  // Stable, so the table's columns are built once, not on every keystroke in the search box.
  const { run: runToggle } = toggle
  const toggleOne = useCallback((group: GroupView, which: GroupSwitch, on: boolean) => void runToggle([group.id], which, on), [runToggle])

  return (
    <>
      {cannotRemove > 0 && (
        <Alert type="warning" showIcon className="screen-alert" title={t('groups.cannotRemoveSummary', { count: cannotRemove })} description={t('groups.cannotRemoveHelp')} />
      )}
      <div className="toolbar">
        <Input
          allowClear
          prefix={<SearchOutlined />}
          placeholder={t('groups.searchPinyin')}
          value={search}
          onChange={(event) => setSearch(event.target.value)}
          className="search-input"
          data-testid="groups-search"
        />
        <Select<Tristate>
          value={monitored}
          onChange={setMonitored}
          className="filter-tristate"
          aria-label={t('groups.col.monitored')}
          options={TRISTATES.map((value) => ({ value, label: t(`groups.filter.monitored.${value}`) }))}
          data-testid="groups-filter-monitored"
        />
        <Select<Tristate>
          value={canRemove}
          onChange={setCanRemove}
          className="filter-tristate"
          aria-label={t('groups.col.canRemove')}
          options={TRISTATES.map((value) => ({ value, label: t(`groups.filter.canRemove.${value}`) }))}
          data-testid="groups-filter-can-remove"
        />
        <span className="toolbar-spacer" />
        <GroupBulkActions count={selected.length} busy={toggle.busy} onApply={(which, on) => toggle.run(selected, which, on)} />
      </div>
      <GroupTable
        groups={shown}
        loading={groups.loading && !groups.data}
        selected={selected}
        onSelect={setSelected}
        onToggle={toggleOne}
      />
    </>
  )
}
