import { Button, Card, Input, Result, Space, Steps, Typography } from 'antd'
import { useState } from 'react'
import { TOKEN_HASH_KEY } from '../../../shared/api/http.ts'
import { useT } from '../i18n/index.tsx'

/** The token from a pasted link when it is a link to this very page; null otherwise. */
function tokenOf(link: string): string | null {
  try {
    const url = new URL(link.trim())
    if (url.origin !== window.location.origin) return null
    return new URLSearchParams(url.hash.replace(/^#/u, '')).get(TOKEN_HASH_KEY)
  } catch {
    return null
  }
}

/**
 * Opened without the server's link (a bookmark, a typed address, a token the server no longer accepts): how to get
 * in, step by step, and a box to paste the link the server printed. Not a dead end.
 */
export function NoAccess() {
  const t = useT()
  const [link, setLink] = useState('')
  const token = tokenOf(link)
  const open = () => {
    if (!token) return
    window.location.hash = `${TOKEN_HASH_KEY}=${encodeURIComponent(token)}`
    window.location.reload()
  }
  return (
    <Result
      status="403"
      title={t('access.title')}
      subTitle={t('access.explain')}
      data-testid="no-access"
      extra={
        <Card className="no-access-card">
          <Steps
            orientation="vertical"
            size="small"
            current={-1}
            items={[
              { title: t('access.step.desktop'), content: t('access.step.desktopHelp') },
              { title: t('access.step.server'), content: <Typography.Text code>npm run serve</Typography.Text> },
              { title: t('access.step.paste'), content: t('access.step.pasteHelp') },
            ]}
          />
          <Space.Compact className="full-width">
            <Input
              value={link}
              onChange={(event) => setLink(event.target.value)}
              onPressEnter={open}
              placeholder="http://127.0.0.1:4780/#token=…"
              status={link && !token ? 'error' : undefined}
              aria-label={t('access.step.paste')}
              data-testid="no-access-link"
            />
            <Button type="primary" disabled={!token} onClick={open} data-testid="no-access-open">
              {t('access.open')}
            </Button>
          </Space.Compact>
          {link && !token && <Typography.Text type="danger">{t('access.notALink')}</Typography.Text>}
        </Card>
      }
    />
  )
}
