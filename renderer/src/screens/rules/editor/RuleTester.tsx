import { Alert, Card, Descriptions, Empty, Flex, Input, Select, Space, Tag, Typography } from 'antd'
import { useMemo, useState } from 'react'
import type { GroupView } from '../../../../../shared/api/types.ts'
import { MESSAGE_KINDS, type MessageContext, type MessageKind } from '../../../../../shared/rules/types.ts'
import { HighlightedText } from '../../../components/HighlightedText.tsx'
import { useT } from '../../../i18n/index.tsx'
import { ActionTag } from '../ActionTag.tsx'
import { combineMatches, explainMatches, type CheckedDraft, type OtherRules } from './edited-set.ts'

interface RuleTesterProps {
  /** The rest of the edited set, compiled once per editing session, and the draft, compiled alone per edit. */
  others: OtherRules
  draft: CheckedDraft
  groups: readonly GroupView[]
  /** The group to test in when the rep has not picked one: a scoped rule matches nothing outside its groups. */
  defaultGroupId: string | undefined
}

export function RuleTester({ others, draft, groups, defaultGroupId }: RuleTesterProps) {
  const t = useT()
  const [text, setText] = useState('')
  const [pickedGroup, setPickedGroup] = useState<string | undefined>(undefined)
  const [kinds, setKinds] = useState<MessageKind[]>(['text'])
  const groupId = pickedGroup ?? defaultGroupId
  const group = groups.find((candidate) => candidate.id === groupId)

  const context = useMemo<MessageContext>(() => ({ kinds, ...(group ? { groupId: group.id, groupTopic: group.topic } : {}) }), [kinds, group])
  // An edit re-explains the message with the draft alone; the other rules only when the message or its context changes.
  const othersSay = useMemo(() => (others.compiled && text ? explainMatches(others.compiled, text, context) : null), [others, text, context])
  const draftSays = useMemo(() => (draft.compiled && text ? explainMatches(draft.compiled, text, context) : null), [draft, text, context])
  const answer = othersSay && draftSays ? combineMatches(othersSay, others.index, draftSays) : null
  const own = answer?.draft
  const first = answer?.first
  const shownHits = own ? own.hits : (answer?.matched.flatMap((match) => match.hits) ?? [])

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
        {!others.compiled || !draft.compiled ? (
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
                {answer?.compact || ' '}
              </Typography.Text>
            </Descriptions.Item>
            <Descriptions.Item label={t('tester.kinds')}>
              <span data-testid="tester-kinds">
                {answer?.kinds.map((kind) => (
                  <Tag key={kind}>{t(`kind.${kind}`)}</Tag>
                ))}
              </span>
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
            {answer && answer.matched.length > 1 && (
              <Descriptions.Item label={t('tester.alsoMatch')}>
                {answer.matched.map((match) => match.rule.name).join('、')}
              </Descriptions.Item>
            )}
          </Descriptions>
        )}
      </Space>
    </Card>
  )
}
