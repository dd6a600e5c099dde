import { WarningOutlined } from '@ant-design/icons'
import { Tooltip } from 'antd'
import { useFormat } from '../../i18n/format.ts'
import { useT } from '../../i18n/index.tsx'
import { shownPrecision } from '../../../../shared/signals/precision-flags.ts'

/** Below this, a rule wrongs customers often enough that the rep should look at it. */
const POOR_PRECISION = 0.8

export function PrecisionCell({ confirmed, falsePositive }: { confirmed: number; falsePositive: number; precision: number | null }) {
  const t = useT()
  const format = useFormat()
  // One verdict says nothing: precision shows from MIN_VERDICTS verdicts on.
  const precision = shownPrecision({ confirmed, falsePositive })
  if (confirmed + falsePositive === 0) return <span className="muted">{t('precision.none')}</span>
  if (precision === null) return <span className="muted" data-testid="precision-too-few">{t('precision.tooFew')} ({confirmed}/{confirmed + falsePositive})</span>
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
