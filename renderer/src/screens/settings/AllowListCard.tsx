import { DeleteOutlined, PlusOutlined } from '@ant-design/icons'
import { Button, Card, Form, Input, Popconfirm, Table } from 'antd'
import type { AllowListEntry } from '../../../../shared/api/types.ts'
import { useApi } from '../../api/ApiProvider.tsx'
import { useLiveResource } from '../../api/useLiveResource.ts'
import { useCommand } from '../../components/useCommand.ts'
import { useFormat } from '../../i18n/format.ts'
import { useT } from '../../i18n/index.tsx'
import { MemberName } from '../../members/MemberStory.tsx'

interface NewEntry {
  memberKey: string
  name: string
  note?: string
}

/** Members the guard never acts on (a colleague, the shop's own account). */
export function AllowListCard() {
  const t = useT()
  const api = useApi()
  const format = useFormat()
  const [form] = Form.useForm<NewEntry>()
  const entries = useLiveResource(() => api.listAllowList({}), (current) => current)
  const add = useCommand((entry: NewEntry) => api.addToAllowList(entry.note ? entry : { memberKey: entry.memberKey, name: entry.name }), {
    onDone: (list) => {
      entries.set(list)
      form.resetFields()
    },
  })
  const remove = useCommand((memberKey: string) => api.removeFromAllowList({ memberKey }), { onDone: entries.set })

  return (
    <Card size="small" title={t('allowList.title')} extra={<span className="muted">{t('allowList.help')}</span>}>
      <Form<NewEntry> form={form} layout="inline" onFinish={(entry) => void add.run(entry)} className="allow-list-form">
        <Form.Item name="memberKey" rules={[{ required: true, whitespace: true, message: t('allowList.memberKeyRequired') }]}>
          <Input placeholder={t('allowList.memberKey')} />
        </Form.Item>
        <Form.Item name="name" rules={[{ required: true, whitespace: true, message: t('allowList.nameRequired') }]}>
          <Input placeholder={t('allowList.name')} />
        </Form.Item>
        <Form.Item name="note">
          <Input placeholder={t('allowList.note')} />
        </Form.Item>
        <Form.Item>
          <Button htmlType="submit" icon={<PlusOutlined />} loading={add.busy}>
            {t('allowList.add')}
          </Button>
        </Form.Item>
      </Form>
      <Table<AllowListEntry>
        size="small"
        rowKey="memberKey"
        loading={entries.loading && !entries.data}
        dataSource={entries.data ?? []}
        pagination={{ pageSize: 10, hideOnSinglePage: true, showSizeChanger: false }}
        data-testid="allow-list"
        columns={[
          { title: t('allowList.name'), dataIndex: 'name', ellipsis: true, render: (name: string, entry) => <MemberName memberKey={entry.memberKey} name={name} strong={false} /> },
          { title: t('allowList.memberKey'), dataIndex: 'memberKey', ellipsis: true, render: (key: string) => <span className="mono">{key}</span> },
          { title: t('allowList.note'), dataIndex: 'note', ellipsis: true },
          { title: t('allowList.addedAt'), dataIndex: 'addedAt', width: 160, render: (at: number) => format.dateTime(at) },
          {
            key: 'remove',
            width: 60,
            render: (_, entry) => (
              <Popconfirm title={t('allowList.removeConfirm', { name: entry.name })} onConfirm={() => void remove.run(entry.memberKey)} okText={t('common.delete')} cancelText={t('common.cancel')}>
                <Button type="text" size="small" danger icon={<DeleteOutlined />} aria-label={t('common.delete')} />
              </Popconfirm>
            ),
          },
        ]}
      />
    </Card>
  )
}
