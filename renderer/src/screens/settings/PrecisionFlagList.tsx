import { WarningOutlined } from '@ant-design/icons'
import { Alert, Button, Flex, Typography } from 'antd'
import type { PrecisionFlag } from '../../../../shared/signals/precision-flags.ts'
import { useRuleLabel } from '../../components/useRuleLabel.ts'
import { useFormat } from '../../i18n/format.ts'
import { useT } from '../../i18n/index.tsx'

/** Rules and signals whose precision (from 5 verdicts on) is below the setting, each with what to do about it. */
export function PrecisionFlagList({ flags }: { flags: readonly PrecisionFlag[] }) {
  const t = useT()
  const format = useFormat()
  const label = useRuleLabel()
  return (
    <Flex vertical gap={8} data-testid="precision-flags">
      <Typography.Text strong>{t('flags.title')}</Typography.Text>
      {flags.length === 0 && <Typography.Text type="secondary">{t('flags.none')}</Typography.Text>}
      {flags.map((flag) => (
        <Alert
          key={flag.rule}
          type="warning"
          icon={<WarningOutlined />}
          showIcon
          data-testid="precision-flag"
          title={t('flags.item', { rule: label(flag.rule), precision: format.percent(flag.precision), judged: flag.judged })}
          description={t(`flags.${flag.suggestion}`)}
          action={
            flag.suggestion === 'switch_to_alert' || flag.suggestion === 'edit_rule' ? (
              <Button size="small" href="#/rules">
                {t('flags.openRules')}
              </Button>
            ) : undefined
          }
        />
      ))}
    </Flex>
  )
}
