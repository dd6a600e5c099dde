// The team's rule packs: subscribe or not, each rule locked (shown, not editable) with a switch to turn it off on
// this machine, and what the newest version changed.
import { Flex, List, Switch, Tag, Typography } from 'antd'
import type { TeamPackView, TeamView } from '../../../../../shared/api/types.ts'
import { useApi } from '../../../api/ApiProvider.tsx'
import { useCommand } from '../../../components/useCommand.ts'
import { useT } from '../../../i18n/index.tsx'

type Joined = Extract<TeamView, { joined: true }>

export function TeamPackList({ view, onChange }: { view: Joined; onChange: (view: TeamView) => void }) {
  const t = useT()
  if (view.packs.length === 0) return <Typography.Text type="secondary">{t('team.noPacks')}</Typography.Text>
  return (
    <List
      size="small"
      header={<Typography.Text strong>{t('team.packs')}</Typography.Text>}
      dataSource={view.packs}
      renderItem={(pack) => <PackItem pack={pack} onChange={onChange} />}
    />
  )
}

function PackItem({ pack, onChange }: { pack: TeamPackView; onChange: (view: TeamView) => void }) {
  const t = useT()
  const api = useApi()
  const subscribe = useCommand((subscribed: boolean) => api.setTeamPackSubscribed({ pack: pack.name, subscribed }), { onDone: onChange })
  const toggle = useCommand((rule: string, enabled: boolean) => api.setTeamRuleEnabled({ pack: pack.name, rule, enabled }), { onDone: onChange })
  const { added, removed, changed } = pack.diff
  return (
    <List.Item data-testid={`team-pack-${pack.name}`}>
      <Flex vertical gap={6} className="full-width">
        <Flex gap={8} align="center" wrap>
          <Typography.Text strong>{pack.name}</Typography.Text>
          <Tag>{t('team.version', { version: pack.version })}</Tag>
          <Typography.Text type="secondary">{t('team.publishedBy', { name: pack.author })}</Typography.Text>
          <Switch checked={pack.subscribed} loading={subscribe.busy} onChange={(on) => void subscribe.run(on)} />
          <Typography.Text>{pack.subscribed ? t('team.subscribed') : t('team.notSubscribed')}</Typography.Text>
        </Flex>
        {pack.notes && <Typography.Text type="secondary">{pack.notes}</Typography.Text>}
        {(added.length > 0 || removed.length > 0 || changed.length > 0) && (
          <Typography.Text>
            {t('team.changed', { added: added.join('、') || '—', removed: removed.join('、') || '—', changed: changed.map((entry) => entry.name).join('、') || '—' })}
          </Typography.Text>
        )}
        {pack.subscribed &&
          pack.rules.map((rule) => (
            <Flex key={rule.name} gap={8} align="center">
              <Switch size="small" checked={!rule.switchedOff} loading={toggle.busy} onChange={(on) => void toggle.run(rule.name, on)} />
              <Tag color="purple">{t('team.locked')}</Tag>
              <Typography.Text>{rule.name}</Typography.Text>
              <Typography.Text code>{rule.match}</Typography.Text>
            </Flex>
          ))}
      </Flex>
    </List.Item>
  )
}
