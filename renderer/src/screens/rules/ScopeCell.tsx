import { Tag, Tooltip } from 'antd'
import { useT } from '../../i18n/index.tsx'
import { useAppData } from '../../state/AppData.tsx'

/** 'all', or how many groups, naming them on hover (a scope may list group ids or topics). */
export function ScopeCell({ scope }: { scope: 'all' | string[] }) {
  const t = useT()
  const { groups } = useAppData()
  if (scope === 'all') return <Tag>{t('rule.scope.all')}</Tag>
  const topics = scope.map((entry) => groups.data?.find((group) => group.id === entry)?.topic ?? entry)
  return (
    <Tooltip title={topics.join('、')}>
      <Tag color="cyan">{t('rule.scope.count', { count: scope.length })}</Tag>
    </Tooltip>
  )
}
