import { Checkbox, Flex, Form, Select, Typography } from 'antd'
import { matchToSimple, simpleToMatch, type SimpleRule } from '../../../../../shared/rules/simple-rule.ts'
import { categoryRule, SIMPLE_CATEGORY_NAMES, type SimpleCategory } from '../../../../../shared/rules/simple-categories.ts'
import { MESSAGE_KINDS, type MessageKind } from '../../../../../shared/rules/types.ts'
import { useT } from '../../../i18n/index.tsx'

const SEPARATORS = [',', '，', '、', ';', '；', '\n']
const KINDS = MESSAGE_KINDS.filter((kind): kind is Exclude<MessageKind, 'text'> => kind !== 'text')

/**
 * The rule as a rep who does not want expressions sees it: a category to start from, the words to look for, the
 * kinds of message that count too, and "but not" words. Every change writes the expression, shown below.
 */
export function SimpleRuleFields({ match, onChange }: { match: string; onChange: (match: string) => void }) {
  const t = useT()
  const simple = matchToSimple(match) ?? { words: [], kinds: [], butNot: [] }
  const set = (patch: Partial<SimpleRule>) => onChange(simpleToMatch({ ...simple, ...patch }))
  return (
    <Flex vertical gap={8} className="simple-rule" data-testid="simple-rule">
      <Select<SimpleCategory>
        placeholder={t('simple.category')}
        aria-label={t('simple.category')}
        onChange={(category) => onChange(simpleToMatch(categoryRule(category)))}
        options={SIMPLE_CATEGORY_NAMES.map((category) => ({ value: category, label: t(`simple.category.${category}`) }))}
        value={null}
        data-testid="simple-category"
      />
      <WordTags label={t('simple.words')} placeholder={t('simple.wordsPlaceholder')} words={simple.words} onChange={(words) => set({ words })} testId="simple-words" />
      <Form.Item label={t('simple.kinds')} className="simple-item" layout="vertical">
        <Checkbox.Group
          value={simple.kinds}
          onChange={(kinds) => set({ kinds: kinds as MessageKind[] })}
          options={KINDS.map((kind) => ({ value: kind, label: t(`kind.${kind}`) }))}
        />
      </Form.Item>
      <WordTags label={t('simple.butNot')} placeholder={t('simple.butNotPlaceholder')} words={simple.butNot} onChange={(butNot) => set({ butNot })} testId="simple-but-not" />
      <Typography.Text type="secondary">
        {t('simple.written')} <Typography.Text code className="mono" data-testid="simple-expression">{match || ' '}</Typography.Text>
      </Typography.Text>
    </Flex>
  )
}

interface WordTagsProps {
  label: string
  placeholder: string
  words: string[]
  onChange: (words: string[]) => void
  testId: string
}

/** A list of words typed one by one (Enter, or a comma of either width, ends a word). */
function WordTags({ label, placeholder, words, onChange, testId }: WordTagsProps) {
  return (
    <Form.Item label={label} className="simple-item" layout="vertical">
      <Select
        mode="tags"
        value={words}
        onChange={onChange}
        tokenSeparators={SEPARATORS}
        open={false}
        suffixIcon={null}
        placeholder={placeholder}
        aria-label={label}
        data-testid={testId}
      />
    </Form.Item>
  )
}
