import { Result, Typography } from 'antd'
import { useT } from '../i18n/index.tsx'

/** Opened without the server's link: the address that carries the access token is the only way in. */
export function NoAccess() {
  const t = useT()
  return (
    <Result
      status="403"
      title={t('access.title')}
      subTitle={
        <Typography.Paragraph type="secondary">
          {t('access.explain')}
          <br />
          <Typography.Text code>npm run serve</Typography.Text>
        </Typography.Paragraph>
      }
    />
  )
}
