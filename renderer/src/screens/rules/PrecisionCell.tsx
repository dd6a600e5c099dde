import { WarningOutlined } from '@ant-design/icons'
import { Tooltip } from 'antd'
import { useFormat } from '../../i18n/format.ts'
import { useT } from '../../i18n/index.tsx'

/** Below this, a rule wrongs customers often enough that the rep should look at it. */
const POOR_PRECISION = 0.8

export function PrecisionCell({ confirmed, falsePositive, precision }: { confirmed: number; falsePositive: number; precision: number | null }) {
  const t = useT()
  const format = useFormat()
  if (precision === null) return <span className="muted">{t('precision.none')}</span>
  const poor = precision < POOR_PRECISION
  return (
    <Tooltip title={t('precision.detail', { confirmed, falsePositive })}>
      <span className={poor ? 'precision-bad' : undefined} data-testid={poor ? 'precision-poor' : undefined}>
        {poor && <WarningOutlined />} {format.percent(precision)}
        <span className="muted precision-count"> ({confirmed}/{confirmed + falsePositive})</span>
      </span>
    </Tooltip>
  )
}
