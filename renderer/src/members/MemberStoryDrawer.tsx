import { SafetyOutlined, UserDeleteOutlined } from '@ant-design/icons'
import { Alert, Button, Card, Col, Drawer, Empty, Flex, Popconfirm, Row, Spin, Statistic, Table, Tag } from 'antd'
import type { MemberGroupStanding, MemberStory } from '../../../shared/api/member-story.ts'
import { useApi, useApiEvent } from '../api/ApiProvider.tsx'
import { useLiveResource } from '../api/useLiveResource.ts'
import { useCommand } from '../components/useCommand.ts'
import { useT } from '../i18n/index.tsx'
import { AllowListButton } from '../screens/feed/AllowListButton.tsx'
import { FeedActions } from '../screens/feed/FeedActions.tsx'
import { FeedCard } from '../screens/feed/FeedCard.tsx'
import { useAppData } from '../state/AppData.tsx'
import { MarkedStillIn, MarkOffender } from './MarkOffender.tsx'

/** A member's offences, warnings, removals and verdicts in every group, with what the rep can do about them. */
export function MemberStoryDrawer({ memberKey, onClose }: { memberKey: string; onClose: () => void }) {
  const t = useT()
  const api = useApi()
  // Any event about this member (a new offence, a pardon, the removal done) re-reads the story.
  const story = useLiveResource<MemberStory>(
    () => api.getMember({ memberKey }),
    (current) => current,
    [memberKey],
  )
  const { reload } = story
  useMemberEvents(memberKey, reload)
  const data = story.data

  return (
    <Drawer open onClose={onClose} size={760} title={data ? t('member.title', { name: data.name }) : t('member.loading')}>
      {story.error && <Alert type="error" showIcon title={story.error.message} />}
      {!data ? (
        !story.error && <Spin />
      ) : (
        <Flex vertical gap={16} data-testid="member-drawer">
          <Flex gap={8} wrap align="center">
            {data.allowListed && <Tag color="green">{t('member.allowListed')}</Tag>}
            {/* A mark says so itself; "removed before" is for the rest. */}
            {data.knownOffender && !data.mark && <Tag color="magenta" data-testid="member-known-offender">{t('member.knownOffender')}</Tag>}
            <MarkOffender story={data} onChanged={reload} />
            <span className="toolbar-spacer" />
            {!data.allowListed && <AllowListButton memberKey={data.memberKey} name={data.name} icon={<SafetyOutlined />} onDone={reload} />}
          </Flex>
          <Row gutter={12}>
            <Col span={8}>
              <Card size="small">
                <Statistic title={t('member.offences')} value={data.offences} />
              </Card>
            </Col>
            <Col span={8}>
              <Card size="small">
                <Statistic title={t('member.warnings')} value={data.warnings} />
              </Card>
            </Col>
            <Col span={8}>
              <Card size="small">
                <Statistic title={t('member.removals')} value={data.removals} />
              </Card>
            </Col>
          </Row>
          <MarkedStillIn story={data} />
          <MemberGroups story={data} onChanged={reload} />
          <div data-testid="member-events">
            {data.events.length === 0 ? (
              <Empty />
            ) : (
              data.events.map((event) => <FeedCard key={event.id} event={event} actions={<FeedActions event={event} onChanged={reload} />} />)
            )}
          </div>
        </Flex>
      )}
    </Drawer>
  )
}

function useMemberEvents(memberKey: string, reload: () => void) {
  useApiEvent((event) => {
    if (event.type === 'feed' && event.event.memberKey === memberKey) reload()
  })
}

function MemberGroups({ story, onChanged }: { story: MemberStory; onChanged: () => void }) {
  const t = useT()
  return (
    <Table<MemberGroupStanding>
      size="small"
      rowKey="groupId"
      pagination={false}
      dataSource={story.groups}
      data-testid="member-groups"
      columns={[
        { title: t('member.col.group'), dataIndex: 'topic', ellipsis: true },
        { title: t('member.col.strikes'), dataIndex: 'activeStrikes', width: 110, align: 'right' },
        {
          title: t('member.col.state'),
          width: 110,
          render: (_, standing) => (standing.removed ? <Tag color="red">{t('member.removed')}</Tag> : <Tag>{t('member.inGroup')}</Tag>),
        },
        { key: 'remove', width: 130, render: (_, standing) => <RemoveByHand story={story} standing={standing} onDone={onChanged} /> },
      ]}
    />
  )
}

function RemoveByHand({ story, standing, onDone }: { story: MemberStory; standing: MemberGroupStanding; onDone: () => void }) {
  const t = useT()
  const api = useApi()
  const { groups } = useAppData()
  const remove = useCommand(() => api.removeMember({ groupId: standing.groupId, memberKey: story.memberKey }), {
    onDone,
    success: t('member.removeQueued', { name: story.name }),
  })
  const group = groups.data?.find((candidate) => candidate.id === standing.groupId)
  if (standing.removed || !standing.memberId) return null
  return (
    <Popconfirm
      title={t('member.removeConfirm', { name: story.name, group: standing.topic })}
      onConfirm={() => void remove.run()}
      okText={t('member.remove')}
      cancelText={t('common.cancel')}
      okButtonProps={{ danger: true, autoFocus: true }}
      destroyOnHidden
    >
      <Button size="small" danger icon={<UserDeleteOutlined />} loading={remove.busy} disabled={group?.botCanRemove === false} data-testid="member-remove">
        {t('member.remove')}
      </Button>
    </Popconfirm>
  )
}
