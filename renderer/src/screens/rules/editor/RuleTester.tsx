import { Alert, Card, Descriptions, Empty, Flex, Input, Select, Space, Tag, Typography } from 'antd'
import { useMemo, useState } from 'react'
import type { GroupView } from '../../../../../shared/api/types.ts'
import type { CompiledRuleSet } from '../../../../../shared/rules/index.ts'
import { MESSAGE_KINDS, type MessageContext, type MessageKind } from '../../../../../shared/rules/types.ts'
import { HighlightedText } from '../../../components/HighlightedText.tsx'
import { useT } from '../../../i18n/index.tsx'
import { ActionTag } from '../ActionTag.tsx'

interface RuleTesterProps {
  /** The edited set, compiled once per edit; null while it has errors. */
  compiled: CompiledRuleSet | null
  ruleName: string
  groups: readonly GroupView[]
  /** The group to test in when the rep has not picked one: a scoped rule matches nothing outside its groups. */
  defaultGroupId: string | undefined
}

export function RuleTester({ compiled, ruleName, groups, defaultGroupId }: RuleTesterProps) {
  const t = useT()
  const [text, setText] = useState('')
  const [pickedGroup, setPickedGroup] = useState<string | undefined>(undefined)
  const [kinds, setKinds] = useState<MessageKind[]>(['text'])
  const groupId = pickedGroup ?? defaultGroupId
  const group = groups.find((candidate) => candidate.id === groupId)

  const context = useMemo<MessageContext>(() => ({ kinds, ...(group ? { groupId: group.id, groupTopic: group.topic } : {}) }), [kinds, group])
  const explanation = useMemo(() => (compiled && text ? compiled.explain(text, context) : null), [compiled, text, context])
  const first = useMemo(() => (compiled && text ? compiled.first(text, context) : null), [compiled, text, context])
  const own = explanation?.matched.find((rule) => rule.name === ruleName)
  const shownHits = own ? own.hits : (explanation?.matched.flatMap((rule) => rule.hits) ?? [])

  return (
    <Card title={t('tester.title')} size="small" className="rule-tester">
      <Space orientation="vertical" size={12} className="full-width">
        <Input.TextArea
          value={text}
          onChange={(event) => setText(event.target.value)}
          placeholder={t('tester.placeholder')}
          autoSize={{ minRows: 3, maxRows: 8 }}
          data-testid="tester-input"
        />
        <Flex gap={8}>
          <Select
            allowClear
            showSearch={{ optionFilterProp: 'label' }}
            className="tester-group"
            placeholder={t('tester.noGroup')}
            value={groupId}
            onChange={setPickedGroup}
            options={groups.map((candidate) => ({ value: candidate.id, label: candidate.topic }))}
          />
          <Select
            mode="multiple"
            className="tester-kinds"
            value={kinds}
            onChange={setKinds}
            options={MESSAGE_KINDS.map((kind) => ({ value: kind, label: t(`kind.${kind}`) }))}
            maxTagCount="responsive"
          />
        </Flex>
        {!compiled ? (
          <Alert type="warning" showIcon title={t('tester.fixFirst')} />
        ) : !text ? (
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('tester.empty')} />
        ) : (
          <Descriptions column={1} size="small" bordered className="tester-result">
            <Descriptions.Item label={t('tester.thisRule')}>
              <span data-testid="tester-verdict">
                {own ? <Tag color="red">{t('tester.matches')}</Tag> : <Tag color="default">{t('tester.noMatch')}</Tag>}
              </span>
            </Descriptions.Item>
            <Descriptions.Item label={t('tester.message')}>
              <HighlightedText text={text} hits={shownHits} testId="tester-highlight" />
            </Descriptions.Item>
            <Descriptions.Item label={t('tester.compact')}>
              <Typography.Text code className="mono break-all" data-testid="tester-compact">
                {explanation?.compact || ' '}
              </Typography.Text>
            </Descriptions.Item>
            <Descriptions.Item label={t('tester.firstRule')}>
              <span data-testid="tester-first">
                {first ? (
                  <Space size={4} wrap>
                    <Typography.Text strong>{first.name}</Typography.Text>
                    <ActionTag action={first.action} />
                  </Space>
                ) : (
                  t('tester.nothingFires')
                )}
              </span>
            </Descriptions.Item>
            {explanation && explanation.matched.length > 1 && (
              <Descriptions.Item label={t('tester.alsoMatch')}>
                {explanation.matched.map((rule) => rule.name).join('、')}
              </Descriptions.Item>
            )}
          </Descriptions>
        )}
      </Space>
    </Card>
  )
}
