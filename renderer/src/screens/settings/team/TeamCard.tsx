// Team mode in Settings: join a team (server address and the token the lead gave), see the link's state, subscribe
// to the team's rule packs (their rules are locked; one can be switched off here), read what a new version changed,
// and leave (the rep's own rules, groups and history stay).
import { Alert, Button, Card, Descriptions, Flex, Form, Input, Popconfirm, Tag, Typography } from 'antd'
import type { ApiEvent } from '../../../../../shared/api/contract.ts'
import type { TeamView } from '../../../../../shared/api/types.ts'
import { useApi } from '../../../api/ApiProvider.tsx'
import { useLiveResource } from '../../../api/useLiveResource.ts'
import { useCommand } from '../../../components/useCommand.ts'
import { useT } from '../../../i18n/index.tsx'
import { TeamPackList } from './TeamPackList.tsx'

const fromEvent = (current: TeamView | undefined, event: ApiEvent) => (event.type === 'team' ? event.team : current)

export function TeamCard() {
  const t = useT()
  const api = useApi()
  const team = useLiveResource(() => api.getTeam({}), fromEvent)
  const view = team.data
  return (
    <Card size="small" title={t('team.title')} loading={!view} data-testid="team-card">
      {view && !view.joined && <JoinForm onJoined={team.set} />}
      {view?.joined && (
        <Flex vertical gap={12}>
          <Joined view={view} onLeft={team.set} />
          <TeamPackList view={view} onChange={team.set} />
        </Flex>
      )}
    </Card>
  )
}

function JoinForm({ onJoined }: { onJoined: (view: TeamView) => void }) {
  const t = useT()
  const api = useApi()
  const [form] = Form.useForm<{ serverUrl: string; token: string }>()
  const join = useCommand((input: { serverUrl: string; token: string }) => api.joinTeam(input), {
    onDone: (view) => {
      form.resetFields()
      onJoined(view)
    },
    success: t('team.joined'),
  })
  const reason = (join.error?.details as { reason?: string } | undefined)?.reason
  return (
    <Form form={form} layout="vertical" onFinish={(values) => void join.run(values)}>
      <Typography.Paragraph type="secondary">{t('team.help')}</Typography.Paragraph>
      <Form.Item name="serverUrl" label={t('team.serverUrl')} rules={[{ required: true, message: t('team.serverUrlRequired') }]}>
        <Input placeholder="https://team.example.com" autoComplete="off" data-testid="team-url" />
      </Form.Item>
      <Form.Item name="token" label={t('team.token')} rules={[{ required: true, message: t('team.tokenRequired') }]}>
        <Input.Password visibilityToggle={false} autoComplete="off" data-testid="team-token" />
      </Form.Item>
      {reason === 'team_url_insecure' && (
        <Form.Item>
          <Alert type="warning" showIcon title={t('team.insecureUrl')} />
        </Form.Item>
      )}
      <Button type="primary" htmlType="submit" loading={join.busy}>
        {t('team.join')}
      </Button>
    </Form>
  )
}

function Joined({ view, onLeft }: { view: Extract<TeamView, { joined: true }>; onLeft: (view: TeamView) => void }) {
  const t = useT()
  const api = useApi()
  const leave = useCommand(() => api.leaveTeam({}), { onDone: onLeft, success: t('team.left') })
  return (
    <Flex vertical gap={8}>
      <Descriptions size="small" column={1}>
        <Descriptions.Item label={t('team.name')}>{view.team}</Descriptions.Item>
        <Descriptions.Item label={t('team.you')}>
          {view.rep} {view.role === 'lead' && <Tag color="gold">{t('team.lead')}</Tag>}
        </Descriptions.Item>
        <Descriptions.Item label={t('team.server')}>{view.serverUrl}</Descriptions.Item>
        <Descriptions.Item label={t('team.status')}>
          {view.connected ? <Tag color="green">{t('team.connected')}</Tag> : <Tag color="orange">{t('team.offline')}</Tag>}
          {view.unsent > 0 && <Typography.Text type="secondary">{t('team.unsent', { count: view.unsent })}</Typography.Text>}
        </Descriptions.Item>
        <Descriptions.Item label={t('team.offenders')}>{view.offenders}</Descriptions.Item>
      </Descriptions>
      {view.error && !view.connected && <Alert type="warning" showIcon title={t('team.error', { message: view.error })} />}
      <Popconfirm title={t('team.leaveConfirm')} onConfirm={() => void leave.run()} okText={t('team.leave')} cancelText={t('common.cancel')}>
        <Button danger loading={leave.busy} className="align-start">
          {t('team.leave')}
        </Button>
      </Popconfirm>
    </Flex>
  )
}
