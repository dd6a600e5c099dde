import { Typography } from 'antd'
import type { SecretState } from '../../../shared/api/types.ts'
import { useT } from '../i18n/index.tsx'

/** Whether a write-only secret is set, and its last characters to recognise it by; never the secret itself. */
export function SecretHint({ state }: { state: SecretState }) {
  const t = useT()
  if (!state.set) return <Typography.Text type="secondary">{t('secret.notSet')}</Typography.Text>
  return (
    <Typography.Text type="success">{state.hint ? t('secret.setEndsWith', { hint: state.hint }) : t('secret.set')}</Typography.Text>
  )
}
