import { Tag } from 'antd'
import type { RuleAction } from '../../../../shared/rules/types.ts'
import { useT } from '../../i18n/index.tsx'

const ACTION_COLOR: Record<RuleAction, string> = { warn: 'orange', remove: 'red', alert: 'blue', ignore: 'default' }

export function ActionTag({ action }: { action: RuleAction }) {
  const t = useT()
  return <Tag color={ACTION_COLOR[action]}>{t(`action.${action}`)}</Tag>
}
