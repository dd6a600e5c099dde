import { Segmented, Select } from 'antd'
import { FEED_EVENT_KINDS, type FeedEventKind } from '../../../../shared/api/types.ts'
import { useT } from '../../i18n/index.tsx'
import { useAppData } from '../../state/AppData.tsx'
import { FeedExportButton } from './FeedExportButton.tsx'
import { TIME_RANGES, type FeedFilter, type TimeRange } from './feed-filter.ts'

export function FeedFilters({ filter, onChange }: { filter: FeedFilter; onChange: (filter: FeedFilter) => void }) {
  const t = useT()
  const { groups, rules } = useAppData()
  const set = (patch: Partial<FeedFilter>) => onChange({ ...filter, ...patch })
  return (
    <div className="toolbar">
      <Segmented<'all' | 'needsRep'>
        value={filter.needsRep ? 'needsRep' : 'all'}
        onChange={(shown) => set({ needsRep: shown === 'needsRep' })}
        options={[
          { value: 'all', label: t('feed.filter.all') },
          { value: 'needsRep', label: t('feed.filter.needsRep') },
        ]}
        data-testid="feed-filter-needs-rep"
      />
      <Select
        allowClear
        showSearch={{ optionFilterProp: 'label' }}
        className="filter-group"
        placeholder={t('feed.filter.group')}
        value={filter.groupId}
        onChange={(groupId?: string) => set({ groupId })}
        options={(groups.data ?? []).map((group) => ({ value: group.id, label: group.topic }))}
      />
      <Select
        allowClear
        showSearch={{ optionFilterProp: 'label' }}
        className="filter-rule"
        placeholder={t('feed.filter.rule')}
        value={filter.rule}
        onChange={(rule?: string) => set({ rule })}
        options={(rules.data ?? []).map((rule) => ({ value: rule.name, label: rule.name }))}
      />
      <Select
        mode="multiple"
        allowClear
        className="filter-kinds"
        placeholder={t('feed.filter.kinds')}
        value={filter.kinds ?? []}
        onChange={(kinds: FeedEventKind[]) => set({ kinds })}
        options={FEED_EVENT_KINDS.map((kind) => ({ value: kind, label: t(`feedKind.${kind}`) }))}
        maxTagCount="responsive"
        data-testid="feed-filter-kinds"
      />
      <Select<TimeRange>
        className="filter-time"
        value={filter.time}
        onChange={(time) => set({ time })}
        options={TIME_RANGES.map((range) => ({ value: range, label: t(`feed.time.${range}`) }))}
      />
      <span className="toolbar-spacer" />
      <FeedExportButton filter={filter} />
    </div>
  )
}
